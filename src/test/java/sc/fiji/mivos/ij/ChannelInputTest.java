package sc.fiji.mivos.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import ij.IJ;
import ij.ImagePlus;
import sc.fiji.mivos.core.FrameSource;
import sc.fiji.mivos.core.MivosException;
import sc.fiji.mivos.ij.InputChannels.Projection;

/** The input channels of a hyperstack: one, several combined by mean or maximum, at every bit depth. */
class ChannelInputTest {

	@Test
	void channelKeysAreRead() {
		assertEquals(new InputChannels(List.of(2), Projection.MEAN), InputChannels.parse(2, "", "mean"));
		assertEquals(new InputChannels(List.of(1, 3, 4, 5), Projection.MAX), InputChannels.parse(1, "3-5, 1,4",
			"MAX"));
		assertArrayEquals(new int[] { 1, 2, 3 }, InputChannels.parse(1, "all", "mean").resolve(3, "x"));
		for (final String bad : new String[] { "a", "3-1", "0", "1-2-3", "1,,2" })
			assertThrows(MivosException.class, () -> InputChannels.parse(1, bad, "mean"), bad);
		assertThrows(MivosException.class, () -> InputChannels.parse(1, "", "median"));
		final MivosException missing = assertThrows(MivosException.class, () -> InputChannels.parse(1, "2,4", "mean")
			.resolve(3, "cells"));
		assertTrue(missing.getMessage().contains("Channel 4 does not exist"), missing.getMessage());
	}

	@Test
	void theMeanOfChannelsIsSegmentedLikeAnImageHoldingThatMean() {
		final ImagePlus imp = ImagePlusImgsTest.hyperstack(3, 1, 2);
		final ImagePlus mean = IJ.createHyperStack("mean", 3, 2, 1, 1, 2, 16);
		for (int t = 1; t <= 2; t++) {
			final short[] px = (short[]) mean.getStack().getPixels(t);
			for (int i = 0; i < px.length; i++)
				px[i] = (short) (200 + 10 + t + i % 3); // (100 + 300) / 2 + 10z + t + x
		}
		final FrameSource projected = ImagePlusImgs.frameSource(imp, InputChannels.parse(1, "1,3", "mean"), 1, 0, 100);
		final FrameSource expected = ImagePlusImgs.frameSource(mean, 1, 1, 0, 100);
		for (int t = 0; t < 2; t++)
			assertArrayEquals(expected.frame(t), projected.frame(t), 1e-7f);
	}

	@Test
	void theMaximumOf8BitChannelsStays8Bit() {
		final ImagePlus imp = IJ.createHyperStack("b", 2, 1, 2, 1, 1, 8);
		imp.getStack().getProcessor(1).putPixel(0, 0, 40);
		imp.getStack().getProcessor(2).putPixel(0, 0, 200);
		imp.getStack().getProcessor(1).putPixel(1, 0, 90);
		final float[] f = ImagePlusImgs.frameSource(imp, InputChannels.parse(1, "all", "max"), 1, 1, 99).frame(0);
		assertArrayEquals(new float[] { 200 / 255f, 90 / 255f }, f, 1e-7f);
	}

	@Test
	void a32BitMeanKeepsFractions() {
		final ImagePlus imp = IJ.createHyperStack("f", 2, 1, 2, 1, 1, 32);
		imp.getStack().getProcessor(1).putPixelValue(0, 0, 1);
		imp.getStack().getProcessor(2).putPixelValue(0, 0, 2);
		imp.getStack().getProcessor(1).putPixelValue(1, 0, 0);
		imp.getStack().getProcessor(2).putPixelValue(1, 0, 0);
		// percentiles 0..100: 0 -> 0, the largest value (1.5) -> 1
		final float[] f = ImagePlusImgs.frameSource(imp, InputChannels.parse(1, "all", "mean"), 1, 0, 100).frame(0);
		assertArrayEquals(new float[] { 1, 0 }, f, 1e-7f);
		final ImagePlus three = IJ.createHyperStack("f3", 3, 1, 2, 1, 1, 32);
		three.getStack().getProcessor(1).putPixelValue(0, 0, 1);
		three.getStack().getProcessor(1).putPixelValue(1, 0, 3);
		three.getStack().getProcessor(1).putPixelValue(2, 0, 4);
		// means 0.5, 1.5, 2: mapped by 0..100 percentiles to 0, 2/3, 1
		assertArrayEquals(new float[] { 0, 2 / 3f, 1 }, ImagePlusImgs.frameSource(three, InputChannels.parse(1, "1-2",
			"mean"), 1, 0, 100).frame(0), 1e-6f);
	}

	@Test
	void rgbColoursAreOneChannel() {
		final ImagePlus rgb = IJ.createHyperStack("rgb", 4, 4, 2, 1, 2, 24);
		assertEquals(3, ImagePlusImgs.frameSource(rgb, InputChannels.single(2), 1, 1, 99).channels());
		final MivosException e = assertThrows(MivosException.class, () -> ImagePlusImgs.frameSource(rgb, InputChannels
			.parse(1, "all", "mean"), 1, 1, 99));
		assertTrue(e.getMessage().contains("RGB"), e.getMessage());
	}
}
