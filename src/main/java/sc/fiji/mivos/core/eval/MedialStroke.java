package sc.fiji.mivos.core.eval;

import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * A thin stroke through the middle of a connected region, as a person would draw along an object: the region is
 * eroded by up to {@link #MAX_EROSION} pixels (less for thin regions, so something is left), the two ends of its
 * longest internal path are found (farthest pixel from a random pixel, then farthest from that one), and the two ends
 * are joined by the cheapest 8-connected path whose step cost grows towards the region's edge, so it follows the
 * medial axis. Path lengths use Euclidean steps (1 or √2). A random 60–90 % stretch of that path is kept.
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

	/** @return the pixel of {@code mask} farthest from {@code from} along 8-connected paths (Euclidean steps) */
	private static int farthest(final boolean[] mask, final int width, final int height, final int from) {
		final Geodesic g = Geodesic.from(mask, null, width, height, from, -1);
		int far = from;
		for (int i = 0; i < mask.length; i++)
			if (mask[i] && g.cost[i] > g.cost[far]) far = i;
		return far;
	}

	/** The path from {@code a} to {@code b} inside {@code mask} whose steps cost step length / depth². */
	private static int[] cheapestPath(final boolean[] mask, final double[] depth, final int width, final int height,
		final int a, final int b)
	{
		final int[] previous = Geodesic.from(mask, depth, width, height, a, b).previous;
		int n = 1;
		for (int i = b; i != a; i = previous[i])
			n++;
		final int[] path = new int[n];
		for (int i = b, k = n - 1; k >= 0; k--) {
			path[k] = i;
			if (k > 0) i = previous[i];
		}
		return path;
	}

	/** Shortest 8-connected paths inside a mask from one pixel (Dijkstra). */
	private static final class Geodesic {

		final double[] cost;
		final int[] previous;

		private Geodesic(final int n) {
			cost = new double[n];
			previous = new int[n];
			Arrays.fill(cost, Double.POSITIVE_INFINITY);
		}

		/**
		 * @param depth if not null, entering pixel q costs step length / depth(q)², else step length
		 * @param stop pixel at which to stop early, or -1 to reach every pixel
		 */
		static Geodesic from(final boolean[] mask, final double[] depth, final int width, final int height,
			final int start, final int stop)
		{
			final Geodesic g = new Geodesic(mask.length);
			final boolean[] done = new boolean[mask.length];
			final PriorityQueue<double[]> queue = new PriorityQueue<>((p, q) -> Double.compare(p[0], q[0]));
			g.cost[start] = 0;
			g.previous[start] = -1;
			queue.add(new double[] { 0, start });
			while (!queue.isEmpty()) {
				final int i = (int) queue.poll()[1];
				if (done[i]) continue;
				done[i] = true;
				if (i == stop) break;
				final int x = i % width, y = i / width;
				for (int dy = -1; dy <= 1; dy++)
					for (int dx = -1; dx <= 1; dx++) {
						final int nx = x + dx, ny = y + dy;
						if (dx == 0 && dy == 0 || nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
						final int j = ny * width + nx;
						if (!mask[j] || done[j]) continue;
						final double step = dx != 0 && dy != 0 ? SQRT2 : 1;
						final double c = g.cost[i] + (depth == null ? step : step / (depth[j] * depth[j]));
						if (c < g.cost[j]) {
							g.cost[j] = c;
							g.previous[j] = i;
							queue.add(new double[] { c, j });
						}
					}
			}
			return g;
		}
	}

	private static int[] randomStretch(final int[] path, final Random random) {
		if (path.length <= 4) return path;
		final int keep = (int) Math.max(2, Math.round(path.length * (0.6 + 0.3 * random.nextDouble())));
		final int from = random.nextInt(path.length - keep + 1);
		return Arrays.copyOfRange(path, from, from + keep);
	}
}
