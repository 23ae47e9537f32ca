package sc.fiji.mivos.io.gt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ShortProcessor;
import sc.fiji.mivos.core.MivosException;

class GroundTruthReaderTest {

	private static final int W = 12, H = 8;

	@TempDir
	Path dir;

	/** Saves 16-bit label planes as one TIFF. */
	private static Path tiff(final Path file, final int[]... planes) {
		final ImageStack stack = new ImageStack(W, H);
		for (final int[] p : planes) {
			final ShortProcessor sp = new ShortProcessor(W, H);
			for (int i = 0; i < p.length; i++)
				sp.set(i, p[i]);
			stack.addSlice(sp);
		}
		final ImagePlus imp = new ImagePlus("labels", stack);
		assertTrue(planes.length > 1 ? new FileSaver(imp).saveAsTiffStack(file.toString()) : new FileSaver(imp)
			.saveAsTiff(file.toString()));
		return file;
	}

	/** A frame with {@code id} in the rectangle [x0, x1) × [y0, y1). */
	private static int[] rect(final int x0, final int y0, final int x1, final int y1, final int id) {
		return paint(new int[W * H], x0, y0, x1, y1, id);
	}

	private static int[] paint(final int[] f, final int x0, final int y0, final int x1, final int y1, final int id) {
		for (int y = y0; y < y1; y++)
			for (int x = x0; x < x1; x++)
				f[y * W + x] = id;
		return f;
	}

