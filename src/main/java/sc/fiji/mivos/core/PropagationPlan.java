package sc.fiji.mivos.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.SortedSet;

/**
 * Which frames one propagation round writes: from the newly interacted frame forward and backward, each direction
 * stopping before the nearest other interacted frame (which keeps its user-made mask) or at the end of the sequence
 * (or of a frame range the user chose).
 */
public final class PropagationPlan {

	private final int origin;
	private final int frames;
	private final List<Integer> forward;
	private final List<Integer> backward;
	private final OptionalInt forwardStop;
	private final OptionalInt backwardStop;

	private PropagationPlan(final int origin, final int frames, final int forwardEnd, final int backwardEnd,
		final boolean forwardInteracted, final boolean backwardInteracted)
	{
		this.origin = origin;
		this.frames = frames;
		final List<Integer> f = new ArrayList<>();
		for (int t = origin + 1; t < forwardEnd; t++)
			f.add(t);
		final List<Integer> b = new ArrayList<>();
		for (int t = origin - 1; t > backwardEnd; t--)
			b.add(t);
		forward = Collections.unmodifiableList(f);
		backward = Collections.unmodifiableList(b);
		forwardStop = forwardInteracted ? OptionalInt.of(forwardEnd) : OptionalInt.empty();
		backwardStop = backwardInteracted ? OptionalInt.of(backwardEnd) : OptionalInt.empty();
	}

	/**
	 * @param origin 0-based newly interacted frame
	 * @param frames number of frames in the sequence
	 * @param interacted all interacted frames (may include {@code origin})
	 */
	public static PropagationPlan of(final int origin, final int frames, final SortedSet<Integer> interacted) {
		return of(origin, frames, interacted, 0, frames - 1);
	}

	/**
	 * A plan that also stays within the 0-based frames {@code first..last}, which must contain {@code origin}.
	 *
	 * @param frames number of frames in the sequence
	 * @param interacted all interacted frames (may include {@code origin})
	 */
	public static PropagationPlan of(final int origin, final int frames, final SortedSet<Integer> interacted,
		final int first, final int last)
	{
		if (frames <= 0) throw new IllegalArgumentException("no frames");
		if (first < 0 || last >= frames || first > last) throw new IllegalArgumentException("range " + first + ".." +
			last + " outside 0.." + (frames - 1));
		if (origin < first || origin > last) throw new IllegalArgumentException("frame " + origin + " outside " +
			first + ".." + last);
		final SortedSet<Integer> after = interacted.subSet(origin + 1, last + 1);
		final SortedSet<Integer> before = interacted.subSet(first, origin);
		final int forwardEnd = after.isEmpty() ? last + 1 : after.first();
		final int backwardEnd = before.isEmpty() ? first - 1 : before.last();
		return new PropagationPlan(origin, frames, forwardEnd, backwardEnd, !after.isEmpty(), !before.isEmpty());
	}

	/** @return the frame the round starts from */
	public int origin() {
		return origin;
	}

	/** @return number of frames in the sequence */
	public int sequenceLength() {
		return frames;
	}

	/** @return frames after the origin, in propagation order (ascending) */
	public List<Integer> forward() {
		return forward;
	}

	/** @return frames before the origin, in propagation order (descending) */
	public List<Integer> backward() {
		return backward;
	}

	/** @return the interacted frame the forward pass stops before, or empty when it runs to the last frame */
	public OptionalInt forwardStop() {
		return forwardStop;
	}

	/** @return the interacted frame the backward pass stops before, or empty when it runs to the first frame */
	public OptionalInt backwardStop() {
		return backwardStop;
	}

	/** @return the number of frames the round writes */
	public int size() {
		return forward.size() + backward.size();
	}
}
