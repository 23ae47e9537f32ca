package sc.fiji.mivos.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Shape checks at stage boundaries, so that a wrong call fails with a readable message instead of a libtorch trace. */
final class StageShapes {

	private StageShapes() {}

	/** Checks {@code image [1,C,H,W]} with C = 1 or 3 and H, W multiples of 16. */
	static void image(final String stage, final NDArray image) {
		final Shape s = image.getShape();
		if (s.dimension() != 4 || s.get(0) != 1 || (s.get(1) != 1 && s.get(1) != 3) || s.get(2) % 16 != 0 || s.get(
			3) % 16 != 0) throw new IllegalArgumentException(stage + ": image must be [1,C,H,W] with C 1 or 3 and H, W " +
				"multiples of 16, got " + s);
	}

	/** Checks {@code [N,1,H,W]} masks matching the image's H and W; returns N. */
	static long masks(final String stage, final String what, final NDArray mask, final long h, final long w) {
		final Shape s = mask.getShape();
		if (s.dimension() != 4 || s.get(1) != 1 || s.get(2) != h || s.get(3) != w) throw new IllegalArgumentException(
			stage + ": " + what + " must be [N,1," + h + "," + w + "], got " + s);
		return s.get(0);
	}

	/** Checks that all arrays have the same leading size {@code n}. */
	static void sameN(final String stage, final long n, final NDArray... arrays) {
		for (final NDArray a : arrays)
			if (a.getShape().get(0) != n) throw new IllegalArgumentException(stage + ": object counts differ (" + n +
				" vs " + a.getShape() + ")");
	}
}
