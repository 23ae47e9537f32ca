package sc.fiji.mivos.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.core.MivosException;

class EvaluationScoresTest {

	private static final int W = 30;

	private static SortedSet<Integer> frames(final Integer... t) {
		return new TreeSet<>(List.of(t));
	}

	@Test
	void meansRunOverPairsWhereTheObjectExists() {
		final LabelStack gt = new LabelStack(W, W, 3);
		final LabelStack pred = new LabelStack(W, W, 3);
		final int[] one = Masks.rect(new int[W * W], W, 2, 2, 10, 10, 1);
		gt.setFrame(0, one);
		pred.setFrame(0, one);
		// frame 1 is not scored: a wrong prediction there changes nothing
		gt.setFrame(1, one);
		final int[] two = Masks.rect(one.clone(), W, 15, 15, 25, 25, 2);
		gt.setFrame(2, two);
		pred.setFrame(2, one);
		final EvaluationScores s = EvaluationScores.compute(gt, pred, frames(0, 2));
		assertEquals(3, s.pairs());
		assertEquals(2.0 / 3, s.j(), 1e-12);
		assertEquals(2.0 / 3, s.f(), 1e-12);
		assertEquals(2.0 / 3, s.jf(), 1e-12);
		assertEquals(new EvaluationScores.Mean(1, 1, 2), s.perObject().get(1));
		assertEquals(new EvaluationScores.Mean(0, 0, 1), s.perObject().get(2));
		assertEquals(new EvaluationScores.Mean(1, 1, 1), s.perFrame().get(0));
		assertEquals(new EvaluationScores.Mean(0.5, 0.5, 2), s.perFrame().get(2));
		assertEquals(List.of(0, 2), List.copyOf(s.perFrame().keySet()));
		assertEquals(2.0 / 3, s.seg(), 1e-12);
		assertEquals(3, s.segObjects());
		assertEquals(2, s.segMatched());
		assertEquals(2, s.framesScored());
	}

	@Test
	void spuriousPredictedObjectsCountAsMisses() {
		final LabelStack gt = new LabelStack(W, W, 1);
		final LabelStack pred = new LabelStack(W, W, 1);
		final int[] one = Masks.rect(new int[W * W], W, 2, 2, 10, 10, 1);
		gt.setFrame(0, one);
		pred.setFrame(0, Masks.rect(one.clone(), W, 20, 20, 25, 25, 4));
		final EvaluationScores s = EvaluationScores.compute(gt, pred, frames(0));
		assertEquals(2, s.pairs());
		assertEquals(0.5, s.j(), 1e-12);
		assertEquals(1, s.seg(), 1e-12); // SEG ignores predictions without ground truth
	}

	@Test
	void emptyGroundTruthAndPrediction() {
		final EvaluationScores s = EvaluationScores.compute(new LabelStack(5, 5, 2), new LabelStack(5, 5, 2),
			frames(0, 1));
		assertEquals(0, s.pairs());
		assertEquals(1, s.jf());
		assertTrue(Double.isNaN(s.seg()));
		assertTrue(s.perFrame().isEmpty());
	}

	@Test
	void partialBoundaryGivesFBetweenZeroAndOne() {
		final LabelStack gt = new LabelStack(W, W, 1);
		final LabelStack pred = new LabelStack(W, W, 1);
		gt.setFrame(0, Masks.rect(new int[W * W], W, 5, 5, 25, 25, 1));
		pred.setFrame(0, Masks.rect(new int[W * W], W, 5, 5, 25, 15, 1));
		final EvaluationScores s = EvaluationScores.compute(gt, pred, frames(0));
		assertEquals(0.5, s.j(), 1e-12);
		assertTrue(s.f() > 0.4 && s.f() < 1, "F " + s.f());
		assertEquals((s.j() + s.f()) / 2, s.jf(), 1e-12);
	}

	@Test
	void mapHasTheReportKeys() {
		final LabelStack gt = new LabelStack(W, W, 2);
		gt.setFrame(1, Masks.rect(new int[W * W], W, 2, 2, 10, 10, 3));
		final Map<String, Object> m = EvaluationScores.compute(gt, gt.copy(), frames(0, 1)).toMap();
		assertEquals(List.of("j", "f", "jf", "seg", "pairs", "frames_scored", "boundary_tolerance_px", "seg_objects",
			"seg_matched", "per_object", "per_frame"), List.copyOf(m.keySet()));
		assertEquals(1.0, m.get("jf"));
		final List<?> perFrame = (List<?>) m.get("per_frame");
		assertEquals(2, ((Map<?, ?>) perFrame.get(0)).get("frame")); // 1-based for users
		assertEquals(3, ((Map<?, ?>) ((List<?>) m.get("per_object")).get(0)).get("object"));
	}

	@Test
	void badInputIsRefused() {
		assertThrows(MivosException.class, () -> EvaluationScores.compute(new LabelStack(5, 5, 2), new LabelStack(5,
			5, 3), frames(0)));
		assertThrows(MivosException.class, () -> EvaluationScores.compute(new LabelStack(5, 5, 2), new LabelStack(5,
			5, 2), frames(-1)));
	}
}
