package sc.fiji.mivos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Line;
import ij.gui.Roi;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;
import ij.process.LUT;
import sc.fiji.mivos.TestData;
import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.ij.LabelImages;
import sc.fiji.mivos.io.ImageFiles;
import sc.fiji.mivos.io.RoiFiles;

/** The command line end to end: exit codes, one-line errors, outputs, and inputs left as they were. */
class MainTest {

	private static final Path DATA = TestData.sharedData();

	@TempDir
	Path tmp;

	private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
	private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

	private int run(final String... args) {
		outBytes.reset();
		errBytes.reset();
		return Main.run(args, new PrintStream(outBytes, true, StandardCharsets.UTF_8), new PrintStream(errBytes, true,
			StandardCharsets.UTF_8));
	}

	private String err() {
		return errBytes.toString(StandardCharsets.UTF_8);
	}

	private String errorLine() {
		return err().lines().filter(l -> l.startsWith("mivos: error: ")).findFirst().orElse("(no error line) " +
			err());
	}

	@Test
	void usageAndUnknownCommandsAndOptions() {
		assertEquals(2, run());
		assertEquals(2, run("frobnicate"));
		assertTrue(errorLine().contains("Unknown command 'frobnicate'"), err());
		assertEquals(2, run("segment", "--image", "x.tif", "--out", "y.tif", "--scribbles", "s.zip", "--colour",
			"red"));
		assertTrue(errorLine().contains("--colour"), err());
		assertEquals(2, run("segment", "--out", "y.tif"));
		assertTrue(errorLine().contains("--image"), err());
		assertEquals(2, run("segment", "--image", "x.tif", "--out", "y.tif"));
		assertTrue(errorLine().contains("--scribbles"), err());
		assertEquals(2, run("segment", "--image", "x.tif", "--out", "y.tif", "--scribbles", "s.zip", "--threads",
			"many"));
		assertTrue(errorLine().contains("--threads"), err());
	}

	@Test
	void missingImageIsNamed() {
		assertEquals(2, run("segment", "--image", tmp.resolve("absent.tif").toString(), "--out", tmp.resolve(
			"l.tif").toString(), "--scribbles", tmp.resolve("s.zip").toString()));
		assertTrue(errorLine().contains("absent.tif"), err());
	}

	@Test
	void unknownScribbleNameAndScribbleOutsideTheImageAreRejected() throws IOException {
		final Path image = discStack(tmp.resolve("discs.tif"));
		final Line bad = new Line(5, 5, 20, 5);
		bad.setName("abc");
		RoiFiles.write(new Roi[] { bad }, tmp.resolve("bad.zip"));
		final String before = sha256(image);
		assertEquals(2, run("segment", "--image", image.toString(), "--scribbles", tmp.resolve("bad.zip").toString(),
			"--out", tmp.resolve("l.tif").toString()));
		assertTrue(errorLine().contains("abc"), err());

		final Line outside = new Line(500, 500, 520, 500);
		outside.setName("1+");
		RoiFiles.write(new Roi[] { outside }, tmp.resolve("outside.zip"));
		assertEquals(2, run("segment", "--image", image.toString(), "--scribbles", tmp.resolve("outside.zip")
			.toString(), "--out", tmp.resolve("l.tif").toString()));
		assertTrue(errorLine().contains("outside"), err());
		assertEquals(before, sha256(image), "the input image must stay untouched");
		assertTrue(!Files.exists(tmp.resolve("l.tif")), "no output after bad input");
	}

	@Test
	void indexedColourImagesAreRefused() throws IOException {
		final ByteProcessor bp = new ByteProcessor(32, 32);
		final byte[] r = new byte[256], g = new byte[256], b = new byte[256];
		for (int i = 0; i < 256; i++) {
			// NB: a jumpy table; ImageJ treats a smooth one as pseudo-colour on a grey image
			r[i] = (byte) (i * 7);
			b[i] = (byte) (i * 13);
		}
		bp.setLut(new LUT(r, g, b));
		final Path file = tmp.resolve("indexed.tif");
		final ImagePlus indexed = new ImagePlus("indexed", bp);
		indexed.setTypeToColor256();
		new FileSaver(indexed).saveAsTiff(file.toString());
		assertEquals(ImagePlus.COLOR_256, IJ.openImage(file.toString()).getType());
		final Line l = new Line(5, 5, 20, 5);
		l.setName("1");
		RoiFiles.write(new Roi[] { l }, tmp.resolve("s.zip"));
		assertEquals(2, run("segment", "--image", file.toString(), "--scribbles", tmp.resolve("s.zip").toString(),
			"--out", tmp.resolve("l.tif").toString()));
		assertTrue(errorLine().toLowerCase().contains("rgb"), err());
	}

