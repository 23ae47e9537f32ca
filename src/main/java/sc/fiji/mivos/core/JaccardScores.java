package sc.fiji.mivos.core;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Region similarity J (intersection over union) of a predicted label stack against ground truth. Built by
 * {@link SegmentationMetrics#jaccard}.
 *
 * @param perFrame one value per frame: mean IoU over the ground-truth objects present in that frame, NaN for a frame
 *        without ground-truth objects
 * @param perObject for each ground-truth id, IoU over the whole sequence: the sum of intersections over all frames
 *        divided by the sum of unions over all frames
 * @param mean mean of {@code perObject} over the ground-truth objects, NaN if there are none
 */
public record JaccardScores(double[] perFrame, SortedMap<Integer, Double> perObject, double mean) {

	public JaccardScores {
		perFrame = perFrame.clone();
		perObject = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(perObject,
			"perObject")));
	}

	/** @return a copy of the per-frame scores */
	@Override
	public double[] perFrame() {
		return perFrame.clone();
	}
}
