package sc.fiji.mivos.core.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import sc.fiji.mivos.core.MivosException;

/**
 * What a simulated annotator has done so far: the frame of each interaction and the objects that have been
 * scribbled (or given as masks) at least once. Immutable.
 *
 * @param frames 0-based frame of each past interaction, in order; unmodifiable
 * @param annotatedObjects ids of objects that received a positive or negative stroke or a mask; unmodifiable
 */
public record InteractionHistory(List<Integer> frames, SortedSet<Integer> annotatedObjects) {

	public InteractionHistory {
		frames = List.copyOf(frames);
		annotatedObjects = Collections.unmodifiableSortedSet(new TreeSet<>(annotatedObjects));
	}

	/** @return the history before the first interaction */
	public static InteractionHistory empty() {
		return new InteractionHistory(List.of(), new TreeSet<>());
	}

	/** @return number of interactions done */
	public int interactions() {
		return frames.size();
	}

	/**
	 * @return the frame of the latest interaction
	 * @throws MivosException when nothing has been done yet
	 */
	public int lastFrame() {
		if (frames.isEmpty()) throw new MivosException("No interaction has been made yet");
		return frames.get(frames.size() - 1);
	}

	/** @return this history followed by {@code step} */
	public InteractionHistory after(final InteractionStep step) {
		final List<Integer> f = new ArrayList<>(frames);
		f.add(step.frame());
		final SortedSet<Integer> objects = new TreeSet<>(annotatedObjects);
		objects.addAll(step.scribbles().objectIds());
		for (final int[] mask : step.masks().values())
			objects.addAll(ObjectIds.in(mask));
		return new InteractionHistory(f, objects);
	}
}
