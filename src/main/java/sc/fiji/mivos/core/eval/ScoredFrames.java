package sc.fiji.mivos.core.eval;

import java.util.SortedSet;

import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.core.MivosException;

/** Checks shared by the sequence-level measures: same stack shape, scored frames inside the stack. */
final class ScoredFrames {

	private ScoredFrames() {}

	/**
	 * @throws MivosException when the stacks differ in size or a scored frame lies outside them
	 */
	static void check(final LabelStack gt, final LabelStack predicted, final SortedSet<Integer> frames) {
		if (gt.width() != predicted.width() || gt.height() != predicted.height() || gt.frames() != predicted
			.frames()) throw new MivosException("The prediction is " + shape(predicted) +
				" but the ground truth is " + shape(gt));
		check(gt, frames);
	}

	/** @throws MivosException when a scored frame lies outside {@code gt} */
	static void check(final LabelStack gt, final SortedSet<Integer> frames) {
		if (!frames.isEmpty() && (frames.first() < 0 || frames.last() >= gt.frames()))
			throw new MivosException("Scored frame " + (frames.first() < 0 ? frames.first() + 1 : frames.last() + 1) +
				" is outside the " + gt.frames() + " frames of the ground truth");
	}

	private static String shape(final LabelStack s) {
		return s.width() + "x" + s.height() + "x" + s.frames();
	}
}
