package sc.fiji.mivos.engine;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bookkeeping of an {@link InteractionSession} apart from its label frames and caches: which frames were
 * interacted with (their labels on the processing grid), the labels fusion compares with, which frames a round
 * wrote, the latest interaction, the round count and how unsure each propagated frame was. Taken with
 * {@link InteractionSession#state()} and given back with {@link InteractionSession#restore}, for undo and for
 * resuming a saved session; the memory bank and feature cache are rebuilt from it when needed.
 * <p>
 * The arrays are shared, not copied, and must not be modified.
 *
 * @param width processing-grid width the labels below are on
 * @param height processing-grid height
 * @param interacted per 0-based interacted frame, its state
 * @param before per 0-based frame, the processing-grid labels before its first interaction since the last
 *        completed propagation
 * @param propagated per frame, whether a round wrote it
 * @param latest 0-based latest interacted frame, -1 when none
 * @param round number of interactions so far
 * @param versions the last interaction version handed out
 * @param doubts per frame, the uncertainty of its propagated masks (NaN where none)
 */
public record SessionState(int width, int height, Map<Integer, Interacted> interacted, Map<Integer, int[]> before,
	boolean[] propagated, int latest, int round, long versions, double[] doubts)
{

	/**
	 * One interacted frame.
	 *
	 * @param labels processing-grid labels, row-major
	 * @param ids the objects present on it at full size, ascending
	 * @param version changes whenever the labels do; names the memory entry encoded from them
	 */
	public record Interacted(int[] labels, int[] ids, long version) {}

	public SessionState {
		interacted = Collections.unmodifiableMap(new TreeMap<>(interacted));
		before = Collections.unmodifiableMap(new TreeMap<>(before));
		propagated = propagated.clone();
		doubts = doubts.clone();
	}

	@Override
	public boolean[] propagated() {
		return propagated.clone();
	}

	@Override
	public double[] doubts() {
		return doubts.clone();
	}
}
