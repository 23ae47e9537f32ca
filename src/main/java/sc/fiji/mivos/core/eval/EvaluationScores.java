package sc.fiji.mivos.core.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

import sc.fiji.mivos.core.LabelStack;

/**
 * Summary of one prediction against the ground truth over the scored frames.
 * <p>
 * <b>Conventions.</b> J and F are computed per (object, frame) pair for every scored frame in which the object is
 * present in the ground truth or in the prediction; pairs where the object is absent from both are skipped (they
 * would score a trivial 1). The sequence J, F and J&amp;F are means over all such pairs, so a long-lived object
 * weighs more than a short-lived one. {@link #perObject()} averages each object over its pairs, {@link #perFrame()}
 * each frame over its pairs. With no pair at all (empty ground truth and empty prediction) J = F = 1. NB: the DAVIS
 * benchmark instead averages each object over every annotated frame (both-empty frames count as 1) and then
 * averages objects; the two agree when every object is present in every scored frame. SEG follows
 * {@link SegScore} and is {@code NaN} when no ground-truth object is scored.
 *
 * @param j mean region Jaccard over the scored pairs, 0..1
 * @param f mean boundary F over the scored pairs, 0..1
 * @param jf (j + f) / 2
 * @param seg Cell Tracking Challenge SEG, 0..1 or NaN
 * @param pairs number of (object, frame) pairs scored
 * @param framesScored number of frames scored (frames with ground truth)
 * @param boundaryTolerance boundary matching distance used, pixels
 * @param perObject per object id: means over its pairs; unmodifiable
 * @param perFrame per 0-based frame: means over its pairs; frames without pairs are absent;
 *          unmodifiable
 * @param segObjects number of ground-truth objects that SEG scored
 * @param segMatched number of them with a &gt; 50 % match
 */
public record EvaluationScores(double j, double f, double jf, double seg, int pairs, int framesScored,
	int boundaryTolerance, SortedMap<Integer, Mean> perObject, SortedMap<Integer, Mean> perFrame, int segObjects,
	int segMatched)
{

	/**
	 * Means over a group of (object, frame) pairs.
	 *
	 * @param j mean J
	 * @param f mean F
	 * @param count number of pairs in the group
	 */
	public record Mean(double j, double f, int count) {

		/** @return (j + f) / 2 */
		public double jf() {
			return (j + f) / 2;
		}
	}

	public EvaluationScores {
		perObject = Collections.unmodifiableSortedMap(new TreeMap<>(perObject));
		perFrame = Collections.unmodifiableSortedMap(new TreeMap<>(perFrame));
	}

	/**
	 * Scores a prediction.
	 *
	 * @param gt ground truth; 0 = background (also in frames that are not scored)
	 * @param predicted prediction of the same size
	 * @param scoredFrames 0-based frames that carry ground truth; other frames are ignored
	 * @throws sc.fiji.mivos.core.MivosException when the sizes differ or a scored frame is outside the stacks
	 */
	public static EvaluationScores compute(final LabelStack gt, final LabelStack predicted,
		final SortedSet<Integer> scoredFrames)
	{
		ScoredFrames.check(gt, predicted, scoredFrames);
		final BoundaryF boundary = new BoundaryF(gt.width(), gt.height());
		final Map<Integer, double[]> objectSums = new HashMap<>();
		final SortedMap<Integer, Mean> perFrame = new TreeMap<>();
		final double[] total = new double[3];
		for (final int t : scoredFrames) {
			final FrameScores frame = FrameScores.compute(t, gt.frame(t), predicted.frame(t), boundary);
			if (frame.objects().isEmpty()) continue;
			frame.objects().forEach((id, s) -> {
				add(objectSums.computeIfAbsent(id, k -> new double[3]), s);
				add(total, s);
			});
			perFrame.put(t, new Mean(frame.j(), frame.f(), frame.objects().size()));
		}
		final SortedMap<Integer, Mean> perObject = new TreeMap<>();
		objectSums.forEach((id, s) -> perObject.put(id, mean(s)));
		final SegScore seg = SegScore.compute(gt, predicted, scoredFrames);
		final Mean all = total[2] == 0 ? new Mean(1, 1, 0) : mean(total);
		return new EvaluationScores(all.j(), all.f(), all.jf(), seg.seg(), all.count(), scoredFrames.size(), boundary
			.tolerance(), perObject, perFrame, seg.objects(), seg.matched());
	}

	/**
	 * @return a JSON-ready tree: {@code j}, {@code f}, {@code jf}, {@code seg} (NaN when undefined), {@code pairs},
	 *         {@code frames_scored}, {@code boundary_tolerance_px}, {@code seg_objects}, {@code seg_matched},
	 *         {@code per_object} (list of {@code object, j, f, jf, frames}) and {@code per_frame} (list of
	 *         {@code frame, j, f, jf, objects}, with {@code frame} 1-based as shown to users)
	 */
	public Map<String, Object> toMap() {
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("j", j);
		m.put("f", f);
		m.put("jf", jf);
		m.put("seg", seg);
		m.put("pairs", pairs);
		m.put("frames_scored", framesScored);
		m.put("boundary_tolerance_px", boundaryTolerance);
		m.put("seg_objects", segObjects);
		m.put("seg_matched", segMatched);
		m.put("per_object", entries(perObject, "object", "frames", 0));
		m.put("per_frame", entries(perFrame, "frame", "objects", 1));
		return m;
	}

	private static List<Map<String, Object>> entries(final SortedMap<Integer, Mean> means, final String keyName,
		final String countName, final int keyOffset)
	{
		final List<Map<String, Object>> out = new ArrayList<>();
		means.forEach((key, mean) -> {
			final Map<String, Object> e = new LinkedHashMap<>();
			e.put(keyName, key + keyOffset);
			e.put("j", mean.j());
			e.put("f", mean.f());
			e.put("jf", mean.jf());
			e.put(countName, mean.count());
			out.add(e);
		});
		return out;
	}

	private static void add(final double[] sums, final ObjectScore s) {
		sums[0] += s.j();
		sums[1] += s.f();
		sums[2]++;
	}

	private static Mean mean(final double[] sums) {
		return new Mean(sums[0] / sums[2], sums[1] / sums[2], (int) sums[2]);
	}
}
