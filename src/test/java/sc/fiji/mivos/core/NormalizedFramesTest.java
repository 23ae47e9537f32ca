package sc.fiji.mivos.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.Test;

class NormalizedFramesTest {

	@Test
	void eightBitIsDividedBy255WhateverThePercentiles() {
		final byte[] data = { 0, 51, (byte) 255, (byte) 128, 1, 2 };
		final FrameSource f = NormalizedFrames.of(ArrayImgs.unsignedBytes(data, 3, 1, 2), 40, 60);
		assertEquals(3, f.width());
		assertEquals(1, f.height());
		assertEquals(2, f.frames());
		assertEquals(1, f.channels());
		assertArrayEquals(new float[] { 0, 0.2f, 1 }, f.frame(0), 1e-6f);
		assertArrayEquals(new float[] { 128 / 255f, 1 / 255f, 2 / 255f }, f.frame(1), 1e-6f);
	}

	@Test
	void sixteenBitMapsThePercentilesOfTheWholeStackToZeroOne() {
		// values 0..100 spread over two frames: percentile p is exactly p
		final short[] data = new short[101];
		for (int i = 0; i <= 100; i++)
			data[i] = (short) (1000 + i * 10); // 1000..2000
		final ArrayImg<UnsignedShortType, ?> img = ArrayImgs.unsignedShorts(data, 101, 1, 1);
		final FrameSource f = NormalizedFrames.of(img, 10, 90); // 1100 -> 0, 1900 -> 1
		final float[] v = f.frame(0);
		assertEquals(0, v[0], 0);
		assertEquals(0, v[10], 1e-6);
		assertEquals(0.5, v[50], 1e-6);
		assertEquals(1, v[90], 1e-6);
		assertEquals(1, v[100], 0); // clipped
		assertEquals(0.25, v[30], 1e-6);
	}

	@Test
	void percentilesInterpolateBetweenRanksAndSpanFrames() {
		// frame 0 holds 0 and 10, frame 1 holds 20 and 30: the 50th percentile is 15
		final ArrayImg<FloatType, FloatArray> img = ArrayImgs.floats(new float[] { 0, 10, 20, 30 }, 2, 1, 2);
		final FrameSource f = NormalizedFrames.of(img, 50, 100); // 15 -> 0, 30 -> 1
		assertArrayEquals(new float[] { 0, 0 }, f.frame(0), 1e-6f);
		assertArrayEquals(new float[] { 5 / 15f, 1 }, f.frame(1), 1e-6f);
	}

	@Test
	void constantImagesGiveZerosNotNaN() {
		final FrameSource f = NormalizedFrames.of(ArrayImgs.unsignedShorts(new short[] { 7, 7, 7, 7 }, 2, 2, 1), 1,
			99.8);
		assertArrayEquals(new float[4], f.frame(0), 0);
		final FrameSource g = NormalizedFrames.of(ArrayImgs.floats(new float[] { -3, -3 }, 1, 1, 2), 1, 99.8);
		assertArrayEquals(new float[1], g.frame(1), 0);
	}

	@Test
	void equalPercentilesBecomeAStep() {
		// 99 background pixels and one bright one: both percentiles are the background value
		final float[] data = new float[100];
		data[42] = 5;
		final FrameSource f = NormalizedFrames.of(ArrayImgs.floats(data, 10, 10, 1), 1, 90);
		final float[] v = f.frame(0);
		assertEquals(1, v[42], 0);
		assertEquals(0, v[0], 0);
	}

	@Test
	void nanPixelsAreIgnoredAndBecomeZero() {
		final FrameSource f = NormalizedFrames.of(ArrayImgs.floats(new float[] { Float.NaN, 0, 1, 2 }, 4, 1, 1), 0,
			100);
		assertArrayEquals(new float[] { 0, 0, 0.5f, 1 }, f.frame(0), 1e-6f);
	}

