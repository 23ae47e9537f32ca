package sc.fiji.mivos.core.eval;

/** Builds small label frames for the tests. */
final class Masks {

	private Masks() {}

	/** Paints {@code id} into the rectangle {@code [x0, x1) × [y0, y1)} of a row-major frame. */
	static int[] rect(final int[] labels, final int width, final int x0, final int y0, final int x1, final int y1,
		final int id)
	{
		for (int y = y0; y < y1; y++)
			for (int x = x0; x < x1; x++)
				labels[y * width + x] = id;
		return labels;
	}

	/** Paints {@code id} into the disc of radius {@code r} around {@code (cx, cy)}. */
	static int[] disc(final int[] labels, final int width, final int cx, final int cy, final double r, final int id) {
		final int height = labels.length / width;
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++)
				if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) labels[y * width + x] = id;
		return labels;
	}

	static int count(final int[] labels, final int id) {
		int n = 0;
		for (final int v : labels)
			if (v == id) n++;
		return n;
	}
}