	private static Path palettePng(final Path file, final int[] indices) throws IOException {
		final byte[] r = new byte[256], g = new byte[256], b = new byte[256];
		for (int i = 1; i < 256; i++) {
			final int c = ColourIds.paletteColour(i);
			r[i] = (byte) (c >> 16);
			g[i] = (byte) (c >> 8);
			b[i] = (byte) c;
		}
		final BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 256,
			r, g, b));
		for (int i = 0; i < indices.length; i++)
			img.getRaster().setSample(i % W, i / W, 0, indices[i]);
		assertTrue(ImageIO.write(img, "png", file.toFile()));
		return file;
	}

	private static Path rgbPng(final Path file, final int[] colours) throws IOException {
		final BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
		for (int i = 0; i < colours.length; i++)
			img.setRGB(i % W, i / W, colours[i]);
		assertTrue(ImageIO.write(img, "png", file.toFile()));
		return file;
	}

	private static Path greyPng(final Path file, final int[] values) throws IOException {
		final BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
		for (int i = 0; i < values.length; i++)
			img.getRaster().setSample(i % W, i / W, 0, values[i]);
		assertTrue(ImageIO.write(img, "png", file.toFile()));
		return file;
	}

	// -- Label stack --

	@Test
	void labelStackPlanesAreFrames() {
		final int[] a = rect(0, 0, 3, 3, 300), b = rect(4, 4, 8, 8, 2);
		final Path file = tiff(dir.resolve("labels.tif"), a, b, new int[W * H]);
		final GroundTruth gt = GroundTruthReader.read(file, W, H, 5);
		assertEquals(GroundTruth.LABEL_STACK, gt.layout());
		assertEquals(List.of(0, 1, 2), List.copyOf(gt.annotatedFrames()));
		assertArrayEquals(a, gt.labels().frame(0));
		assertArrayEquals(b, gt.labels().frame(1));
		assertArrayEquals(new int[W * H], gt.labels().frame(4));
		assertEquals(Set.of(2, 300), gt.objectIds());
		assertTrue(gt.consistentIds());
		assertTrue(gt.notes().stream().anyMatch(n -> n.contains("only the first 3")), gt.notes().toString());
		final GroundTruth cut = GroundTruthReader.read(file, W, H, 2);
		assertEquals(List.of(0, 1), List.copyOf(cut.annotatedFrames()));
		assertTrue(cut.notes().stream().anyMatch(n -> n.contains("Ignored planes 3-3")), cut.notes().toString());
	}

	@Test
	void wrongSizeNamesTheFile() {
		final ImagePlus imp = new ImagePlus("x", new ShortProcessor(W + 1, H));
		final Path file = dir.resolve("big_labels.tif");
		new FileSaver(imp).saveAsTiff(file.toString());
		final MivosException e = assertThrows(MivosException.class, () -> GroundTruthReader.read(file, W, H, 3));
		assertTrue(e.getMessage().contains("big_labels.tif") && e.getMessage().contains("13x8"), e.getMessage());
		assertThrows(MivosException.class, () -> GroundTruthReader.read(dir.resolve("missing"), W, H, 3));
	}

	// -- Per-frame folders --

	@Test
	void frameIsTheLastNumberInTheName() throws IOException {
		final Path folder = Files.createDirectories(dir.resolve("gt"));
		tiff(folder.resolve("exp7_t002.tif"), rect(0, 0, 2, 2, 4));
		tiff(folder.resolve("exp7_t005.tiff"), rect(2, 2, 5, 5, 4));
		tiff(folder.resolve("exp7_t009.tif"), rect(2, 2, 5, 5, 4));
		Files.writeString(folder.resolve("readme.txt"), "not an image 1");
		final GroundTruth gt = GroundTruthReader.read(folder, W, H, 6);
		assertEquals(GroundTruth.LABEL_FRAMES, gt.layout());
		assertEquals(List.of(2, 5), List.copyOf(gt.annotatedFrames()));
		assertArrayEquals(rect(2, 2, 5, 5, 4), gt.labels().frame(5));
		assertArrayEquals(new int[W * H], gt.labels().frame(3));
		assertTrue(gt.notes().stream().anyMatch(n -> n.contains("exp7_t009.tif")), gt.notes().toString());
		assertEquals(12, FrameFiles.frameOf("man_seg012.tif"));
		assertEquals(0, FrameFiles.frameOf("t000.png"));
	}

	@Test
	void clashingOrUnnumberedFilesAreRefused() throws IOException {
		final Path folder = Files.createDirectories(dir.resolve("clash"));
		tiff(folder.resolve("a_01.tif"), rect(0, 0, 2, 2, 1));
		tiff(folder.resolve("b_1.tif"), rect(0, 0, 2, 2, 1));
		final MivosException e = assertThrows(MivosException.class, () -> GroundTruthReader.read(folder, W, H, 3));
		assertTrue(e.getMessage().contains("a_01.tif") && e.getMessage().contains("b_1.tif"), e.getMessage());
		final Path other = Files.createDirectories(dir.resolve("nonumber"));
		tiff(other.resolve("labels.tif"), rect(0, 0, 2, 2, 1));
		final MivosException e2 = assertThrows(MivosException.class, () -> GroundTruthReader.read(other, W, H, 3));
		assertTrue(e2.getMessage().contains("labels.tif"), e2.getMessage());
	}

	// -- DAVIS PNGs --

	@Test
	void paletteIndicesAreIdsAndVoidIsBackground() throws IOException {
		final Path folder = Files.createDirectories(dir.resolve("masks"));
		final int[] f0 = paint(rect(0, 0, 3, 3, 1), 5, 5, 7, 7, 3);
		final int[] f1 = paint(rect(1, 0, 4, 3, 1), 8, 0, 9, 1, 255);
		palettePng(folder.resolve("00000.png"), f0);
		palettePng(folder.resolve("00001.png"), f1);
		// the reader also finds masks/ below the given folder
		final GroundTruth gt = GroundTruthReader.read(dir, W, H, 2);
		assertEquals(GroundTruth.DAVIS_PNG, gt.layout());
		assertArrayEquals(f0, gt.labels().frame(0));
		assertArrayEquals(rect(1, 0, 4, 3, 1), gt.labels().frame(1));
		assertEquals(Set.of(1, 3), gt.objectIds());
	}

	@Test
	void rgbColoursBecomeIds() throws IOException {
		final Path davis = Files.createDirectories(dir.resolve("davis"));
		final int red = ColourIds.paletteColour(1), olive = ColourIds.paletteColour(3);
		assertEquals(0x800000, red);
		assertEquals(0x808000, olive);
		rgbPng(davis.resolve("t0.png"), paint(rect(0, 0, 2, 2, red), 4, 4, 6, 6, olive));
		final GroundTruth gt = GroundTruthReader.read(davis, W, H, 1);
		assertEquals(GroundTruth.DAVIS_PNG, gt.layout());
		assertArrayEquals(paint(rect(0, 0, 2, 2, 1), 4, 4, 6, 6, 3), gt.labels().frame(0));
		final Path other = Files.createDirectories(dir.resolve("other"));
		rgbPng(other.resolve("t0.png"), paint(rect(0, 0, 2, 2, 0x00ff00), 4, 4, 6, 6, 0xff0000));
		rgbPng(other.resolve("t1.png"), rect(0, 0, 2, 2, 0x0000ff));
		final GroundTruth g2 = GroundTruthReader.read(other, W, H, 2);
		// sorted by packed RGB: blue 0x0000ff → 1, green → 2, red → 3
		assertArrayEquals(paint(rect(0, 0, 2, 2, 2), 4, 4, 6, 6, 3), g2.labels().frame(0));
		assertArrayEquals(rect(0, 0, 2, 2, 1), g2.labels().frame(1));
	}

	@Test
	void binaryMasksAreObjectOne() throws IOException {
		final Path folder = Files.createDirectories(dir.resolve("bin"));
		greyPng(folder.resolve("t000.png"), rect(0, 0, 4, 4, 255));
		greyPng(folder.resolve("t001.png"), new int[W * H]);
		final GroundTruth gt = GroundTruthReader.read(folder, W, H, 2);
		assertEquals(GroundTruth.DAVIS_PNG, gt.layout());
		assertArrayEquals(rect(0, 0, 4, 4, 1), gt.labels().frame(0));
		assertEquals(List.of(0, 1), List.copyOf(gt.annotatedFrames()));
		final Path grey = Files.createDirectories(dir.resolve("grey"));
		greyPng(grey.resolve("t000.png"), paint(rect(0, 0, 4, 4, 2), 6, 6, 8, 8, 7));
		final GroundTruth labels = GroundTruthReader.read(grey, W, H, 1);
		assertEquals(GroundTruth.LABEL_FRAMES, labels.layout());
		assertEquals(Set.of(2, 7), labels.objectIds());
	}

	// -- Cell Tracking Challenge --

	@Test
	void ctcSegmentsTakeTheirTrackIds() throws IOException {
		final Path seg = Files.createDirectories(dir.resolve("01_GT/SEG"));
		final Path tra = Files.createDirectories(dir.resolve("01_GT/TRA"));
		// frame 0: SEG 1 on track 5, SEG 2 on track 7; frame 2: the labels swap, and SEG 3 has no marker
		tiff(seg.resolve("man_seg000.tif"), paint(rect(0, 0, 4, 4, 1), 6, 0, 10, 4, 2));
		tiff(seg.resolve("man_seg002.tif"), paint(paint(rect(0, 0, 4, 4, 2), 6, 0, 10, 4, 1), 0, 6, 2, 8, 3));
		final int[] markers = paint(rect(1, 1, 3, 3, 5), 7, 1, 9, 3, 7);
		for (int t = 0; t < 3; t++)
			tiff(tra.resolve(String.format("man_track%03d.tif", t)), markers);
		Files.writeString(tra.resolve("man_track.txt"), "5 0 2 0\n7 0 2 0\n");
		final GroundTruth gt = GroundTruthReader.read(dir.resolve("01_GT"), W, H, 3);
		assertEquals(GroundTruth.CTC, gt.layout());
		assertEquals(List.of(0, 2), List.copyOf(gt.annotatedFrames()));
		final int[] expected = paint(rect(0, 0, 4, 4, 5), 6, 0, 10, 4, 7);
		assertArrayEquals(expected, gt.labels().frame(0));
		assertArrayEquals(paint(expected.clone(), 0, 6, 2, 8, 8), gt.labels().frame(2)); // fresh id above the tracks
		assertFalse(gt.consistentIds()); // the object without a track has a per-frame id
		assertEquals(new GroundTruth.Track(7, 0, 2, 0), gt.lineage().get(7));
		assertTrue(gt.notes().stream().anyMatch(n -> n.contains("Linked 4 of 5")), gt.notes().toString());
	}

	@Test
	void ctcMarkerClaimedTwiceGoesToTheLargerOverlap() throws IOException {
		final Path seg = Files.createDirectories(dir.resolve("SEG"));
		final Path tra = Files.createDirectories(dir.resolve("TRA"));
		// marker 4 spans x 0..7; SEG 1 covers x 0..5 of it, SEG 2 x 6..7; marker 9 has no segment
		tiff(seg.resolve("man_seg000.tif"), paint(rect(0, 0, 6, 2, 1), 6, 0, 8, 2, 2));
		tiff(tra.resolve("man_track000.tif"), paint(rect(0, 0, 8, 1, 4), 10, 6, 11, 7, 9));
		final GroundTruth gt = GroundTruthReader.read(dir, W, H, 1);
		assertArrayEquals(paint(rect(0, 0, 6, 2, 4), 6, 0, 8, 2, 10), gt.labels().frame(0));
		assertTrue(gt.notes().stream().anyMatch(n -> n.contains("1 tracked cell(s)")), gt.notes().toString());
		// the SEG folder itself works too, with TRA beside it
		assertArrayEquals(gt.labels().frame(0), GroundTruthReader.read(seg, W, H, 1).labels().frame(0));
	}

	@Test
	void ctcWithoutTracksKeepsPerFrameIds() throws IOException {
		final Path seg = Files.createDirectories(dir.resolve("ST_SEG"));
		tiff(seg.resolve("man_seg000.tif"), rect(0, 0, 4, 4, 11));
		tiff(seg.resolve("man_seg001.tif"), rect(0, 0, 4, 4, 12));
		final GroundTruth gt = GroundTruthReader.read(dir, W, H, 2);
		assertEquals(GroundTruth.CTC, gt.layout());
		assertFalse(gt.consistentIds());
		assertTrue(gt.lineage().isEmpty());
		assertArrayEquals(rect(0, 0, 4, 4, 12), gt.labels().frame(1));
		assertTrue(gt.notes().stream().anyMatch(n -> n.startsWith("No TRA")), gt.notes().toString());
		assertTrue(gt.notes().stream().anyMatch(n -> n.startsWith("Silver truth")), gt.notes().toString());
	}

	@Test
	void malformedLineageNamesTheLine() throws IOException {
		final Path seg = Files.createDirectories(dir.resolve("SEG"));
		final Path tra = Files.createDirectories(dir.resolve("TRA"));
		tiff(seg.resolve("man_seg000.tif"), rect(0, 0, 4, 4, 1));
		tiff(tra.resolve("man_track000.tif"), rect(0, 0, 4, 4, 1));
		Files.writeString(tra.resolve("man_track.txt"), "1 0 0 0\n2 0 x 0\n");
		final MivosException e = assertThrows(MivosException.class, () -> GroundTruthReader.read(dir, W, H, 1));
		assertTrue(e.getMessage().contains("Line 2") && e.getMessage().contains("man_track.txt"), e.getMessage());
	}
}
