package sc.fiji.mivos.engine;

import sc.fiji.mivos.core.FrameSource;

/**
 * A synthetic time-lapse: bright discs moving in straight lines over a dark, slightly noisy background. Disc
 * {@code i} has label {@code i + 1}.
 */
final class SyntheticDiscs implements FrameSource {

	private final int width;
	private final int height;
	private final int frames;
	private final double[][] start;
	private final double[][] velocity;
	private final double radius;

	/**
	 * @param start per disc its centre {x, y} on frame 0, in pixels
	 * @param velocity per disc its motion {dx, dy} per frame
	 */
	SyntheticDiscs(final int width, final int height, final int frames, final double radius,
		final double[][] start, final double[][] velocity)
	{
		this.width = width;
		this.height = height;
		this.frames = frames;
		this.radius = radius;
		this.start = start;
		this.velocity = velocity;
	}

	/** One disc of radius {@code size/8} crossing the frame diagonally. */
	static SyntheticDiscs single(final int size, final int frames) {
		final double step = size * 0.4 / frames;
		return new SyntheticDiscs(size, size, frames, size / 8.0, new double[][] { { size * 0.3, size * 0.35 } },
			new double[][] { { step, step * 0.5 } });
	}

	/** Two discs moving in opposite directions, never touching. */
	static SyntheticDiscs pair(final int size, final int frames) {
		final double step = size * 0.3 / frames;
		return new SyntheticDiscs(size, size, frames, size / 10.0, new double[][] { { size * 0.25, size * 0.3 }, {
			size * 0.75, size * 0.7 } }, new double[][] { { step, 0 }, { -step, 0 } });
	}

	@Override
	public int width() {
		return width;
	}

	@Override
	public int height() {
		return height;
	}

	@Override
	public int channels() {
		return 1;
	}

	@Override
	public int frames() {
		return frames;
	}

	@Override
	public float[] frame(final int t) {
		final int[] labels = labels(t);
		final float[] out = new float[width * height];
		long seed = 12345L + t;
		for (int i = 0; i < out.length; i++) {
			seed = seed * 6364136223846793005L + 1442695040888963407L;
			final float noise = ((seed >>> 40) & 0xff) / 255f * 0.1f;
			out[i] = (labels[i] > 0 ? 0.8f : 0.1f) + noise;
		}
		return out;
	}

	/** @return the true labels of frame {@code t}, row-major */
	int[] labels(final int t) {
		final int[] out = new int[width * height];
		for (int d = 0; d < start.length; d++) {
			final double cx = start[d][0] + velocity[d][0] * t, cy = start[d][1] + velocity[d][1] * t;
			for (int y = 0; y < height; y++)
				for (int x = 0; x < width; x++)
					if (Math.hypot(x + 0.5 - cx, y + 0.5 - cy) < radius) out[y * width + x] = d + 1;
		}
		return out;
	}

	/** @return the disc's centre on frame {@code t}, rounded to pixels */
	int[] centre(final int disc, final int t) {
		return new int[] { (int) (start[disc][0] + velocity[disc][0] * t), (int) (start[disc][1] + velocity[disc][1] *
			t) };
	}

	/** @return intersection over union of label {@code id} in two label images; 1 when both lack it */
	static double iou(final int[] a, final int[] b, final int id) {
		int inter = 0, union = 0;
		for (int i = 0; i < a.length; i++) {
			final boolean x = a[i] == id, y = b[i] == id;
			if (x && y) inter++;
			if (x || y) union++;
		}
		return union == 0 ? 1 : inter / (double) union;
	}
}