	@Test
	void corruptedAndMissingModelFilesAreNamed() throws IOException {
		final Path models = tmp.resolve("models");
		Files.createDirectories(models);
		Files.copy(Paths.get("models/manifest.json"), models.resolve("manifest.json"));
		copyTree(Paths.get("models/lite"), models.resolve("lite"));
		final Path image = discStack(tmp.resolve("discs.tif"));
		final Line l = new Line(8, 16, 16, 16);
		l.setName("1+");
		RoiFiles.write(new Roi[] { l }, tmp.resolve("s.zip"));
		final String old = System.getProperty("mivos.models.dir");
		System.setProperty("mivos.models.dir", models.toString());
		try {
			final Path s2m = models.resolve("lite/s2m.pt");
			final byte[] bytes = Files.readAllBytes(s2m);
			bytes[bytes.length / 2] ^= 0x55;
			Files.write(s2m, bytes);
			assertEquals(2, run("segment", "--image", image.toString(), "--scribbles", tmp.resolve("s.zip")
				.toString(), "--out", tmp.resolve("l.tif").toString()));
			assertTrue(errorLine().contains("s2m") && errorLine().contains("corrupted"), err());
			Files.delete(s2m);
			assertEquals(2, run("segment", "--image", image.toString(), "--scribbles", tmp.resolve("s.zip")
				.toString(), "--out", tmp.resolve("l.tif").toString()));
			assertTrue(errorLine().contains("s2m"), err());
		}
		finally {
			if (old == null) System.clearProperty("mivos.models.dir");
			else System.setProperty("mivos.models.dir", old);
		}
	}

	@Test
	void segmentsACropOfAFluorescenceSequenceFromScribblesAndFromMasks() throws IOException {
		final Path seq = DATA.resolve("Fluo-N2DH-SIM+_01");
		assumeTrue(Files.isDirectory(seq), "evaluation data not on this machine");
		final int x0 = 200, y0 = 200, size = 192, frames = 4;
		final ImageStack stack = new ImageStack(size, size);
		for (int t = 0; t < frames; t++)
			stack.addSlice(crop(IJ.openImage(seq.resolve(String.format("images/t%03d.tif", t)).toString()), x0, y0,
				size));
		final Path image = tmp.resolve("fluo-crop.tif");
		new FileSaver(new ImagePlus("fluo-crop", stack)).saveAsTiffStack(image.toString());
		final ImagePlus gt = new ImagePlus("gt", crop(IJ.openImage(seq.resolve("gt/SEG/man_seg000.tif").toString()),
			x0, y0, size));
		final Path mask = tmp.resolve("gt0.tif");
		new FileSaver(gt).saveAsTiff(mask.toString());
		final SortedSet<Integer> ids = LabelImages.toLabelStack(gt).objectIds();

		final Path fromMasks = tmp.resolve("from-masks.tif");
		assertEquals(0, run("segment", "--image", image.toString(), "--masks", mask.toString(), "--mask-frames", "1",
			"--out", fromMasks.toString()), err());
		final LabelStack labels = LabelImages.toLabelStack(ImageFiles.open(fromMasks));
		assertEquals(frames, labels.frames());
		assertEquals(ids, idsOn(labels, 0));
		assertTrue(ids.containsAll(labels.objectIds()), "no invented object ids");

		final Path rois = tmp.resolve("strokes.zip");
		RoiFiles.write(strokesThrough(gt), rois);
		final Path fromScribbles = tmp.resolve("from-scribbles.tif");
		final Path overlay = tmp.resolve("overlay.png");
		assertEquals(0, run("segment", "--image", image.toString(), "--scribbles", rois.toString(), "--out",
			fromScribbles.toString(), "--overlay", overlay.toString()), err());
		final LabelStack fromStrokes = LabelImages.toLabelStack(ImageFiles.open(fromScribbles));
		assertEquals(frames, fromStrokes.frames());
		assertEquals(ids, idsOn(fromStrokes, 0));
		assertTrue(Files.size(overlay) > 0);
	}

