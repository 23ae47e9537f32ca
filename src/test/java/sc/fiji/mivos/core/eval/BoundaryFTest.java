package sc.fiji.mivos.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class BoundaryFTest {

	@Test
	void toleranceFollowsTheDiagonal() {
		// DAVIS 480p: ceil(0.008 * 979.6) = 8
		assertEquals(8, BoundaryF.toleranceFor(854, 480));
		assertEquals(2, BoundaryF.toleranceFor(100, 100));
		assertEquals(8, new BoundaryF(628, 690).tolerance());
	}

	@Test
	void identicalMasksScoreOne() {
		final int[] gt = Masks.disc(new int[40 * 40], 40, 20, 20, 8, 3);
		assertEquals(1, new BoundaryF(40, 40).f(gt, gt.clone(), 3));
	}

	@Test
	void shiftedSquareAtToleranceZeroAndOne() {
		// 3x3 squares: 8 boundary pixels each, 4 of them shared after a 1-pixel shift
		final int w = 11;
		final int[] gt = Masks.rect(new int[w * w], w, 4, 4, 7, 7, 1);
		final int[] pred = Masks.rect(new int[w * w], w, 5, 4, 8, 7, 1);
		final BoundaryF.Measure exact = new BoundaryF(w, w, 0).measure(gt, pred, 1);
		assertEquals(0.5, exact.precision(), 1e-12);
		assertEquals(0.5, exact.recall(), 1e-12);
		assertEquals(0.5, exact.f(), 1e-12);
		assertEquals(1, new BoundaryF(w, w, 1).f(gt, pred, 1));
	}

	@Test
	void toleranceDecidesAMatchByEuclideanDistance() {
		final int w = 11;
		final int[] gt = Masks.rect(new int[w * w], w, 5, 5, 6, 6, 1);
		final int[] pred = Masks.rect(new int[w * w], w, 7, 6, 8, 7, 1);
		// distance sqrt(5) = 2.24
		assertEquals(0, new BoundaryF(w, w, 2).f(gt, pred, 1));
		assertEquals(1, new BoundaryF(w, w, 3).f(gt, pred, 1));
		assertEquals(0, RegionJaccard.of(gt, pred, 1));
	}

	@Test
	void emptyMasks() {
		final int[] empty = new int[100];
		final int[] one = Masks.rect(new int[100], 10, 2, 2, 5, 5, 1);
		final BoundaryF b = new BoundaryF(10, 10);
		assertEquals(1, b.f(empty, empty, 1));
		assertEquals(0, b.f(one, empty, 1));
		assertEquals(0, b.f(empty, one, 1));
	}

	@Test
	void imageBorderIsNoBoundary() {
		final boolean[] leftHalf = new boolean[100];
		for (int i = 0; i < 100; i++)
			leftHalf[i] = i % 10 < 5;
		final boolean[] b = BoundaryF.boundary(leftHalf, 10, 10);
		int n = 0;
		for (int i = 0; i < 100; i++)
			if (b[i]) {
				n++;
				assertEquals(4, i % 10);
			}
		assertEquals(10, n);
		final int[] full = new int[100];
		java.util.Arrays.fill(full, 1);
		// both masks fill the image: no boundary on either side counts as a perfect match
		assertEquals(1, new BoundaryF(10, 10).f(full, full, 1));
		assertEquals(0, new BoundaryF(10, 10).f(full, Masks.rect(new int[100], 10, 0, 0, 10, 9, 1), 1));
	}

	@Test
	void perObjectAgreesWithSingleObjectsAndBruteForce() {
		final Random random = new Random(7);
		final int w = 48, h = 36;
		for (int trial = 0; trial < 20; trial++) {
			final int[] gt = new int[w * h], pred = new int[w * h];
			for (int id = 1; id <= 3; id++) {
				Masks.disc(gt, w, random.nextInt(w), random.nextInt(h), 2 + random.nextInt(8), id);
				Masks.disc(pred, w, random.nextInt(w), random.nextInt(h), 2 + random.nextInt(8), id);
			}
			final int tol = random.nextInt(4);
			final BoundaryF b = new BoundaryF(w, h, tol);
			b.perObject(gt, pred).forEach((id, m) -> {
				assertEquals(b.measure(gt, pred, id), m);
				assertEquals(bruteForceF(gt, pred, id, w, h, tol), m.f(), 1e-12);
			});
		}
	}

	/** Definition-level F: boundary pixels on the full frame, pairwise distances. */
	private static double bruteForceF(final int[] gt, final int[] pred, final int id, final int w, final int h,
		final int tol)
	{
		final List<int[]> gb = boundaryPixels(gt, id, w, h), pb = boundaryPixels(pred, id, w, h);
		final boolean gEmpty = Masks.count(gt, id) == 0, pEmpty = Masks.count(pred, id) == 0;
		if (gEmpty && pEmpty) return 1;
		if (gEmpty || pEmpty) return 0;
		if (gb.isEmpty() && pb.isEmpty()) return 1;
		if (gb.isEmpty() || pb.isEmpty()) return 0;
		final double p = near(pb, gb, tol) / (double) pb.size(), r = near(gb, pb, tol) / (double) gb.size();
		return p + r == 0 ? 0 : 2 * p * r / (p + r);
	}

	private static int near(final List<int[]> a, final List<int[]> b, final int tol) {
		int n = 0;
		for (final int[] pa : a)
			for (final int[] pb : b)
				if ((pa[0] - pb[0]) * (pa[0] - pb[0]) + (pa[1] - pb[1]) * (pa[1] - pb[1]) <= tol * tol) {
					n++;
					break;
				}
		return n;
	}

	private static List<int[]> boundaryPixels(final int[] labels, final int id, final int w, final int h) {
		final List<int[]> out = new ArrayList<>();
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				if (labels[y * w + x] != id) continue;
				final boolean edge = x > 0 && labels[y * w + x - 1] != id || x < w - 1 && labels[y * w + x + 1] != id ||
					y > 0 && labels[(y - 1) * w + x] != id || y < h - 1 && labels[(y + 1) * w + x] != id;
				if (edge) out.add(new int[] { x, y });
			}
		return out;
	}
}
