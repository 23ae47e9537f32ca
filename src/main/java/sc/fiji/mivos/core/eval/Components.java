package sc.fiji.mivos.core.eval;

/** Connected components (8-connectivity) of a binary mask. */
final class Components {

	private Components() {}

	/**
	 * @param mask row-major mask, {@code width × height}
	 * @return the largest 8-connected component (on a tie, the one whose first pixel comes first in raster order);
	 *         all {@code false} when the mask is empty
	 */
	static boolean[] largest(final boolean[] mask, final int width, final int height) {
		final int[] label = new int[mask.length];
		final int[] queue = new int[mask.length];
		int best = 0, bestSize = 0, next = 0;
		for (int seed = 0; seed < mask.length; seed++) {
			if (!mask[seed] || label[seed] != 0) continue;
			final int size = flood(mask, width, height, seed, ++next, label, queue);
			if (size > bestSize) {
				bestSize = size;
				best = next;
			}
		}
		final boolean[] out = new boolean[mask.length];
		for (int i = 0; i < mask.length; i++)
			out[i] = best != 0 && label[i] == best;
		return out;
	}

	/** @return number of {@code true} pixels */
	static int count(final boolean[] mask) {
		int n = 0;
		for (final boolean v : mask)
			if (v) n++;
		return n;
	}

	private static int flood(final boolean[] mask, final int width, final int height, final int seed, final int id,
		final int[] label, final int[] queue)
	{
		int head = 0, tail = 0;
		queue[tail++] = seed;
		label[seed] = id;
		while (head < tail) {
			final int i = queue[head++];
			final int x = i % width, y = i / width;
			for (int dy = -1; dy <= 1; dy++)
				for (int dx = -1; dx <= 1; dx++) {
					final int nx = x + dx, ny = y + dy;
					if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
					final int j = ny * width + nx;
					if (mask[j] && label[j] == 0) {
						label[j] = id;
						queue[tail++] = j;
					}
				}
		}
		return tail;
	}
}
