package sc.fiji.mivos.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.core.MivosException;

class FrameChooserTest {

	private static final int W = 20;

	/** Frame t: object 1 everywhere; prediction t covers a fraction of it given by {@code quality[t]}. */
	private static LabelStack[] stacks(final double... quality) {
		final LabelStack gt = new LabelStack(W, W, quality.length);
		final LabelStack pred = new LabelStack(W, W, quality.length);
		for (int t = 0; t < quality.length; t++) {
			gt.setFrame(t, Masks.rect(new int[W * W], W, 0, 0, 10, 10, 1));
			pred.setFrame(t, Masks.rect(new int[W * W], W, 0, 0, 10, (int) Math.round(10 * quality[t]), 1));
		}
		return new LabelStack[] { gt, pred };
	}

	@Test
	void worstFrameHasTheLowestMeanJ() {
		final LabelStack[] s = stacks(0.9, 0.3, 0.5, 0.1);
		final TreeSet<Integer> scored = new TreeSet<>(List.of(0, 1, 2));
		assertEquals(1, FrameChooser.worstFrame(s[0], s[1], scored, Set.of())); // frame 3 is not scored
		assertEquals(2, FrameChooser.worstFrame(s[0], s[1], scored, Set.of(1)));
		assertEquals(1, FrameChooser.worstFrame(s[0], s[1], scored, Set.of(0, 1, 2))); // all excluded: choose again
	}

	@Test
	void tiesGoToTheEarliestAndEmptyFramesArePerfect() {
		final LabelStack[] s = stacks(0.5, 0.5, 1);
		s[0].setFrame(2, new int[W * W]);
		s[1].setFrame(2, new int[W * W]);
		assertEquals(0, FrameChooser.worstFrame(s[0], s[1], new TreeSet<>(List.of(0, 1, 2)), Set.of()));
		assertEquals(1, FrameChooser.worstFrame(s[0], s[1], new TreeSet<>(List.of(0, 1, 2)), Set.of(0)));
	}

	@Test
	void meanRunsOverObjectsOfEitherSide() {
		final LabelStack gt = new LabelStack(W, W, 2);
		final LabelStack pred = new LabelStack(W, W, 2);
		final int[] one = Masks.rect(new int[W * W], W, 0, 0, 5, 5, 1);
		gt.setFrame(0, one);
		gt.setFrame(1, one);
		pred.setFrame(0, one);
		pred.setFrame(1, Masks.rect(one.clone(), W, 10, 10, 12, 12, 7)); // a spurious object halves the mean
		assertEquals(1, FrameChooser.worstFrame(gt, pred, new TreeSet<>(List.of(0, 1)), Set.of()));
	}

	@Test
	void firstFrameHasTheMostObjects() {
		final LabelStack gt = new LabelStack(W, W, 3);
		gt.setFrame(1, Masks.rect(Masks.rect(new int[W * W], W, 0, 0, 2, 2, 1), W, 5, 5, 7, 7, 2));
		gt.setFrame(2, Masks.rect(Masks.rect(new int[W * W], W, 0, 0, 2, 2, 1), W, 5, 5, 7, 7, 3));
		assertEquals(1, FrameChooser.firstFrame(gt, new TreeSet<>(List.of(0, 1, 2))));
		assertEquals(2, FrameChooser.firstFrame(gt, new TreeSet<>(List.of(0, 2))));
		assertThrows(MivosException.class, () -> FrameChooser.firstFrame(gt, new TreeSet<>()));
	}
}
