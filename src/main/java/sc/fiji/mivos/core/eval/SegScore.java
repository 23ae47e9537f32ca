package sc.fiji.mivos.core.eval;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

import sc.fiji.mivos.core.LabelStack;

/**
 * The Cell Tracking Challenge SEG measure. For each ground-truth object of a scored frame, the predicted object that
 * covers more than half of its pixels (at most one can) is its match and contributes the Jaccard index of the two
 * objects; an unmatched ground-truth object contributes 0. SEG is the mean over all ground-truth objects of all
 * scored frames. Predicted objects without ground truth do not lower SEG, and ids need not agree between the two
 * stacks or over time.
 *
 * @param seg the mean, 0..1; {@code NaN} when the scored frames hold no ground-truth object
 * @param objects number of ground-truth objects scored
 * @param matched how many of them had a match
 * @param perFrame mean over the ground-truth objects of each scored frame that has any; unmodifiable
 */
public record SegScore(double seg, int objects, int matched, SortedMap<Integer, Double> perFrame) {

	public SegScore {
		perFrame = Collections.unmodifiableSortedMap(new TreeMap<>(perFrame));
	}

	/**
	 * @param gt ground truth (0 = background or no annotation)
	 * @param predicted prediction of the same size
	 * @param scoredFrames 0-based frames that carry ground truth; other frames are ignored
	 * @throws sc.fiji.mivos.core.MivosException when the sizes differ or a scored frame is outside the stacks
	 */
	public static SegScore compute(final LabelStack gt, final LabelStack predicted,
		final SortedSet<Integer> scoredFrames)
	{
		ScoredFrames.check(gt, predicted, scoredFrames);
		final SortedMap<Integer, Double> perFrame = new TreeMap<>();
		double sum = 0;
		int objects = 0, matched = 0;
		for (final int t : scoredFrames) {
			final SortedMap<Integer, Double> frame = objectJaccards(gt.frame(t), predicted.frame(t));
			if (frame.isEmpty()) continue;
			double frameSum = 0;
			for (final double j : frame.values()) {
				frameSum += j;
				if (j > 0) matched++;
			}
			perFrame.put(t, frameSum / frame.size());
			sum += frameSum;
			objects += frame.size();
		}
		return new SegScore(objects == 0 ? Double.NaN : sum / objects, objects, matched, perFrame);
	}

	/**
	 * @param gt ground-truth labels of one frame, row-major
	 * @param predicted predicted labels of the same frame
	 * @return for every ground-truth object (ascending id) the Jaccard index with its &gt; 50 % predicted match, or 0
	 */
	public static SortedMap<Integer, Double> objectJaccards(final int[] gt, final int[] predicted) {
		if (gt.length != predicted.length) throw new IllegalArgumentException("frames differ in size: " + gt.length +
			" and " + predicted.length + " pixels");
		final Map<Integer, Integer> gtArea = new HashMap<>();
		final Map<Integer, Integer> predArea = new HashMap<>();
		final Map<Long, Integer> overlap = new HashMap<>();
		for (int i = 0; i < gt.length; i++) {
			final int g = gt[i], p = predicted[i];
			if (p != 0) predArea.merge(p, 1, Integer::sum);
			if (g == 0) continue;
			gtArea.merge(g, 1, Integer::sum);
			if (p != 0) overlap.merge(pair(g, p), 1, Integer::sum);
		}
		final SortedMap<Integer, Double> out = new TreeMap<>();
		for (final int g : gtArea.keySet())
			out.put(g, 0.0);
		overlap.forEach((key, n) -> {
			final int g = (int) (key >> 32), p = (int) (long) key;
			final int area = gtArea.get(g);
			// NB: 2n > area is "more than half" without rounding; only one predicted object can satisfy it
			if (2L * n > area) out.put(g, n / (double) (area + predArea.get(p) - n));
		});
		return out;
	}

	private static long pair(final int g, final int p) {
		return (long) g << 32 | p & 0xffffffffL;
	}
}
