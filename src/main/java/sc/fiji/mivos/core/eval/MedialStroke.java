package sc.fiji.mivos.core.eval;

import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * A thin stroke through the middle of a connected region, as a person would draw along an object: the region is
 * eroded by up to {@link #MAX_EROSION} pixels (less for thin regions, so something is left), the two ends of its
 * longest internal path are found (farthest pixel from a random pixel, then farthest from that one), and the two ends
 * are joined by the cheapest 8-connected path whose step cost grows towards the region's edge, so it follows the
 * medial axis. A random 60–90 % stretch of that path is kept.
 */
final class MedialStroke {

	/** Largest erosion, pixels. */
	static final int MAX_EROSION = 3;

	private static final double SQRT2 = Math.sqrt(2);

	private MedialStroke() {}

	/**
	 * @param region a non-empty 8-connected region, row-major {@code width × height}
	 * @param random source of the random choices
	 * @return pixel indices ({@code y * width + x}) along the stroke, each 8-adjacent to the next, all inside the
	 *         region
	 */
	static int[] trace(final boolean[] region, final int width, final int height, final Random random) {
		final double[] depth = DistanceMap.insideDepth(region, width, height);
		double maxDepth = 0;
		for (int i = 0; i < region.length; i++)
			if (region[i]) maxDepth = Math.max(maxDepth, depth[i]);
		final int erosion = (int) Math.min(MAX_EROSION, Math.floor((maxDepth - 1) / 2));
		final boolean[] core = new boolean[region.length];
		for (int i = 0; i < region.length; i++)
			core[i] = region[i] && depth[i] > erosion;
		final boolean[] kept = Components.largest(core, width, height);
		final int start = randomPixel(kept, random);
		final int a = farthest(kept, width, height, start);
		final int b = farthest(kept, width, height, a);
		final int[] path = cheapestPath(kept, depth, width, height, a, b);
		return randomStretch(path, random);
	}

	private static int randomPixel(final boolean[] mask, final Random random) {
		int k = random.nextInt(Components.count(mask));
		for (int i = 0; i < mask.length; i++)
			if (mask[i] && k-- == 0) return i;
		throw new IllegalStateException("empty region");
	}

	/** @return the pixel of {@code mask} with the most 8-connected steps from {@code from} (first found on a tie) */
	private static int farthest(final boolean[] mask, final int width, final int height, final int from) {
		final boolean[] seen = new boolean[mask.length];
		final int[] queue = new int[mask.length];
		int head = 0, tail = 0;
		queue[tail++] = from;
		seen[from] = true;
		while (head < tail) {
			final int i = queue[head++];
			final int x = i % width, y = i / width;
			for (int dy = -1; dy <= 1; dy++)
				for (int dx = -1; dx <= 1; dx++) {
					final int nx = x + dx, ny = y + dy;
					if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
					final int j = ny * width + nx;
					if (mask[j] && !seen[j]) {
						seen[j] = true;
						queue[tail++] = j;
					}
				}
		}
		return queue[tail - 1];
	}

	/** Dijkstra from {@code a} to {@code b} inside {@code mask}; entering pixel q costs step length / depth(q)². */
	private static int[] cheapestPath(final boolean[] mask, final double[] depth, final int width, final int height,
		final int a, final int b)
	{
		final double[] cost = new double[mask.length];
		Arrays.fill(cost, Double.POSITIVE_INFINITY);
		final int[] previous = new int[mask.length];
		final boolean[] done = new boolean[mask.length];
		final PriorityQueue<double[]> queue = new PriorityQueue<>((p, q) -> Double.compare(p[0], q[0]));
		cost[a] = 0;
		previous[a] = -1;
		queue.add(new double[] { 0, a });
		while (!queue.isEmpty()) {
			final int i = (int) queue.poll()[1];
			if (done[i]) continue;
			done[i] = true;
			if (i == b) break;
			final int x = i % width, y = i / width;
			for (int dy = -1; dy <= 1; dy++)
				for (int dx = -1; dx <= 1; dx++) {
					final int nx = x + dx, ny = y + dy;
					if (dx == 0 && dy == 0 || nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
					final int j = ny * width + nx;
					if (!mask[j] || done[j]) continue;
					final double c = cost[i] + (dx != 0 && dy != 0 ? SQRT2 : 1) / (depth[j] * depth[j]);
					if (c < cost[j]) {
						cost[j] = c;
						previous[j] = i;
						queue.add(new double[] { c, j });
					}
				}
		}
		int n = 1;
		for (int i = b; previous[i] != -1 && i != a; i = previous[i])
			n++;
		final int[] path = new int[n];
		for (int i = b, k = n - 1; k >= 0; i = previous[i], k--)
			path[k] = i;
		return path;
	}

	private static int[] randomStretch(final int[] path, final Random random) {
		if (path.length <= 4) return path;
		final int keep = (int) Math.max(2, Math.round(path.length * (0.6 + 0.3 * random.nextDouble())));
		final int from = random.nextInt(path.length - keep + 1);
		return Arrays.copyOfRange(path, from, from + keep);
	}
}
