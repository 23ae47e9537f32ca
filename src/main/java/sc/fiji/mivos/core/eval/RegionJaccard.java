package sc.fiji.mivos.core.eval;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Region similarity J (intersection over union) of one object in one frame: {@code |G ∩ P| / |G ∪ P|} with G the
 * ground-truth pixels and P the predicted pixels of the object. Both empty → 1; exactly one empty → 0.
 */
public final class RegionJaccard {

	private RegionJaccard() {}

	/**
	 * @param gt ground-truth labels of one frame, row-major
	 * @param predicted predicted labels of the same frame, same length
	 * @param id object id &ge; 1
	 * @return J of object {@code id}, 0..1
	 */
	public static double of(final int[] gt, final int[] predicted, final int id) {
		checkSizes(gt, predicted);
		int inter = 0, union = 0;
		for (int i = 0; i < gt.length; i++) {
			final boolean g = gt[i] == id, p = predicted[i] == id;
			if (g && p) inter++;
			if (g || p) union++;
		}
		return union == 0 ? 1 : inter / (double) union;
	}

	/**
	 * @return J of every object present in {@code gt} or {@code predicted}, by ascending id; one pass over the frame
	 */
	public static SortedMap<Integer, Double> perObject(final int[] gt, final int[] predicted) {
		checkSizes(gt, predicted);
		// counts[id] = {ground-truth area, predicted area, intersection}
		final Map<Integer, int[]> counts = new HashMap<>();
		for (int i = 0; i < gt.length; i++) {
			final int g = gt[i], p = predicted[i];
			if (g != 0) counts.computeIfAbsent(g, k -> new int[3])[0]++;
			if (p != 0) counts.computeIfAbsent(p, k -> new int[3])[1]++;
			if (g != 0 && g == p) counts.get(g)[2]++;
		}
		final SortedMap<Integer, Double> out = new TreeMap<>();
		counts.forEach((id, c) -> out.put(id, c[2] / (double) (c[0] + c[1] - c[2])));
		return out;
	}

	private static void checkSizes(final int[] gt, final int[] predicted) {
		if (gt.length != predicted.length) throw new IllegalArgumentException("frames differ in size: " + gt.length +
			" and " + predicted.length + " pixels");
	}
}
