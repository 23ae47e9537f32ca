package sc.fiji.mivos.engine;

import java.util.Arrays;
import java.util.Set;

/**
 * How unsure the networks were about each frame's masks, for suggesting the frame a user should correct next:
 * the summed uncertainty (1 − probability of the chosen label) per foreground pixel, so frames where objects blur
 * into each other or into the background score high. Frames the user made, and frames not segmented yet, have none.
 */
final class FrameDoubts {

	private final double[] doubts;

	FrameDoubts(final int frames) {
		doubts = new double[frames];
		Arrays.fill(doubts, Double.NaN);
	}

	/** @param confidence per processing pixel, the probability of its label; {@code labels} its label (0 = none) */
	void record(final int t, final int[] labels, final float[] confidence) {
		double doubt = 0;
		int foreground = 0;
		for (int i = 0; i < labels.length; i++) {
			doubt += 1 - confidence[i];
			if (labels[i] != 0) foreground++;
		}
		doubts[t] = doubt / Math.max(1, foreground);
	}

	/** Marks a frame as settled by the user. */
	void clear(final int t) {
		doubts[t] = Double.NaN;
	}

	/** @return every frame's doubt (NaN where none), a copy */
	double[] values() {
		return doubts.clone();
	}

	/** Replaces every frame's doubt with {@code values} (same frame count). */
	void restore(final double[] values) {
		System.arraycopy(values, 0, doubts, 0, doubts.length);
	}

	double get(final int t) {
		return doubts[t];
	}

	/** @return the frame with the most doubt outside {@code excluded}, or -1 when no such frame was segmented */
	int worst(final Set<Integer> excluded) {
		int best = -1;
		for (int t = 0; t < doubts.length; t++)
			if (!Double.isNaN(doubts[t]) && !excluded.contains(t) && (best < 0 || doubts[t] > doubts[best])) best = t;
		return best;
	}
}
