package sc.fiji.mivos.core;

import java.util.Objects;

/**
 * One rasterised user stroke: the pixels it covers on one frame, the object it is about and whether it is positive
 * or negative. Coordinates are in the original image's pixel grid.
 *
 * @param frame 0-based frame index
 * @param objectId object id &ge; 1, or {@link #ALL_OBJECTS} for a background stroke that is negative for every object
 * @param polarity positive or negative
 * @param xs pixel columns
 * @param ys pixel rows, same length as {@code xs}
 */
public record Scribble(int frame, int objectId, Polarity polarity, int[] xs, int[] ys) {

	/** Object id of a "bg" stroke: negative for all objects. */
	public static final int ALL_OBJECTS = 0;

	public Scribble {
		Objects.requireNonNull(polarity, "polarity");
		if (xs.length != ys.length) throw new IllegalArgumentException("xs and ys differ in length");
		if (frame < 0) throw new MivosException("Scribble frame " + (frame + 1) + " is before the first frame");
		if (objectId < 0) throw new MivosException("Scribble object id " + objectId + " is negative");
		if (objectId == ALL_OBJECTS && polarity != Polarity.NEGATIVE)
			throw new MivosException("A background scribble must be negative");
	}

	/** @return number of pixels covered */
	public int size() {
		return xs.length;
	}

	/** @return whether this stroke is negative for every object ("bg") */
	public boolean isBackground() {
		return objectId == ALL_OBJECTS;
	}

	/** @return whether this stroke says something about object {@code id} */
	public boolean concerns(final int id) {
		return objectId == id || isBackground();
	}
}
