package sc.fiji.mivos.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Decides which frames the memory bank holds during one propagation pass (one direction from the interacted frame).
 * <ul>
 * <li><b>permanent</b>: the interacted frames; never dropped.</li>
 * <li><b>working</b>: every {@code memEvery}-th propagated frame, counted from the last frame that joined the memory
 * (the pass's start frame first).</li>
 * <li><b>temporary</b>: the frame propagated last, when it is not a working frame; replaced by the next one.</li>
 * </ul>
 * The bank never holds more than {@code maxMemoryFrames} frames: when a frame joins a full bank, the oldest
 * non-interacted frame leaves. Only when there are more interacted frames than the cap is it exceeded, by those frames
 * alone.
 * <p>
 * The engine calls {@link #admit} after each propagated frame and makes its bank hold exactly {@link #frames()}.
 */
public final class MemoryPolicy {

	private final int memEvery;
	private final int maxMemoryFrames;
	private final SortedSet<Integer> permanent;
	private final List<Integer> working = new ArrayList<>();
	private int temporary = -1;
	private int lastMemoryFrame;

	/**
	 * Starts a pass.
	 *
	 * @param memEvery every how many propagated frames one joins the memory, &ge; 1
	 * @param maxMemoryFrames most frames held, &ge; 2
	 * @param permanentFrames the interacted frames, which the bank always holds; not empty
	 * @param startFrame the frame the pass starts from (normally the new interacted frame)
	 */
	public MemoryPolicy(final int memEvery, final int maxMemoryFrames, final Collection<Integer> permanentFrames,
		final int startFrame)
	{
		if (memEvery < 1) throw new IllegalArgumentException("memEvery must be at least 1: " + memEvery);
		if (maxMemoryFrames < 2) throw new IllegalArgumentException("maxMemoryFrames must be at least 2: " +
			maxMemoryFrames);
		if (permanentFrames.isEmpty()) throw new IllegalArgumentException("a pass needs at least one interacted frame");
		this.memEvery = memEvery;
		this.maxMemoryFrames = maxMemoryFrames;
		this.permanent = Collections.unmodifiableSortedSet(new TreeSet<>(permanentFrames));
		this.lastMemoryFrame = startFrame;
	}

	/** Role of a frame in the memory. */
	public enum Role {
		PERMANENT, WORKING, TEMPORARY
	}

	/**
	 * Records that frame {@code t} was just propagated and updates the memory.
	 *
	 * @return the role {@code t} now has, {@link Role#WORKING} or {@link Role#TEMPORARY}; {@code null} when the
	 *         interacted frames alone fill the memory
	 */
	public Role admit(final int t) {
		if (permanent.contains(t)) throw new IllegalArgumentException("frame " + t + " is interacted, not propagated");
		temporary = -1;
		if (Math.abs(t - lastMemoryFrame) >= memEvery) {
			working.add(t);
			lastMemoryFrame = t;
		}
		else temporary = t;
		// NB: oldest non-interacted frames leave first; the temporary frame is the newest of them.
		while (size() > maxMemoryFrames && !working.isEmpty())
			working.remove(0);
		if (size() > maxMemoryFrames) temporary = -1;
		return roleOf(t);
	}

	/**
	 * Takes a propagated frame out of the memory again, for example because its values could not be computed. The
	 * spacing of later working frames does not change.
	 *
	 * @throws IllegalArgumentException for an interacted frame
	 */
	public void forget(final int t) {
		if (permanent.contains(t)) throw new IllegalArgumentException("frame " + t + " is interacted");
		if (temporary == t) temporary = -1;
		working.remove(Integer.valueOf(t));
	}

	/** @return the frames in memory: permanent ones ascending, then working ones oldest first, then the temporary one */
	public List<Integer> frames() {
		final List<Integer> all = new ArrayList<>(permanent);
		all.addAll(working);
		if (temporary >= 0) all.add(temporary);
		return all;
	}

	/** @return number of frames in memory */
	public int size() {
		return permanent.size() + working.size() + (temporary >= 0 ? 1 : 0);
	}

	/** @return the role of frame {@code t}, or {@code null} when it is not in memory */
	public Role roleOf(final int t) {
		if (permanent.contains(t)) return Role.PERMANENT;
		if (working.contains(t)) return Role.WORKING;
		return t == temporary ? Role.TEMPORARY : null;
	}

	public int memEvery() {
		return memEvery;
	}

	public int maxMemoryFrames() {
		return maxMemoryFrames;
	}

	/** @return the interacted frames, ascending */
	public SortedSet<Integer> permanentFrames() {
		return permanent;
	}
}
