package sc.fiji.mivos.engine;

import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import sc.fiji.mivos.core.CancelToken;
import sc.fiji.mivos.core.MivosException;
import sc.fiji.mivos.core.ProgressListener;
import sc.fiji.mivos.core.ScribbleSet;

/**
 * Replays recorded interactions — scribbles and label masks on some frames — on a session, one round per
 * interacted frame in ascending frame order: the frame's masks are set, its scribbles applied through
 * Scribble-to-Mask, then the result is propagated (and fused with the previous round between interacted frames).
 * This is what a headless run, a macro and the demo do with a whole set of scribbles at once.
 */
public final class InteractionReplay {

	private final ScribbleSet scribbles;
	private final Map<Integer, int[]> masks;

	/**
	 * @param scribbles scribbles on any frames (0-based frames)
	 * @param masks label images used as interaction, by 0-based frame, row-major; may be empty
	 */
	public InteractionReplay(final ScribbleSet scribbles, final Map<Integer, int[]> masks) {
		this.scribbles = scribbles;
		this.masks = new TreeMap<>(masks);
	}

	/** @return the 0-based frames that carry an interaction, ascending */
	public SortedSet<Integer> frames() {
		final SortedSet<Integer> frames = new TreeSet<>(scribbles.frames());
		frames.addAll(masks.keySet());
		return frames;
	}

	/**
	 * Runs one round per interacted frame within the 0-based frames {@code first..last} on {@code session},
	 * propagating within that range. Stops early, keeping finished frames, when {@code cancel} is set.
	 *
	 * @throws MivosException when no interaction lies in the range
	 */
	public void runOn(final InteractionSession session, final int first, final int last,
		final ProgressListener progress, final CancelToken cancel)
	{
		final SortedSet<Integer> rounds = frames().subSet(first, last + 1);
		if (rounds.isEmpty()) throw new MivosException("No interaction" + (frames().isEmpty() ? "" : " within frames " +
			(first + 1) + ".." + (last + 1)) + ": give scribbles (ROIs named like 1+, 1-, bg) or label masks on at " +
			"least one frame");
		int round = 0;
		for (final int frame : rounds) {
			if (cancel.isCanceled()) return;
			round++;
			progress.progress("round " + round + ": interaction on frame " + (frame + 1), round - 1, rounds.size());
			final int[] mask = masks.get(frame);
			if (mask != null) session.setMasks(frame, mask);
			final ScribbleSet onFrame = scribbles.onFrame(frame);
			if (!onFrame.isEmpty()) session.interact(frame, onFrame);
			session.propagate(first, last, progress, cancel);
		}
	}
}