	@Test
	void honoursTheIntervalMinAndNeverWritesTheInput() {
		final short[] data = { 0, 100, 200, 300 };
		final short[] before = data.clone();
		final FrameSource f = NormalizedFrames.of(Views.translate(ArrayImgs.unsignedShorts(data, 2, 1, 2), 5, -3,
			10), 0, 100);
		assertEquals(2, f.frames());
		assertArrayEquals(new float[] { 2 / 3f, 1 }, f.frame(1), 1e-6f);
		final float[] first = f.frame(0);
		first[0] = 99;
		assertEquals(0, f.frame(0)[0], 0, "frame() returns a fresh array");
		assertArrayEquals(before, data);
	}

	@Test
	void hugeStacksUseADeterministicSample() {
		// 4096 x 4096 x 2 = 2^25 pixels, more than MAX_SAMPLES; values are uniform 0..65535
		final int w = 4096;
		final int h = 4096;
		final short[] data = new short[w * h * 2];
		final Random rnd = new Random(1);
		for (int i = 0; i < data.length; i++)
			data[i] = (short) rnd.nextInt(65536);
		final ArrayImg<UnsignedShortType, ?> img = ArrayImgs.unsignedShorts(data, w, h, 2);
		assertTrue((long) w * h * 2 > NormalizedFrames.MAX_SAMPLES);
		final FrameSource a = NormalizedFrames.of(img, 25, 75);
		final FrameSource b = NormalizedFrames.of(img, 25, 75);
		final float[] fa = a.frame(1);
		assertArrayEquals(fa, b.frame(1), 0);
		// the 25th..75th percentile of a uniform 0..65535 is about 16384..49152
		int idx = -1;
		for (int i = 0; i < data.length / 2 && idx < 0; i++)
			if ((data[w * h + i] & 0xffff) == 32768) idx = i;
		assertTrue(idx >= 0);
		assertEquals(0.5, fa[idx], 0.01);
	}

	@Test
	void argbGivesThreeChannelsEachOver255() {
		final int[] data = { 0xff102030, 0x00ff0080, 0x12345678, 0xffffffff };
		final FrameSource f = NormalizedFrames.ofArgb(ArrayImgs.argbs(data, 2, 1, 2));
		assertEquals(3, f.channels());
		assertArrayEquals(new float[] { 0x10 / 255f, 1, 0x20 / 255f, 0, 0x30 / 255f, 0x80 / 255f }, f.frame(0),
			1e-6f);
		assertArrayEquals(new float[] { 0x34 / 255f, 1, 0x56 / 255f, 1, 0x78 / 255f, 1 }, f.frame(1), 1e-6f);
	}

	@Test
	void rejectsBadDimensionsAndPercentiles() {
		final MivosException twoD = assertThrows(MivosException.class, () -> NormalizedFrames.of(ArrayImgs
			.unsignedBytes(2, 2), 1, 99));
		assertTrue(twoD.getMessage().contains("2 dimensions"), twoD.getMessage());
		assertThrows(MivosException.class, () -> NormalizedFrames.ofArgb(ArrayImgs.argbs(2, 2, 1, 1)));
		for (final double[] p : new double[][] { { 50, 50 }, { 60, 40 }, { -1, 50 }, { 1, 101 }, { Double.NaN,
			99 } })
		{
			final MivosException e = assertThrows(MivosException.class, () -> NormalizedFrames.of(ArrayImgs
				.unsignedShorts(2, 2, 1), p[0], p[1]));
			assertTrue(e.getMessage().contains("Percentiles"), e.getMessage());
		}
	}

	@Test
	void frameIndexIsChecked() {
		final FrameSource f = NormalizedFrames.of(ArrayImgs.unsignedBytes(2, 2, 3), 1, 99);
		assertThrows(IndexOutOfBoundsException.class, () -> f.frame(3));
		assertThrows(IndexOutOfBoundsException.class, () -> f.frame(-1));
	}
}
