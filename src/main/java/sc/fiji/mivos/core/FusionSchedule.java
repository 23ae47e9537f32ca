package sc.fiji.mivos.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Which frames of a propagation round are fused with the previous round's result, and how far each lies from the two
 * interactions that bound it. Only frames strictly between the new interacted frame and an earlier interacted frame
 * are fused (MiVOS' difference-aware fusion); frames between the new interacted frame and an end of the sequence take
 * the new propagation as is.
 */
public final class FusionSchedule {

	/**
	 * Temporal distances of one fused frame.
	 *
	 * @param toNew frames between it and the new interacted frame, &ge; 1
	 * @param toEarlier frames between it and the earlier interacted frame on the same side, &ge; 1
	 * @param earlierFrame that earlier interacted frame
	 */
	public record Distances(int toNew, int toEarlier, int earlierFrame) {}

	private final Map<Integer, Distances> fused;

	private FusionSchedule(final Map<Integer, Distances> fused) {
		this.fused = Collections.unmodifiableMap(fused);
	}

	/** @return the frames of {@code plan} that lie between its origin and an interacted frame where it stops */
	public static FusionSchedule of(final PropagationPlan plan) {
		final Map<Integer, Distances> fused = new LinkedHashMap<>();
		add(fused, plan.origin(), plan.forward(), plan.forwardStop());
		add(fused, plan.origin(), plan.backward(), plan.backwardStop());
		return new FusionSchedule(fused);
	}

	private static void add(final Map<Integer, Distances> fused, final int origin, final Iterable<Integer> frames,
		final OptionalInt stop)
	{
		if (stop.isEmpty()) return;
		final int earlier = stop.getAsInt();
		for (final int t : frames)
			fused.put(t, new Distances(Math.abs(t - origin), Math.abs(earlier - t), earlier));
	}

	/** @return whether frame {@code t} is fused */
	public boolean fuses(final int t) {
		return fused.containsKey(t);
	}

	/** @return the distances of frame {@code t}, or {@code null} when it is not fused */
	public Distances distances(final int t) {
		return fused.get(t);
	}

	/** @return the fused frames with their distances, in propagation order */
	public Map<Integer, Distances> frames() {
		return fused;
	}

	/** @return number of fused frames */
	public int size() {
		return fused.size();
	}
}
