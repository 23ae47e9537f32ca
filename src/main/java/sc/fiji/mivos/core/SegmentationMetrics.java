package sc.fiji.mivos.core;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Scores a predicted label stack against ground truth. Predicted objects are matched to ground-truth objects by id
 * (a prediction seeded from scribbles keeps the scribbles' ids). Predicted ids absent from the ground truth are not
 * scored; predicted pixels of a ground-truth id that lie outside that object enlarge its union.
 */
public final class SegmentationMetrics {

	private SegmentationMetrics() {}

	/**
	 * Intersection over union per frame and per object; see {@link JaccardScores} for the exact definitions.
	 *
	 * @throws MivosException if the two stacks differ in width, height or number of frames
	 */
	public static JaccardScores jaccard(final LabelStack truth, final LabelStack predicted) {
		if (truth.width() != predicted.width() || truth.height() != predicted.height() || truth.frames() != predicted
			.frames()) throw new MivosException("Ground truth is " + describe(truth) + " but the prediction is " +
				describe(predicted));
		final Map<Integer, long[]> totals = new HashMap<>(); // id -> {intersection, union} over all frames
		for (final int id : truth.objectIds())
			totals.put(id, new long[2]);
		final double[] perFrame = new double[truth.frames()];
		for (int t = 0; t < truth.frames(); t++) {
			final int[] gt = truth.frame(t);
			final int[] pr = predicted.frame(t);
			final Map<Integer, long[]> counts = new HashMap<>(); // id -> {gt area, predicted area, intersection}
			for (int i = 0; i < gt.length; i++) {
				if (gt[i] != 0) counts.computeIfAbsent(gt[i], k -> new long[3])[0]++;
				if (pr[i] != 0 && totals.containsKey(pr[i])) counts.computeIfAbsent(pr[i], k -> new long[3])[1]++;
				if (gt[i] != 0 && gt[i] == pr[i]) counts.get(gt[i])[2]++;
			}
			double sum = 0;
			int present = 0;
			for (final Map.Entry<Integer, long[]> e : counts.entrySet()) {
				final long[] c = e.getValue();
				final long union = c[0] + c[1] - c[2];
				final long[] total = totals.get(e.getKey());
				total[0] += c[2];
				total[1] += union;
				if (c[0] > 0) {
					sum += (double) c[2] / union;
					present++;
				}
			}
			perFrame[t] = present == 0 ? Double.NaN : sum / present;
		}
		final SortedMap<Integer, Double> perObject = new TreeMap<>();
		double sum = 0;
		for (final Map.Entry<Integer, long[]> e : totals.entrySet()) {
			final double iou = (double) e.getValue()[0] / e.getValue()[1];
			perObject.put(e.getKey(), iou);
			sum += iou;
		}
		return new JaccardScores(perFrame, perObject, perObject.isEmpty() ? Double.NaN : sum / perObject.size());
	}

	private static String describe(final LabelStack s) {
		return s.width() + "x" + s.height() + " with " + s.frames() + " frames";
	}
}
