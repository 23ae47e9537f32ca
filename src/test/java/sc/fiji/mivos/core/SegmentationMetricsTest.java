package sc.fiji.mivos.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SegmentationMetricsTest {

	/** Fills a rectangle [x0, x1) x [y0, y1) of frame t with id. */
	private static void box(final LabelStack s, final int t, final int id, final int x0, final int y0, final int x1,
		final int y1)
	{
		for (int y = y0; y < y1; y++)
			for (int x = x0; x < x1; x++)
				s.set(x, y, t, id);
	}

	@Test
	void perfectPredictionScoresOne() {
		final LabelStack gt = new LabelStack(10, 10, 3);
		box(gt, 0, 1, 0, 0, 4, 4);
		box(gt, 2, 2, 5, 5, 9, 9);
		final JaccardScores j = SegmentationMetrics.jaccard(gt, gt.copy());
		assertEquals(1, j.perFrame()[0], 0);
		assertTrue(Double.isNaN(j.perFrame()[1]), "frame without ground truth objects");
		assertEquals(1, j.perFrame()[2], 0);
		assertEquals(List.of(1, 2), List.copyOf(j.perObject().keySet()));
		assertEquals(1, j.mean(), 0);
	}

	@Test
	void computesHandCheckedValues() {
		final LabelStack gt = new LabelStack(10, 10, 2);
		final LabelStack pr = new LabelStack(10, 10, 2);
		// frame 0: object 1 is 4x4 = 16 px, prediction covers 8 of them plus 8 outside: IoU = 8 / 24
		box(gt, 0, 1, 0, 0, 4, 4);
		box(pr, 0, 1, 0, 2, 4, 6);
		// frame 0: object 2 is 2x2, predicted as object 3 (ids differ): IoU = 0
		box(gt, 0, 2, 8, 8, 10, 10);
		box(pr, 0, 3, 8, 8, 10, 10);
		// frame 1: object 1 absent from truth, predicted on 4 px: adds 4 to its union
		box(pr, 1, 1, 6, 0, 8, 2);
		final JaccardScores j = SegmentationMetrics.jaccard(gt, pr);
		assertEquals((8.0 / 24 + 0) / 2, j.perFrame()[0], 1e-12);
		assertTrue(Double.isNaN(j.perFrame()[1]));
		assertEquals(8.0 / 28, j.perObject().get(1), 1e-12);
		assertEquals(0.0, j.perObject().get(2), 0);
		assertEquals(2, j.perObject().size(), "predicted-only id 3 is not scored");
		assertEquals((8.0 / 28) / 2, j.mean(), 1e-12);
	}

	@Test
	void noGroundTruthObjectsGivesNaNMean() {
		final JaccardScores j = SegmentationMetrics.jaccard(new LabelStack(2, 2, 1), new LabelStack(2, 2, 1));
		assertTrue(Double.isNaN(j.mean()));
		assertTrue(j.perObject().isEmpty());
	}

	@Test
	void rejectsMismatchedStacks() {
		final MivosException e = assertThrows(MivosException.class, () -> SegmentationMetrics.jaccard(
			new LabelStack(4, 4, 2), new LabelStack(4, 4, 3)));
		assertTrue(e.getMessage().contains("2 frames") && e.getMessage().contains("3 frames"), e.getMessage());
		assertThrows(MivosException.class, () -> SegmentationMetrics.jaccard(new LabelStack(4, 5, 1),
			new LabelStack(5, 4, 1)));
	}

	@Test
	void scoresAreImmutableAndInputsUntouched() {
		final LabelStack gt = new LabelStack(3, 3, 1);
		box(gt, 0, 5, 0, 0, 2, 2);
		final LabelStack pr = gt.copy();
		final LabelStack gtBefore = gt.copy();
		final JaccardScores j = SegmentationMetrics.jaccard(gt, pr);
		j.perFrame()[0] = -1;
		assertEquals(1, j.perFrame()[0], 0);
		assertThrows(UnsupportedOperationException.class, () -> j.perObject().put(9, 0.0));
		assertEquals(gtBefore, gt);
		assertEquals(gtBefore, pr);
	}
}
