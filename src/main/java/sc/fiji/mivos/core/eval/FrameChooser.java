package sc.fiji.mivos.core.eval;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.core.MivosException;

/** Picks the frame a simulated annotator works on next. */
public final class FrameChooser {

	private FrameChooser() {}

	/**
	 * The DAVIS "oracle" choice: the scored frame with the lowest mean region J over the objects present there in
	 * the ground truth or the prediction (a frame where both are empty scores 1). Ties go to the earliest frame.
	 *
	 * @param gt ground truth
	 * @param predicted current prediction, same size
	 * @param scoredFrames 0-based frames with ground truth, not empty
	 * @param excluded frames not to choose (e.g. already interacted); when they cover every scored frame, the
	 *          choice is made among all scored frames
	 * @return a 0-based frame index from {@code scoredFrames}
	 * @throws MivosException when there is no scored frame or the stacks do not match
	 */
	public static int worstFrame(final LabelStack gt, final LabelStack predicted, final SortedSet<Integer> scoredFrames,
		final Set<Integer> excluded)
	{
		final SortedSet<Integer> candidates = candidates(gt, scoredFrames, excluded);
		ScoredFrames.check(gt, predicted, scoredFrames);
		int worst = candidates.first();
		double worstJ = Double.POSITIVE_INFINITY;
		for (final int t : candidates) {
			final double j = RegionJaccard.perObject(gt.frame(t), predicted.frame(t)).values().stream().mapToDouble(
				Double::doubleValue).average().orElse(1);
			if (j < worstJ) {
				worstJ = j;
				worst = t;
			}
		}
		return worst;
	}

	/**
	 * Frame for the very first interaction, before any prediction exists: the scored frame with the most
	 * ground-truth objects, the earliest on a tie.
	 *
	 * @throws MivosException when there is no scored frame
	 */
	public static int firstFrame(final LabelStack gt, final SortedSet<Integer> scoredFrames) {
		final SortedSet<Integer> candidates = candidates(gt, scoredFrames, Set.of());
		int best = candidates.first(), most = -1;
		for (final int t : candidates) {
			final int n = ObjectIds.in(gt.frame(t)).size();
			if (n > most) {
				most = n;
				best = t;
			}
		}
		return best;
	}

	private static SortedSet<Integer> candidates(final LabelStack gt, final SortedSet<Integer> scoredFrames,
		final Set<Integer> excluded)
	{
		if (scoredFrames.isEmpty()) throw new MivosException("The ground truth annotates no frame to interact on");
		ScoredFrames.check(gt, scoredFrames);
		final SortedSet<Integer> candidates = new TreeSet<>(scoredFrames);
		candidates.removeAll(excluded);
		return candidates.isEmpty() ? new TreeSet<>(scoredFrames) : candidates;
	}
}