	@Test
	void segmentsAFewFramesOfANaturalColourVideoFromAMask() throws IOException {
		final Path seq = DATA.resolve("DAVIS16_blackswan");
		assumeTrue(Files.isDirectory(seq), "evaluation data not on this machine");
		final Path folder = Files.createDirectories(tmp.resolve("frames"));
		for (int t = 0; t < 3; t++)
			Files.copy(seq.resolve(String.format("images/t%03d.jpg", t)), folder.resolve(String.format("t%03d.jpg",
				t)));
		final Path out = tmp.resolve("swan.tif");
		assertEquals(0, run("segment", "--image", folder.toString(), "--masks", seq.resolve("gt/masks/t000.png")
			.toString(), "--out", out.toString(), "--processing-size", "256"), err());
		final LabelStack labels = LabelImages.toLabelStack(ImageFiles.open(out));
		assertEquals(3, labels.frames());
		assertEquals(480, labels.height());
		assertEquals(new TreeSet<>(List.of(255)), labels.objectIds());
	}

	// -- helpers --

	private static ImageProcessor crop(final ImagePlus imp, final int x0, final int y0, final int size) {
		final ImageProcessor ip = imp.getProcessor();
		ip.setRoi(x0, y0, size, size);
		return ip.crop();
	}

	private static SortedSet<Integer> idsOn(final LabelStack labels, final int t) {
		final SortedSet<Integer> ids = new TreeSet<>();
		for (final int v : labels.frame(t))
			if (v != 0) ids.add(v);
		return ids;
	}

	/** A positive horizontal stroke through the middle row of each object, inside the object. */
	private static Roi[] strokesThrough(final ImagePlus gt) {
		final LabelStack labels = LabelImages.toLabelStack(gt);
		final int w = labels.width();
		final int[] px = labels.frame(0);
		final List<Roi> rois = new ArrayList<>();
		for (final int id : labels.objectIds()) {
			int minY = Integer.MAX_VALUE, maxY = -1;
			for (int i = 0; i < px.length; i++)
				if (px[i] == id) {
					minY = Math.min(minY, i / w);
					maxY = Math.max(maxY, i / w);
				}
			final int y = (minY + maxY) / 2;
			int minX = Integer.MAX_VALUE, maxX = -1;
			for (int x = 0; x < w; x++)
				if (px[y * w + x] == id) {
					minX = Math.min(minX, x);
					maxX = Math.max(maxX, x);
				}
			final int margin = (maxX - minX) / 4;
			final Line line = new Line(minX + margin, y, Math.max(minX + margin, maxX - margin), y);
			line.setName(id + "+");
			line.setPosition(1);
			rois.add(line);
		}
		return rois.toArray(Roi[]::new);
	}

	private static Path discStack(final Path file) {
		final ImageStack stack = new ImageStack(32, 32);
		for (int t = 0; t < 3; t++) {
			final ByteProcessor bp = new ByteProcessor(32, 32);
			bp.setColor(200);
			bp.fillOval(8 + t, 8, 12, 12);
			stack.addSlice(bp);
		}
		new FileSaver(new ImagePlus("discs", stack)).saveAsTiffStack(file.toString());
		return file;
	}

	private static void copyTree(final Path from, final Path to) throws IOException {
		try (Stream<Path> walk = Files.walk(from)) {
			for (final Path p : walk.toList()) {
				final Path target = to.resolve(from.relativize(p).toString());
				if (Files.isDirectory(p)) Files.createDirectories(target);
				else Files.copy(p, target);
			}
		}
	}

	static String sha256(final Path file) throws IOException {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		}
		catch (final NoSuchAlgorithmException e) {
			throw new AssertionError(e);
		}
	}
}
