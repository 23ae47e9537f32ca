package sc.fiji.mivos.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** An immutable collection of scribbles over a whole sequence. */
public final class ScribbleSet {

	private final List<Scribble> scribbles;

	public ScribbleSet(final List<Scribble> scribbles) {
		this.scribbles = List.copyOf(scribbles);
	}

	public static ScribbleSet empty() {
		return new ScribbleSet(List.of());
	}

	public List<Scribble> all() {
		return scribbles;
	}

	public boolean isEmpty() {
		return scribbles.isEmpty();
	}

	/** @return the 0-based frames that carry at least one scribble, ascending */
	public SortedSet<Integer> frames() {
		final SortedSet<Integer> frames = new TreeSet<>();
		for (final Scribble s : scribbles)
			frames.add(s.frame());
		return Collections.unmodifiableSortedSet(frames);
	}

	/** @return ids (&ge; 1) of all objects named by a scribble, ascending; "bg" strokes name no object */
	public SortedSet<Integer> objectIds() {
		final SortedSet<Integer> ids = new TreeSet<>();
		for (final Scribble s : scribbles)
			if (!s.isBackground()) ids.add(s.objectId());
		return Collections.unmodifiableSortedSet(ids);
	}

	/** @return the scribbles on frame {@code t} */
	public ScribbleSet onFrame(final int t) {
		final List<Scribble> out = new ArrayList<>();
		for (final Scribble s : scribbles)
			if (s.frame() == t) out.add(s);
		return new ScribbleSet(out);
	}

	/** @return this set plus {@code more} */
	public ScribbleSet with(final ScribbleSet more) {
		final List<Scribble> out = new ArrayList<>(scribbles);
		out.addAll(more.scribbles);
		return new ScribbleSet(out);
	}

	/**
	 * Checks that every scribble lies on the image.
	 *
	 * @throws MivosException naming the first scribble (object, frame) that lies outside the image or is empty
	 */
	public void validate(final int width, final int height, final int frames) {
		for (final Scribble s : scribbles) {
			final String what = (s.isBackground() ? "bg" : s.objectId() + (s.polarity() == Polarity.POSITIVE ? "+"
				: "-")) + " scribble on frame " + (s.frame() + 1);
			if (s.frame() >= frames) throw new MivosException("The " + what + " is beyond the last frame (" + frames +
				")");
			if (s.size() == 0) throw new MivosException("The " + what + " covers no pixel");
			int inside = 0;
			for (int i = 0; i < s.size(); i++)
				if (s.xs()[i] >= 0 && s.ys()[i] >= 0 && s.xs()[i] < width && s.ys()[i] < height) inside++;
			if (inside == 0) throw new MivosException("The " + what + " lies outside the " + width + "x" + height +
				" image");
		}
	}
}
