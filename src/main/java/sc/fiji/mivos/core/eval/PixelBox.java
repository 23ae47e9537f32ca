package sc.fiji.mivos.core.eval;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An axis-aligned pixel rectangle {@code [x0, x1) × [y0, y1)} inside a {@code width × height} image, used to work on
 * one object at a time without scanning whole frames.
 */
record PixelBox(int x0, int y0, int x1, int y1) {

	/** @return whether the box holds no pixel */
	boolean isEmpty() {
		return x1 <= x0 || y1 <= y0;
	}

	int width() {
		return x1 - x0;
	}

	int height() {
		return y1 - y0;
	}

	/** @return the smallest box holding every pixel equal to {@code id} in {@code a} or in {@code b} (may be empty) */
	static PixelBox around(final int[] a, final int[] b, final int id, final int width) {
		int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = 0, y1 = 0;
		for (int i = 0; i < a.length; i++) {
			if (a[i] != id && (b == null || b[i] != id)) continue;
			final int x = i % width, y = i / width;
			x0 = Math.min(x0, x);
			y0 = Math.min(y0, y);
			x1 = Math.max(x1, x + 1);
			y1 = Math.max(y1, y + 1);
		}
		return x0 == Integer.MAX_VALUE ? new PixelBox(0, 0, 0, 0) : new PixelBox(x0, y0, x1, y1);
	}

	/**
	 * @return for every non-zero id in {@code a} or {@code b} the smallest box holding its pixels in either image,
	 *         by ascending id; one pass over the frames
	 */
	static SortedMap<Integer, PixelBox> aroundEach(final int[] a, final int[] b, final int width) {
		final Map<Integer, int[]> bounds = new HashMap<>();
		for (int i = 0; i < a.length; i++) {
			include(bounds, a[i], i, width);
			if (b[i] != a[i]) include(bounds, b[i], i, width);
		}
		final SortedMap<Integer, PixelBox> boxes = new TreeMap<>();
		bounds.forEach((id, r) -> boxes.put(id, new PixelBox(r[0], r[1], r[2], r[3])));
		return boxes;
	}

	private static void include(final Map<Integer, int[]> bounds, final int id, final int i, final int width) {
		if (id == 0) return;
		final int x = i % width, y = i / width;
		final int[] r = bounds.computeIfAbsent(id, k -> new int[] { x, y, x + 1, y + 1 });
		r[0] = Math.min(r[0], x);
		r[1] = Math.min(r[1], y);
		r[2] = Math.max(r[2], x + 1);
		r[3] = Math.max(r[3], y + 1);
	}

	/** @return this box grown by {@code margin} pixels on every side, clipped to the image */
	PixelBox grow(final int margin, final int width, final int height) {
		return new PixelBox(Math.max(0, x0 - margin), Math.max(0, y0 - margin), Math.min(width, x1 + margin), Math
			.min(height, y1 + margin));
	}

	/** @return the box holding both boxes (an empty box is ignored) */
	PixelBox union(final PixelBox other) {
		if (other.isEmpty()) return this;
		if (isEmpty()) return other;
		return new PixelBox(Math.min(x0, other.x0), Math.min(y0, other.y0), Math.max(x1, other.x1), Math.max(y1,
			other.y1));
	}

	/** @return row-major mask over this box: {@code labels == id} (image row length {@code width}) */
	boolean[] mask(final int[] labels, final int id, final int width) {
		final boolean[] m = new boolean[width() * height()];
		for (int y = y0; y < y1; y++)
			for (int x = x0; x < x1; x++)
				m[(y - y0) * width() + x - x0] = labels[y * width + x] == id;
		return m;
	}
}
