package sc.fiji.mivos.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ShortProcessor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.mivos.TestData;
import sc.fiji.mivos.core.MivosException;

class ImageFilesTest {

	private static final Path DATA = TestData.sharedData();

	@TempDir
	Path dir;

	private static ShortProcessor shorts(final int w, final int h, final int base) {
		final short[] px = new short[w * h];
		for (int i = 0; i < px.length; i++)
			px[i] = (short) (base + i);
		return new ShortProcessor(w, h, px, null);
	}

	@Test
	void opensATiffHyperstackWithItsDimensions() {
		final ImagePlus hs = IJ.createHyperStack("hs", 5, 4, 2, 3, 4, 16);
		hs.getStack().getProcessor(hs.getStackIndex(2, 3, 4)).set(1, 1, 777);
		final Path file = dir.resolve("hs.tif");
		assertTrue(new FileSaver(hs).saveAsTiffStack(file.toString()));
		final ImagePlus imp = ImageFiles.open(file);
		assertArrayEquals(new int[] { 5, 4, 2, 3, 4 }, imp.getDimensions());
		assertEquals(777, imp.getStack().getProcessor(imp.getStackIndex(2, 3, 4)).get(1, 1));
	}

	@Test
	void opensSinglePngJpegAndTiff() {
		final ImagePlus grey = new ImagePlus("g", new ByteProcessor(6, 3));
		grey.getProcessor().set(2, 1, 200);
		final Path png = dir.resolve("a.PNG");
		assertTrue(new FileSaver(grey).saveAsPng(png.toString()));
		final ImagePlus p = ImageFiles.open(png);
		assertEquals(8, p.getBitDepth());
		assertEquals(200, p.getProcessor().get(2, 1));
		final Path tif = dir.resolve("a.tiff");
		assertTrue(new FileSaver(new ImagePlus("s", shorts(6, 3, 1000))).saveAsTiff(tif.toString()));
		assertEquals(1005, ImageFiles.open(tif).getProcessor().get(5, 0));
		final Path jpg = dir.resolve("c.jpg");
		final ColorProcessor cp = new ColorProcessor(8, 8);
		cp.setColor(0xff0000);
		cp.fill();
		assertTrue(new FileSaver(new ImagePlus("c", cp)).saveAsJpeg(jpg.toString()));
		final ImagePlus j = ImageFiles.open(jpg);
		assertEquals(24, j.getBitDepth());
		assertTrue((j.getProcessor().get(4, 4) >> 16 & 0xff) > 200);
	}

	@Test
	void folderBecomesATimeSeriesSortedByNameWithNumbersByValue() throws IOException {
		final Path folder = Files.createDirectory(dir.resolve("frames"));
		for (final int t : new int[] { 10, 2, 1 })
			assertTrue(new FileSaver(new ImagePlus("f", shorts(4, 3, t * 100))).saveAsTiff(folder.resolve("f" + t +
				".tif").toString()));
		Files.writeString(folder.resolve("notes.txt"), "not an image");
		Files.writeString(folder.resolve(".hidden.tif"), "not an image either");
		final ImagePlus imp = ImageFiles.open(folder);
		assertEquals("frames", imp.getTitle());
		assertArrayEquals(new int[] { 4, 3, 1, 1, 3 }, imp.getDimensions());
		assertEquals(100, imp.getStack().getProcessor(1).get(0, 0));
		assertEquals(200, imp.getStack().getProcessor(2).get(0, 0));
		assertEquals(1000, imp.getStack().getProcessor(3).get(0, 0));
		assertEquals("f10.tif", imp.getStack().getSliceLabel(3));
	}

