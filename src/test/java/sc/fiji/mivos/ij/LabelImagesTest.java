package sc.fiji.mivos.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.LUT;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.core.MivosException;
import sc.fiji.mivos.io.ImageFiles;
import sc.fiji.mivos.io.LabelTiffWriter;

class LabelImagesTest {

	private static LabelStack labels(final int big) {
		final LabelStack s = new LabelStack(4, 3, 3);
		s.set(0, 0, 0, 1);
		s.set(3, 2, 1, 2);
		s.set(1, 1, 2, big);
		return s;
	}

	@Test
	void sixteenBitHyperstackAlongTime() {
		final LabelStack s = labels(1000);
		final ImagePlus imp = LabelImages.toImagePlus(s, "seg", null);
		assertEquals("seg", imp.getTitle());
		assertEquals(16, imp.getBitDepth());
		assertArrayEquals(new int[] { 4, 3, 1, 1, 3 }, imp.getDimensions());
		assertEquals(3, imp.getNFrames(), "time runs along T, not Z");
		assertEquals(1000, imp.getStack().getProcessor(3).get(1, 1));
		assertEquals(2, imp.getStack().getProcessor(2).get(3, 2));
		assertEquals(0, imp.getDisplayRangeMin(), 0);
		assertEquals(255, imp.getDisplayRangeMax(), 0);
		assertEquals(s, LabelImages.toLabelStack(imp));
	}

	@Test
	void idsAbove65535GiveAFloatImage() {
		final LabelStack s = labels(1_000_000);
		final ImagePlus imp = LabelImages.toImagePlus(s, null, null);
		assertEquals("labels", imp.getTitle());
		assertEquals(32, imp.getBitDepth());
		assertEquals(1_000_000f, imp.getStack().getProcessor(3).getf(1, 1), 0);
		assertEquals(s, LabelImages.toLabelStack(imp));
		final LabelStack largest = labels(LabelImages.MAX_FLOAT_LABEL);
		assertEquals(largest, LabelImages.toLabelStack(LabelImages.toImagePlus(largest, "x", null)));
		final MivosException e = assertThrows(MivosException.class, () -> LabelImages.toImagePlus(labels(
			LabelImages.MAX_FLOAT_LABEL + 1), "x", null));
		assertTrue(e.getMessage().contains(Integer.toString(LabelImages.MAX_FLOAT_LABEL + 1)), e.getMessage());
	}

	@Test
	void singleFrameIsAPlainImage() {
		final ImagePlus imp = LabelImages.toImagePlus(new LabelStack(2, 2, 1), "one", null);
		assertEquals(1, imp.getStackSize());
		assertEquals(1, LabelImages.toLabelStack(imp).frames());
	}

	@Test
	void copiesSpatialAndTimeCalibrationButNotIntensityCalibration() {
		final ImagePlus source = IJ.createImage("src", "16-bit", 4, 3, 3);
		final Calibration cal = source.getCalibration();
		cal.pixelWidth = 0.25;
		cal.pixelHeight = 0.5;
		cal.setUnit("mm");
		cal.frameInterval = 30;
		cal.setTimeUnit("s");
		cal.setSigned16BitCalibration();
		final ImagePlus imp = LabelImages.toImagePlus(labels(5), "seg", source);
		final Calibration out = imp.getCalibration();
		assertEquals(0.25, out.pixelWidth, 0);
		assertEquals(0.5, out.pixelHeight, 0);
		assertEquals("mm", out.getUnit());
		assertEquals(30, out.frameInterval, 0);
		assertEquals("s", out.getTimeUnit());
		assertFalse(out.calibrated(), "labels must read as their raw ids");
		assertTrue(source.getCalibration().isSigned16Bit(), "source calibration untouched");
		assertEquals(5, LabelImages.toLabelStack(imp).get(1, 1, 2));
	}

