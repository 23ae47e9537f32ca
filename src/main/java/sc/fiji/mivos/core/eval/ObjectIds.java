package sc.fiji.mivos.core.eval;

import java.util.SortedSet;
import java.util.TreeSet;

/** The set of object ids present in one label frame. */
final class ObjectIds {

	private ObjectIds() {}

	/** @return non-zero values of {@code labels}, ascending */
	static SortedSet<Integer> in(final int[] labels) {
		final SortedSet<Integer> ids = new TreeSet<>();
		int last = 0;
		for (final int v : labels)
			if (v != 0 && v != last) {
				ids.add(v);
				last = v;
			}
		return ids;
	}
}
