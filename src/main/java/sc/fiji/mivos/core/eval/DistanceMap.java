package sc.fiji.mivos.core.eval;

/**
 * Exact Euclidean distance transform of a binary image (separable lower-envelope algorithm of Felzenszwalb and
 * Huttenlocher). Pixels outside the image are not features: distances are measured to feature pixels of the image
 * only.
 */
final class DistanceMap {

	/** Squared distance reported when the image holds no feature pixel. */
	static final double NONE = 1e20;

	private DistanceMap() {}

	/**
	 * @param feature row-major mask, {@code true} = feature pixel
	 * @return for every pixel the squared Euclidean distance (in pixels²) to the nearest feature pixel; 0 on
	 *         features, about {@link #NONE} everywhere when there is no feature
	 */
	static double[] squared(final boolean[] feature, final int width, final int height) {
		final double[] d = new double[width * height];
		for (int i = 0; i < d.length; i++)
			d[i] = feature[i] ? 0 : NONE;
		final int n = Math.max(width, height);
		final double[] line = new double[n];
		final double[] out = new double[n];
		final int[] v = new int[n];
		final double[] z = new double[n + 1];
		for (int x = 0; x < width; x++) {
			for (int y = 0; y < height; y++)
				line[y] = d[y * width + x];
			envelope(line, height, out, v, z);
			for (int y = 0; y < height; y++)
				d[y * width + x] = out[y];
		}
		for (int y = 0; y < height; y++) {
			System.arraycopy(d, y * width, line, 0, width);
			envelope(line, width, out, v, z);
			System.arraycopy(out, 0, d, y * width, width);
		}
		return d;
	}

	/** @return distance (pixels) from each pixel of {@code region} to the nearest pixel outside it; 0 outside */
	static double[] insideDepth(final boolean[] region, final int width, final int height) {
		final boolean[] outside = new boolean[region.length];
		for (int i = 0; i < region.length; i++)
			outside[i] = !region[i];
		final double[] d = squared(outside, width, height);
		for (int i = 0; i < d.length; i++)
			d[i] = Math.sqrt(d[i]);
		return d;
	}

	/** Lower envelope of the parabolas {@code (q - p)² + f[p]} over {@code p}, evaluated at every {@code q}. */
	private static void envelope(final double[] f, final int n, final double[] out, final int[] v,
		final double[] z)
	{
		int k = 0;
		v[0] = 0;
		z[0] = Double.NEGATIVE_INFINITY;
		z[1] = Double.POSITIVE_INFINITY;
		for (int q = 1; q < n; q++) {
			double s = intersection(f, q, v[k]);
			while (s <= z[k]) {
				k--;
				s = intersection(f, q, v[k]);
			}
			k++;
			v[k] = q;
			z[k] = s;
			z[k + 1] = Double.POSITIVE_INFINITY;
		}
		k = 0;
		for (int q = 0; q < n; q++) {
			while (z[k + 1] < q)
				k++;
			final double dq = q - v[k];
			out[q] = dq * dq + f[v[k]];
		}
	}

	private static double intersection(final double[] f, final int q, final int p) {
		return ((f[q] + (double) q * q) - (f[p] + (double) p * p)) / (2.0 * q - 2.0 * p);
	}
}
