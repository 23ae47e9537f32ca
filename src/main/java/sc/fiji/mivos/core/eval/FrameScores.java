package sc.fiji.mivos.core.eval;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * J and F of every object present in one frame, in the ground truth or in the prediction (an object absent from
 * both is not listed: it has nothing to score).
 *
 * @param frame 0-based frame index
 * @param objects per object id (ascending) its scores; unmodifiable
 */
public record FrameScores(int frame, SortedMap<Integer, ObjectScore> objects) {

	public FrameScores {
		objects = Collections.unmodifiableSortedMap(new TreeMap<>(objects));
	}

	/**
	 * Scores one frame.
	 *
	 * @param frame 0-based frame index (only recorded)
	 * @param gt ground-truth labels, row-major, length {@code boundary} width×height
	 * @param predicted predicted labels, same size
	 * @param boundary the boundary measure for this image size and tolerance
	 */
	public static FrameScores compute(final int frame, final int[] gt, final int[] predicted,
		final BoundaryF boundary)
	{
		final SortedMap<Integer, Double> j = RegionJaccard.perObject(gt, predicted);
		final SortedMap<Integer, BoundaryF.Measure> f = boundary.perObject(gt, predicted);
		final SortedMap<Integer, ObjectScore> objects = new TreeMap<>();
		j.forEach((id, value) -> objects.put(id, new ObjectScore(value, f.get(id).f())));
		return new FrameScores(frame, objects);
	}

	/** @return mean J over the listed objects; 1 when none is listed (nothing to find, nothing found) */
	public double j() {
		return objects.isEmpty() ? 1 : objects.values().stream().mapToDouble(ObjectScore::j).average().orElseThrow();
	}

	/** @return mean F over the listed objects; 1 when none is listed */
	public double f() {
		return objects.isEmpty() ? 1 : objects.values().stream().mapToDouble(ObjectScore::f).average().orElseThrow();
	}

	/** @return (mean J + mean F) / 2 */
	public double jf() {
		return (j() + f()) / 2;
	}
}
