package sc.fiji.mivos.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SortedMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.core.MivosException;

class SegScoreTest {

	private static final int W = 20;

	@Test
	void moreThanHalfCoverageGivesTheJaccard() {
		final int[] gt = Masks.rect(new int[W * W], W, 0, 0, 10, 1, 5); // 10 px
		final int[] pred = Masks.rect(new int[W * W], W, 4, 0, 12, 1, 9); // 8 px, 6 on the object
		// ids need not agree: 6 / (10 + 8 - 6)
		assertEquals(0.5, SegScore.objectJaccards(gt, pred).get(5), 1e-12);
	}

	@Test
	void exactlyHalfIsNoMatch() {
		final int[] gt = Masks.rect(new int[W * W], W, 0, 0, 10, 1, 1);
		final int[] pred = Masks.rect(new int[W * W], W, 5, 0, 15, 1, 1);
		assertEquals(0, SegScore.objectJaccards(gt, pred).get(1));
		final int[] pred2 = Masks.rect(new int[W * W], W, 4, 0, 15, 1, 1);
		assertEquals(6.0 / 15, SegScore.objectJaccards(gt, pred2).get(1), 1e-12);
	}

	@Test
	void onePredictionMayCoverTwoObjects() {
		final int[] gt = Masks.rect(new int[W * W], W, 0, 0, 4, 1, 1);
		Masks.rect(gt, W, 4, 0, 8, 1, 2);
		final int[] pred = Masks.rect(new int[W * W], W, 0, 0, 8, 1, 7);
		final SortedMap<Integer, Double> j = SegScore.objectJaccards(gt, pred);
		assertEquals(0.5, j.get(1), 1e-12);
		assertEquals(0.5, j.get(2), 1e-12);
	}

	@Test
	void splitPredictionMatchesTheMajorityPart() {
		final int[] gt = Masks.rect(new int[W * W], W, 0, 0, 10, 1, 1);
		final int[] pred = Masks.rect(new int[W * W], W, 0, 0, 7, 1, 2);
		Masks.rect(pred, W, 7, 0, 10, 1, 3);
		assertEquals(0.7, SegScore.objectJaccards(gt, pred).get(1), 1e-12);
	}

	@Test
	void meanRunsOverObjectsOfScoredFramesOnly() {
		final LabelStack gt = new LabelStack(W, W, 3);
		final LabelStack pred = new LabelStack(W, W, 3);
		gt.setFrame(0, Masks.rect(new int[W * W], W, 0, 0, 4, 4, 1));
		pred.setFrame(0, Masks.rect(new int[W * W], W, 0, 0, 4, 4, 3));
		final int[] three = Masks.rect(new int[W * W], W, 0, 0, 2, 2, 1);
		Masks.rect(three, W, 5, 5, 7, 7, 2);
		Masks.rect(three, W, 10, 10, 12, 12, 3);
		gt.setFrame(1, three);
		// frame 2 is wrong but carries no ground truth annotation in the scored set
		gt.setFrame(2, Masks.rect(new int[W * W], W, 0, 0, 4, 4, 1));
		final SegScore seg = SegScore.compute(gt, pred, new TreeSet<>(java.util.List.of(0, 1)));
		assertEquals(0.25, seg.seg(), 1e-12); // (1 + 0 + 0 + 0) / 4, not the mean of frame means
		assertEquals(4, seg.objects());
		assertEquals(1, seg.matched());
		assertEquals(1.0, seg.perFrame().get(0));
		assertEquals(0.0, seg.perFrame().get(1));
	}

	@Test
	void noGroundTruthObjectIsUndefined() {
		final LabelStack gt = new LabelStack(4, 4, 2);
		final LabelStack pred = new LabelStack(4, 4, 2);
		pred.set(1, 1, 0, 4);
		final SegScore seg = SegScore.compute(gt, pred, new TreeSet<>(java.util.List.of(0, 1)));
		assertTrue(Double.isNaN(seg.seg()));
		assertEquals(0, seg.objects());
	}

	@Test
	void mismatchedStacksAreRefused() {
		final MivosException e = assertThrows(MivosException.class, () -> SegScore.compute(new LabelStack(4, 4, 2),
			new LabelStack(4, 5, 2), new TreeSet<>(java.util.List.of(0))));
		assertTrue(e.getMessage().contains("4x5x2"), e.getMessage());
		assertThrows(MivosException.class, () -> SegScore.compute(new LabelStack(4, 4, 2), new LabelStack(4, 4, 2),
			new TreeSet<>(java.util.List.of(2))));
	}
}
