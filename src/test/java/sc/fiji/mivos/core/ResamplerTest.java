package sc.fiji.mivos.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

		final Resampler kept = new Resampler(200, 37, 512);
		assertEquals(1.0, kept.scale());
		assertFalse(kept.resizes());
		assertEquals(208, kept.paddedWidth());
		assertEquals(48, kept.paddedHeight());

		final Resampler never = new Resampler(3000, 20, 0);
		assertEquals(3008, never.paddedWidth());
		assertEquals(32, never.paddedHeight());
	}

	@Test
	void smallFramesAreUpscaledToTheMinimumSide() {
		final Resampler r = new Resampler(64, 40, 512);
		assertEquals(Resampler.MIN_SIDE, r.scaledWidth());
		assertEquals(80, r.scaledHeight());
		assertEquals(2.0, r.scale(), 1e-12);
		assertTrue(r.resizes());
		assertEquals(128, r.paddedWidth());
		assertEquals(80, r.paddedHeight());

		final Resampler never = new Resampler(64, 40, 0);
		assertEquals(Resampler.MIN_SIDE, never.scaledWidth());
		assertThrows(IllegalArgumentException.class, () -> new Resampler(64, 40, 64));
	}

	@Test
	void paddingReplicatesEdgesAndKeepsContent() {
		final Resampler r = new Resampler(200, 2, 512);
		final float[] img = new float[400];
		for (int i = 0; i < 400; i++)
			img[i] = i;
		final float[] before = img.clone();
		final float[] p = r.toProcessing(img, 1);
		assertEquals(208 * 16, p.length);
		assertEquals(0f, p[0]);
		assertEquals(199f, p[199]);
		assertEquals(199f, p[207]); // first row replicated to the right
		assertEquals(399f, p[15 * 208 + 207]); // bottom-right corner
		assertEquals(200f, p[9 * 208]); // last row replicated down
		assertArrayEquals(before, img);
	}

	@Test
	void downscaleAveragesAndPreservesConstants() {
		final Resampler r = new Resampler(512, 256, 256);
		final float[] img = new float[2 * 512 * 256];
		for (int i = 0; i < 512 * 256; i++) {
			img[i] = 0.25f;
			img[512 * 256 + i] = (i % 512) % 2; // stripes of 0/1, one pixel wide
		}
		final float[] p = r.toProcessing(img, 2);
		assertEquals(2 * 256 * 128, p.length);
		for (int i = 0; i < 256 * 128; i++) {
			assertEquals(0.25f, p[i], 1e-6);
			// NB: the widened filter averages the stripes instead of aliasing them to 0 or 1.
			assertEquals(0.5f, p[256 * 128 + i], 0.13, "stripes average at " + i);
		}
	}

	@Test
	void labelsGoToProcessingByNearestNeighbour() {
		final Resampler r = new Resampler(128, 2, 512);
		final int[] labels = new int[256];
		labels[127] = 2;
		labels[128 + 127] = 3;
		final int[] p = r.labelsToProcessing(labels);
		assertEquals(128 * 16, p.length);
		assertEquals(2, p[127]);
		assertEquals(0, p[126]);
		assertEquals(3, p[15 * 128 + 127]); // padding replicates the last row

		final Resampler half = new Resampler(256, 256, 128);
		final int[] right = new int[256 * 256];
		for (int y = 0; y < 256; y++)
			for (int x = 128; x < 256; x++)
				right[y * 256 + x] = 7;
		final int[] q = half.labelsToProcessing(right);
		assertEquals(0, q[63]);
		assertEquals(7, q[64]);
	}

	@Test
	void labelsComeBackSmoothAndAligned() {
		// downscaled 2x: a disc of radius 32 processing pixels is a disc of radius 64 in the image
		assertDiscComesBack(256, 128);
		// a small frame upscaled 2x: radius 32 processing pixels, 16 image pixels
		assertDiscComesBack(64, 512);
	}

	/** Draws a disc on the processing grid of a square image and checks where it lands in the image. */
	private static void assertDiscComesBack(final int imageSize, final int processingSize) {
		final Resampler r = new Resampler(imageSize, imageSize, processingSize);
		final int n = r.paddedWidth();
		final int[] proc = new int[n * n];
		final float[] conf = new float[n * n];
		for (int y = 0; y < n; y++)
			for (int x = 0; x < n; x++) {
				proc[y * n + x] = Math.hypot(x + 0.5 - n / 2.0, y + 0.5 - n / 2.0) < n / 4.0 ? 5 : 0;
				conf[y * n + x] = 0.9f;
			}
		final int[] img = r.labelsToImage(proc, conf);
		assertEquals(imageSize * imageSize, img.length);
		int wrong = 0, area = 0;
		for (int y = 0; y < imageSize; y++)
			for (int x = 0; x < imageSize; x++) {
				final boolean in = Math.hypot(x + 0.5 - imageSize / 2.0, y + 0.5 - imageSize / 2.0) < imageSize / 4.0;
				if (img[y * imageSize + x] == 5) area++;
				if ((img[y * imageSize + x] == 5) != in) wrong++;
			}
		assertTrue(area > 0 && wrong < 0.05 * area, imageSize + " px: wrong " + wrong + " of " + area);
	}

	@Test
	void labelsToImageOnlyCropsWithoutResize() {
		final Resampler r = new Resampler(130, 2, 0);
		final int[] proc = new int[144 * 16];
		proc[1] = 4;
		proc[144 + 2] = 9;
		proc[130] = 8; // in the padding
		final int[] expected = new int[260];
		expected[1] = 4;
		expected[130 + 2] = 9;
		assertArrayEquals(expected, r.labelsToImage(proc, new float[144 * 16]));
	}

	@Test
	void planeRoundTripIsClose() {
		assertRampRoundTrip(300, 180, 150);
		assertRampRoundTrip(50, 30, 512);
	}

	private static void assertRampRoundTrip(final int w, final int h, final int processingSize) {
		final Resampler r = new Resampler(w, h, processingSize);
		final float[] img = new float[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				img[y * w + x] = x / (float) w;
		final float[] back = r.planeToImage(r.toProcessing(img, 1));
		for (int y = 0; y < h; y++)
			for (int x = 2; x < w - 2; x++)
				assertEquals(img[y * w + x], back[y * w + x], 0.02, w + "x" + h + " at " + x + "," + y);
	}
}