	@Test
	void folderFramesMustMatch() throws IOException {
		final Path folder = Files.createDirectory(dir.resolve("mixed"));
		new FileSaver(new ImagePlus("a", shorts(4, 3, 0))).saveAsTiff(folder.resolve("a.tif").toString());
		new FileSaver(new ImagePlus("b", shorts(5, 3, 0))).saveAsTiff(folder.resolve("b.tif").toString());
		final MivosException size = assertThrows(MivosException.class, () -> ImageFiles.open(folder));
		assertTrue(size.getMessage().contains("b.tif") && size.getMessage().contains("4x3 16-bit") && size
			.getMessage().contains("5x3 16-bit"), size.getMessage());
		Files.delete(folder.resolve("b.tif"));
		new FileSaver(new ImagePlus("b", new ByteProcessor(4, 3))).saveAsTiff(folder.resolve("b.tif").toString());
		final MivosException type = assertThrows(MivosException.class, () -> ImageFiles.open(folder));
		assertTrue(type.getMessage().contains("8-bit"), type.getMessage());
		Files.delete(folder.resolve("b.tif"));
		final ImageStack two = new ImageStack(4, 3);
		two.addSlice(shorts(4, 3, 0));
		two.addSlice(shorts(4, 3, 0));
		new FileSaver(new ImagePlus("b", two)).saveAsTiffStack(folder.resolve("b.tif").toString());
		final MivosException stack = assertThrows(MivosException.class, () -> ImageFiles.open(folder));
		assertTrue(stack.getMessage().contains("2 images"), stack.getMessage());
	}

	@Test
	void errorsNameThePath() throws IOException {
		final Path missing = dir.resolve("nope.tif");
		final MivosException m = assertThrows(MivosException.class, () -> ImageFiles.open(missing));
		assertTrue(m.getMessage().contains(missing.toString()), m.getMessage());
		final Path txt = Files.writeString(dir.resolve("movie.avi"), "x");
		final MivosException u = assertThrows(MivosException.class, () -> ImageFiles.open(txt));
		assertTrue(u.getMessage().contains(txt.toString()) && u.getMessage().contains("unsupported"), u.getMessage());
		for (final String name : new String[] { "bad.tif", "bad.png", "bad.jpg" }) {
			final Path bad = Files.write(dir.resolve(name), new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 });
			final MivosException e = assertThrows(MivosException.class, () -> ImageFiles.open(bad), name);
			assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
		}
		final Path empty = Files.createDirectory(dir.resolve("empty"));
		final MivosException f = assertThrows(MivosException.class, () -> ImageFiles.open(empty));
		assertTrue(f.getMessage().contains(empty.toString()) && f.getMessage().contains("no TIFF"), f.getMessage());
	}

	@Test
	void truncatedTiffIsAnError() throws IOException {
		final Path tif = dir.resolve("full.tif");
		new FileSaver(new ImagePlus("s", shorts(64, 64, 0))).saveAsTiff(tif.toString());
		final byte[] bytes = Files.readAllBytes(tif);
		final Path cut = Files.write(dir.resolve("cut.tif"), java.util.Arrays.copyOf(bytes, 100));
		final MivosException e = assertThrows(MivosException.class, () -> ImageFiles.open(cut));
		assertTrue(e.getMessage().contains(cut.toString()), e.getMessage());
	}

	@Test
	void readsLzwCompressedSixteenBitFrames() {
		final Path folder = DATA.resolve("Fluo-N2DH-SIM+_01/images");
		assumeTrue(Files.isDirectory(folder), "shared test data not present: " + folder);
		final ImagePlus single = ImageFiles.open(folder.resolve("t000.tif"));
		assertEquals(16, single.getBitDepth());
		assertEquals(628, single.getWidth());
		assertEquals(690, single.getHeight());
		assertTrue(single.getProcessor().getStatistics().max > 0, "decoded pixels are not all zero");
		final ImagePlus all = ImageFiles.open(folder);
		assertEquals(65, all.getNFrames());
		assertEquals(1, all.getNSlices());
		assertEquals("t064.tif", all.getStack().getSliceLabel(65));
		assertArrayEquals((short[]) single.getProcessor().getPixels(), (short[]) all.getStack().getPixels(1));
	}

	@Test
	void readsEightBitAndRgbFolders() {
		final Path hela = DATA.resolve("DIC-C2DH-HeLa_01/images");
		final Path swan = DATA.resolve("DAVIS16_blackswan/images");
		assumeTrue(Files.isDirectory(hela) && Files.isDirectory(swan), "shared test data not present");
		final ImagePlus h = ImageFiles.open(hela);
		assertEquals(8, h.getBitDepth());
		assertEquals(50, h.getNFrames());
		final ImagePlus s = ImageFiles.open(swan);
		assertEquals(24, s.getBitDepth());
		assertEquals(854, s.getWidth());
		assertEquals(480, s.getHeight());
		assertEquals(50, s.getNFrames());
	}
}