	@Test
	void lutHasBlackBackgroundAndDistinctBrightColours() {
		final LUT lut = LabelImages.lut();
		assertEquals(256, lut.getMapSize());
		assertEquals(0, lut.getRGB(0) & 0xffffff);
		final Set<Integer> colours = new HashSet<>();
		for (int i = 1; i < 256; i++) {
			final int rgb = lut.getRGB(i) & 0xffffff;
			colours.add(rgb);
			final int brightest = Math.max(rgb >> 16 & 0xff, Math.max(rgb >> 8 & 0xff, rgb & 0xff));
			assertTrue(brightest >= 200, "colour " + i + " is dark: " + Integer.toHexString(rgb));
		}
		assertEquals(255, colours.size(), "all colours differ");
		assertTrue(distance(lut.getRGB(1), lut.getRGB(2)) > 100, "neighbouring ids differ clearly");
		assertTrue(distance(lut.getRGB(2), lut.getRGB(3)) > 100, "neighbouring ids differ clearly");
		assertTrue(LabelImages.lut() != lut, "each call gives a private copy");
	}

	private static double distance(final int a, final int b) {
		final int dr = (a >> 16 & 0xff) - (b >> 16 & 0xff);
		final int dg = (a >> 8 & 0xff) - (b >> 8 & 0xff);
		final int db = (a & 0xff) - (b & 0xff);
		return Math.sqrt(dr * dr + dg * dg + db * db);
	}

	@Test
	void readsEightBitZStacksAsTime() {
		final ImageStack stack = new ImageStack(2, 1);
		stack.addSlice(new ByteProcessor(2, 1, new byte[] { 0, (byte) 200 }));
		stack.addSlice(new ByteProcessor(2, 1, new byte[] { 3, 0 }));
		final LabelStack s = LabelImages.toLabelStack(new ImagePlus("z", stack));
		assertEquals(2, s.frames());
		assertEquals(200, s.get(1, 0, 0));
		assertEquals(3, s.get(0, 0, 1));
	}

	@Test
	void refusesValuesThatAreNotLabels() {
		for (final float bad : new float[] { -1, 1.5f, Float.NaN, Float.POSITIVE_INFINITY }) {
			final ImagePlus imp = new ImagePlus("f", new FloatProcessor(2, 1, new float[] { 0, bad }));
			final MivosException e = assertThrows(MivosException.class, () -> LabelImages.toLabelStack(imp));
			assertTrue(e.getMessage().contains("'f'") && e.getMessage().contains("x=1"), e.getMessage());
		}
		final MivosException rgb = assertThrows(MivosException.class, () -> LabelImages.toLabelStack(IJ.createImage(
			"c", "RGB", 2, 2, 1)));
		assertTrue(rgb.getMessage().contains("RGB"), rgb.getMessage());
		final MivosException channels = assertThrows(MivosException.class, () -> LabelImages.toLabelStack(IJ
			.createHyperStack("h", 2, 2, 2, 1, 3, 16)));
		assertTrue(channels.getMessage().contains("2 channels"), channels.getMessage());
		final MivosException zt = assertThrows(MivosException.class, () -> LabelImages.toLabelStack(IJ
			.createHyperStack("h", 2, 2, 1, 2, 3, 16)));
		assertTrue(zt.getMessage().contains("2 slices and 3 frames"), zt.getMessage());
	}

	@Test
	void survivesATiffRoundTrip(@TempDir final Path dir) {
		for (final int big : new int[] { 300, 70_000 }) {
			final LabelStack s = labels(big);
			final Path file = dir.resolve("labels-" + big + ".tif");
			LabelTiffWriter.write(LabelImages.toImagePlus(s, "seg", null), file);
			final ImagePlus back = ImageFiles.open(file);
			assertEquals(3, back.getNFrames(), "time stays on T");
			assertEquals(s, LabelImages.toLabelStack(back));
			assertEquals(LabelImages.lut().getRGB(7), back.getProcessor().getLut().getRGB(7), "colour table kept");
		}
	}

	@Test
	void leavesTheStackUntouched() {
		final LabelStack s = labels(7);
		final LabelStack before = s.copy();
		final ImagePlus imp = LabelImages.toImagePlus(s, "x", null);
		imp.getStack().getProcessor(1).set(0, 0, 99);
		assertEquals(before, s);
	}
}
