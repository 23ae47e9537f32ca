package sc.fiji.mivos.engine;

import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * The memory the propagation reads: for each memory frame its key {@code [1,Ck,h,w]} and the values of all objects
 * {@code [N,Cv,h,w]}. Which frames it holds is decided by {@link sc.fiji.mivos.core.MemoryPolicy}; the bank only
 * stores them, each frame in its own sub-manager, and stacks them along the time axis for {@code segment}.
 */
final class MemoryBank implements AutoCloseable {

	private final NDManager manager;
	private final Map<Integer, Slot> slots = new LinkedHashMap<>();

	/**
	 * One memory frame.
	 *
	 * @param tag what the values were computed from (objects and mask version); {@code null} for propagated frames
	 */
	private record Slot(NDManager manager, NDArray key, NDArray value, Object tag) {}

	MemoryBank(final NDManager parent) {
		this.manager = parent;
	}

	/**
	 * Stores frame {@code t}, replacing what was there. The bank takes ownership of both arrays.
	 *
	 * @param key {@code [1,Ck,h,w]}
	 * @param value {@code [N,Cv,h,w]}
	 * @param tag what the value was computed from, compared by {@link #holds}
	 */
	void put(final int t, final NDArray key, final NDArray value, final Object tag) {
		remove(t);
		final NDManager m = manager.newSubManager();
		key.attach(m);
		value.attach(m);
		slots.put(t, new Slot(m, key, value, tag));
	}

	/** @return whether frame {@code t} is stored with values computed from {@code tag} */
	boolean holds(final int t, final Object tag) {
		final Slot s = slots.get(t);
		return s != null && Objects.equals(s.tag(), tag);
	}

	/** Drops every frame not in {@code frames}. */
	void retain(final Collection<Integer> frames) {
		final Iterator<Map.Entry<Integer, Slot>> it = slots.entrySet().iterator();
		while (it.hasNext()) {
			final Map.Entry<Integer, Slot> e = it.next();
			if (!frames.contains(e.getKey())) {
				e.getValue().manager().close();
				it.remove();
			}
		}
	}

	/** @return number of frames stored */
	int size() {
		return slots.size();
	}

	/** @return bytes held by frame {@code t}, 0 if absent */
	long bytes(final int t) {
		final Slot s = slots.get(t);
		return s == null ? 0 : (s.key().size() + s.value().size()) * 4;
	}

	/** @return {@code [1,Ck,T,h,w]} keys of {@code frames} in that order, in {@code out} */
	NDArray keys(final NDManager out, final List<Integer> frames) {
		final NDList parts = new NDList();
		for (final int t : frames)
			parts.add(slot(t).key());
		final NDArray stacked = NDArrays.stack(parts, 2);
		stacked.attach(out);
		return stacked;
	}

	/** @return {@code [to-from,Cv,T,h,w]} values of objects {@code from..to-1} over {@code frames}, in {@code out} */
	NDArray values(final NDManager out, final List<Integer> frames, final int from, final int to) {
		try (NDManager scope = out.newSubManager()) {
			final NDList parts = new NDList();
			for (final int t : frames)
				parts.add(ObjectMasks.rows(scope, slot(t).value(), from, to));
			final NDArray stacked = NDArrays.stack(parts, 2);
			stacked.attach(out);
			return stacked;
		}
	}

	private Slot slot(final int t) {
		final Slot s = slots.get(t);
		if (s == null) throw new IllegalStateException("frame " + t + " is not in the memory bank");
		return s;
	}

	private void remove(final int t) {
		final Slot s = slots.remove(t);
		if (s != null) s.manager().close();
	}

	@Override
	public void close() {
		for (final Slot s : slots.values())
			s.manager().close();
		slots.clear();
	}
}
