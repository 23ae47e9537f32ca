package sc.fiji.mivos.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.process.LUT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.mivos.core.MivosException;

class LabelTiffWriterTest {

	@TempDir
	Path dir;

	/** A 16-bit time series of 3 frames with a red ramp colour table and a calibration. */
	private static ImagePlus labels() {
		final ImagePlus imp = IJ.createHyperStack("labels", 6, 4, 1, 1, 3, 16);
		for (int t = 1; t <= 3; t++)
			imp.getStack().getProcessor(t).set(t, 1, 100 * t);
		final byte[] r = new byte[256];
		for (int i = 0; i < 256; i++)
			r[i] = (byte) i;
		imp.getProcessor().setLut(new LUT(r, new byte[256], new byte[256]));
		imp.setDisplayRange(0, 255);
		imp.getCalibration().pixelWidth = 0.5;
		imp.getCalibration().frameInterval = 12;
		return imp;
	}

	@Test
	void writesTimeSeriesWithCalibrationAndColourTable() {
		final Path out = dir.resolve("a/b/labels.tif");
		LabelTiffWriter.write(labels(), out);
		final ImagePlus back = IJ.openImage(out.toString());
		assertArrayEquals(new int[] { 6, 4, 1, 1, 3 }, back.getDimensions());
		assertEquals(300, back.getStack().getProcessor(3).get(3, 1));
		assertEquals(0.5, back.getCalibration().pixelWidth, 0);
		assertEquals(12, back.getCalibration().frameInterval, 0);
		assertEquals(0xff0000, back.getProcessor().getLut().getRGB(255) & 0xffffff);
		assertEquals(255, back.getDisplayRangeMax(), 0);
	}

	@Test
	void writesSingleImagesAndReplacesOlderOutput() throws IOException {
		final Path out = dir.resolve("one.tiff");
		Files.writeString(out, "old content");
		final ImagePlus one = IJ.createImage("one", "8-bit black", 5, 5, 1);
		one.getProcessor().set(2, 2, 9);
		LabelTiffWriter.write(one, out);
		assertEquals(9, IJ.openImage(out.toString()).getProcessor().get(2, 2));
		try (var list = Files.list(dir)) {
			assertEquals(1, list.count(), "no temporary file left behind");
		}
	}

	@Test
	void leavesTheImageUntouched() {
		final ImagePlus imp = labels();
		final Object pixels = imp.getStack().getPixels(2);
		final short[] before = ((short[]) pixels).clone();
		imp.changes = true;
		LabelTiffWriter.write(imp, dir.resolve("x.tif"));
		assertEquals("labels", imp.getTitle());
		assertTrue(imp.changes);
		assertEquals(null, imp.getOriginalFileInfo());
		assertSame(pixels, imp.getStack().getPixels(2));
		assertArrayEquals(before, (short[]) imp.getStack().getPixels(2));
	}

	@Test
	void refusesToOverwriteTheInput() throws IOException {
		final Path input = dir.resolve("movie.tif");
		Files.writeString(input, "the user's precious data");
		final MivosException same = assertThrows(MivosException.class, () -> LabelTiffWriter.write(labels(), input,
			dir.resolve("other.tif"), input));
		assertTrue(same.getMessage().contains(input.toString()) && same.getMessage().contains("overwrite"), same
			.getMessage());
		final Path roundabout = dir.resolve("sub/../movie.tif");
		assertThrows(MivosException.class, () -> LabelTiffWriter.write(labels(), roundabout, input));
		final Path link = Files.createSymbolicLink(dir.resolve("link.tif"), input);
		assertThrows(MivosException.class, () -> LabelTiffWriter.write(labels(), link, input));
		assertEquals("the user's precious data", Files.readString(input));
		LabelTiffWriter.write(labels(), dir.resolve("fine.tif"), input, null);
		assertTrue(Files.exists(dir.resolve("fine.tif")));
	}

	@Test
	void refusesToWriteIntoAnInputFolderOfFrames() throws IOException {
		final Path frames = Files.createDirectory(dir.resolve("frames"));
		final MivosException e = assertThrows(MivosException.class, () -> LabelTiffWriter.write(labels(), frames
			.resolve("labels.tif"), frames));
		assertTrue(e.getMessage().contains("input folder"), e.getMessage());
		assertFalse(Files.exists(frames.resolve("labels.tif")));
	}

	@Test
	void refusesOtherExtensionsAndFolders() throws IOException {
		final MivosException png = assertThrows(MivosException.class, () -> LabelTiffWriter.write(labels(), dir
			.resolve("labels.png")));
		assertTrue(png.getMessage().contains("labels.png") && png.getMessage().contains(".tif"), png.getMessage());
		final Path folder = Files.createDirectory(dir.resolve("weird.tif"));
		final MivosException f = assertThrows(MivosException.class, () -> LabelTiffWriter.write(labels(), folder));
		assertTrue(f.getMessage().contains("folder"), f.getMessage());
		final Path blocked = Files.writeString(dir.resolve("file"), "x").resolve("labels.tif");
		final MivosException b = assertThrows(MivosException.class, () -> LabelTiffWriter.write(labels(), blocked));
		assertTrue(b.getMessage().contains(blocked.toString()), b.getMessage());
	}
}
