package sc.fiji.mivos.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class DistanceMapTest {

	@Test
	void matchesBruteForceOnRandomPoints() {
		final Random random = new Random(3);
		final int w = 23, h = 17;
		for (int trial = 0; trial < 10; trial++) {
			final boolean[] f = new boolean[w * h];
			for (int k = 0; k < 1 + random.nextInt(6); k++)
				f[random.nextInt(w * h)] = true;
			final double[] d = DistanceMap.squared(f, w, h);
			for (int i = 0; i < f.length; i++) {
				double best = Double.MAX_VALUE;
				for (int j = 0; j < f.length; j++)
					if (f[j]) {
						final int dx = i % w - j % w, dy = i / w - j / w;
						best = Math.min(best, dx * dx + dy * dy);
					}
				assertEquals(best, d[i], 1e-9);
			}
		}
	}

	@Test
	void noFeatureGivesHugeDistances() {
		for (final double v : DistanceMap.squared(new boolean[12], 4, 3))
			assertTrue(v > 1e10);
	}

	@Test
	void insideDepthIgnoresTheImageBorder() {
		final boolean[] all = new boolean[9];
		java.util.Arrays.fill(all, true);
		all[0] = false;
		final double[] d = DistanceMap.insideDepth(all, 3, 3);
		assertEquals(0, d[0]);
		assertEquals(1, d[1], 1e-12);
		assertEquals(Math.sqrt(8), d[8], 1e-12);
	}
}
