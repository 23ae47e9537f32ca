package sc.fiji.mivos.core;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parent objects inferred from a label stack. MiVOS keeps an object's id over time; after a division one daughter
 * keeps the mother's id and the other is a new object. So an object that first appears after the first frame, on
 * pixels that mostly belonged to one other object on the frame before, is taken as split off from that object.
 */
public final class Lineage {

	/** Share of a new object's first-frame pixels that one object must have covered on the frame before. */
	public static final double MIN_SHARE = 0.5;

	private Lineage() {}

	/**
	 * @return parent id by child id, for each object that first appears on frame {@code t > 0} and whose pixels on
	 *         frame {@code t} were covered by a single object on frame {@code t - 1} for at least {@link #MIN_SHARE}
	 */
	public static Map<Integer, Integer> parents(final LabelStack labels) {
		final Map<Integer, Integer> parents = new TreeMap<>();
		final Map<Integer, Integer> firstFrame = new HashMap<>();
		for (int t = 0; t < labels.frames(); t++)
			for (final int v : labels.frame(t))
				if (v != 0) firstFrame.putIfAbsent(v, t);
		for (final Map.Entry<Integer, Integer> e : firstFrame.entrySet()) {
			final int child = e.getKey();
			final int t = e.getValue();
			if (t == 0) continue;
			final int[] now = labels.frame(t);
			final int[] before = labels.frame(t - 1);
			final Map<Integer, Integer> overlap = new HashMap<>();
			int size = 0;
			for (int i = 0; i < now.length; i++)
				if (now[i] == child) {
					size++;
					if (before[i] != 0) overlap.merge(before[i], 1, Integer::sum);
				}
			final int total = size;
			overlap.entrySet().stream().max(Map.Entry.comparingByValue()).filter(o -> o.getValue() >= MIN_SHARE *
				total).ifPresent(o -> parents.put(child, o.getKey()));
		}
		return parents;
	}
}
