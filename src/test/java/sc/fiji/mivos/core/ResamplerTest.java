package sc.fiji.mivos.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResamplerTest {

	@Test
	void sizesAreScaledByTheLongerSideAndPaddedToSixteen() {
		final Resampler r = new Resampler(1000, 500, 512);
		assertEquals(512, r.scaledWidth());
		assertEquals(256, r.scaledHeight());
		assertEquals(512, r.paddedWidth());
		assertEquals(256, r.paddedHeight());
		assertEquals(0.512, r.scale(), 1e-12);
		assertTrue(r.resizes());

		final Resampler small = new Resampler(100, 37, 512);
		assertEquals(1.0, small.scale());
		assertFalse(small.resizes());
		assertEquals(112, small.paddedWidth());
		assertEquals(48, small.paddedHeight());

		final Resampler never = new Resampler(3000, 20, 0);
		assertEquals(3008, never.paddedWidth());
		assertEquals(32, never.paddedHeight());
	}

	@Test
	void paddingReplicatesEdgesAndKeepsContent() {
		final Resampler r = new Resampler(3, 2, 512);
		final float[] img = { 1, 2, 3, 4, 5, 6 };
		final float[] p = r.toProcessing(img, 1);
		assertEquals(16 * 16, p.length);
		assertEquals(1f, p[0]);
		assertEquals(3f, p[2]);
		assertEquals(3f, p[15]); // first row replicated to the right
		assertEquals(6f, p[15 * 16 + 15]); // bottom-right corner
		assertEquals(4f, p[9 * 16]); // last row replicated down
		assertArrayEquals(new float[] { 1, 2, 3, 4, 5, 6 }, img);
	}

	@Test
	void downscaleAveragesAndPreservesConstants() {
		final Resampler r = new Resampler(64, 32, 32);
		final float[] img = new float[2 * 64 * 32];
		for (int i = 0; i < 64 * 32; i++) {
			img[i] = 0.25f;
			img[64 * 32 + i] = (i % 64) % 2; // stripes of 0/1, one pixel wide
		}
		final float[] p = r.toProcessing(img, 2);
		assertEquals(2 * 32 * 16, p.length);
		for (int i = 0; i < 32 * 16; i++) {
			assertEquals(0.25f, p[i], 1e-6);
			// NB: the widened filter averages the stripes instead of aliasing them to 0 or 1.
			assertEquals(0.5f, p[32 * 16 + i], 0.13, "stripes average at " + i);
		}
	}

	@Test
	void labelsGoToProcessingByNearestNeighbour() {
		final Resampler r = new Resampler(4, 2, 512);
		final int[] p = r.labelsToProcessing(new int[] { 0, 1, 1, 2, 0, 0, 3, 3 });
		assertEquals(256, p.length);
		assertEquals(2, p[3]);
		assertEquals(2, p[10]);
		assertEquals(3, p[15 * 16 + 15]);

		final Resampler half = new Resampler(64, 64, 32);
		final int[] labels = new int[64 * 64];
		for (int y = 0; y < 64; y++)
			for (int x = 32; x < 64; x++)
				labels[y * 64 + x] = 7;
		final int[] q = half.labelsToProcessing(labels);
		assertEquals(0, q[15]);
		assertEquals(7, q[16]);
	}

	@Test
	void labelsComeBackSmoothAndAligned() {
		final Resampler r = new Resampler(64, 64, 32);
		// a disc of label 5 with radius 8 processing pixels centred at (16,16)
		final int[] proc = new int[32 * 32];
		final float[] conf = new float[32 * 32];
		for (int y = 0; y < 32; y++)
			for (int x = 0; x < 32; x++) {
				final boolean in = Math.hypot(x + 0.5 - 16, y + 0.5 - 16) < 8;
				proc[y * 32 + x] = in ? 5 : 0;
				conf[y * 32 + x] = 0.9f;
			}
		final int[] img = r.labelsToImage(proc, conf);
		assertEquals(64 * 64, img.length);
		int wrong = 0, area = 0;
		for (int y = 0; y < 64; y++)
			for (int x = 0; x < 64; x++) {
				final boolean in = Math.hypot(x + 0.5 - 32, y + 0.5 - 32) < 16;
				if (img[y * 64 + x] == 5) area++;
				if ((img[y * 64 + x] == 5) != in) wrong++;
			}
		assertTrue(wrong < 0.05 * area, "wrong " + wrong + " of " + area);
	}

	@Test
	void labelsToImageOnlyCropsWithoutResize() {
		final Resampler r = new Resampler(3, 2, 0);
		final int[] proc = new int[16 * 16];
		proc[1] = 4;
		proc[16 + 2] = 9;
		proc[3] = 8; // in the padding
		assertArrayEquals(new int[] { 0, 4, 0, 0, 0, 9 }, r.labelsToImage(proc, new float[256]));
	}

	@Test
	void planeRoundTripIsClose() {
		final Resampler r = new Resampler(100, 60, 50);
		final float[] img = new float[100 * 60];
		for (int y = 0; y < 60; y++)
			for (int x = 0; x < 100; x++)
				img[y * 100 + x] = x / 100f;
		final float[] back = r.planeToImage(r.toProcessing(img, 1));
		for (int y = 0; y < 60; y++)
			for (int x = 2; x < 98; x++)
				assertEquals(img[y * 100 + x], back[y * 100 + x], 0.02, "at " + x + "," + y);
	}
}
