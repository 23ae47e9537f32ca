package sc.fiji.mivos.core.eval;

import sc.fiji.mivos.core.MivosException;

/**
 * Areas under score curves of an interactive session, normalised so that a constant score {@code s} gives area
 * {@code s}.
 */
public final class Auc {

	private Auc() {}

	/**
	 * Area under the score-versus-interaction curve: the rounds are placed at evenly spaced x in 0..1 (first round at
	 * 0, last at 1) and joined by straight lines (trapezoid rule). One round gives its own score.
	 *
	 * @param scores score after each round, in order; at least one
	 * @return area, in the units of the scores
	 * @throws MivosException when there is no score or a score is not finite
	 */
	public static double overRounds(final double... scores) {
		if (scores.length == 0) throw new MivosException("No interaction round to compute an AUC over");
		for (final double s : scores)
			checkFinite(s);
		if (scores.length == 1) return scores[0];
		double area = 0;
		for (int i = 1; i < scores.length; i++)
			area += (scores[i - 1] + scores[i]) / 2;
		return area / (scores.length - 1);
	}

	/**
	 * Area under the score-versus-time curve over {@code [0, maxSeconds]}, divided by {@code maxSeconds}, as in the
	 * DAVIS interactive benchmark: the curve is a step function that is 0 until the first result is available and
	 * then holds the score of the latest result available at each time.
	 *
	 * @param seconds cumulative time (seconds since the start of the session) at which each result became
	 *          available, non-decreasing, &ge; 0
	 * @param scores the score of each result, same length
	 * @param maxSeconds time budget, &gt; 0; results after it are ignored
	 * @return area / maxSeconds
	 * @throws MivosException when the arrays differ in length, a time goes backwards or is negative, a value is not
	 *           finite, or the budget is not positive
	 */
	public static double overTime(final double[] seconds, final double[] scores, final double maxSeconds) {
		checkCurve(seconds, scores);
		if (!(maxSeconds > 0) || Double.isInfinite(maxSeconds)) throw new MivosException("The time budget must be " +
			"a positive number of seconds, not " + maxSeconds);
		double area = 0;
		for (int i = 0; i < seconds.length && seconds[i] < maxSeconds; i++) {
			final double end = i + 1 < seconds.length ? Math.min(seconds[i + 1], maxSeconds) : maxSeconds;
			area += scores[i] * (end - seconds[i]);
		}
		return area / maxSeconds;
	}

	/**
	 * The step curve of {@link #overTime(double[], double[], double)} at one time: the score of the latest result
	 * available at {@code t} (DAVIS reports it at 60 s), 0 before the first.
	 *
	 * @param seconds cumulative times, non-decreasing
	 * @param scores scores, same length
	 * @param t time in seconds
	 */
	public static double atTime(final double[] seconds, final double[] scores, final double t) {
		checkCurve(seconds, scores);
		double score = 0;
		for (int i = 0; i < seconds.length && seconds[i] <= t; i++)
			score = scores[i];
		return score;
	}

	private static void checkCurve(final double[] seconds, final double[] scores) {
		if (seconds.length != scores.length) throw new MivosException("Got " + seconds.length + " times but " +
			scores.length + " scores");
		for (int i = 0; i < seconds.length; i++) {
			checkFinite(seconds[i]);
			checkFinite(scores[i]);
			if (seconds[i] < 0 || i > 0 && seconds[i] < seconds[i - 1]) throw new MivosException("Time of result " +
				(i + 1) + " (" + seconds[i] + " s) is negative or earlier than the one before");
		}
	}

	private static void checkFinite(final double v) {
		if (!Double.isFinite(v)) throw new MivosException("Score or time " + v + " is not a finite number");
	}
}
