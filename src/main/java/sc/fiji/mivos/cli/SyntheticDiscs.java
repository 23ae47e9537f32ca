package sc.fiji.mivos.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import sc.fiji.mivos.core.FrameSource;
import sc.fiji.mivos.core.Polarity;
import sc.fiji.mivos.core.Scribble;
import sc.fiji.mivos.core.ScribbleSet;

/**
 * A seeded benchmark sequence: bright noisy discs on a grid, each drifting a little per frame over a dark uneven
 * background, with a positive stroke through every disc and background strokes between them on frame 0. The frames
 * are rendered up front, so that timing the engine on them does not time drawing them.
 */
final class SyntheticDiscs implements FrameSource {

	private final int size;
	private final int frames;
	private final int discs;
	private final int grid;
	private final double radius;
	private final long seed;
	private final float[][] rendered;

	SyntheticDiscs(final int size, final int frames, final int discs, final long seed) {
		this.size = size;
		this.frames = frames;
		this.discs = discs;
		this.grid = (int) Math.ceil(Math.sqrt(discs));
		this.radius = size / (3.0 * grid);
		this.seed = seed;
		rendered = new float[frames][];
		for (int t = 0; t < frames; t++)
			rendered[t] = render(t);
	}

	@Override
	public int width() {
		return size;
	}

	@Override
	public int height() {
		return size;
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
		return rendered[t].clone();
	}

	private float[] render(final int t) {
		final Random noise = new Random(seed * 1000 + t);
		final float[] px = new float[size * size];
		for (int y = 0; y < size; y++)
			for (int x = 0; x < size; x++)
				px[y * size + x] = (float) (0.1 + 0.05 * x / size + 0.03 * noise.nextGaussian());
		for (int d = 0; d < discs; d++) {
			final double cx = centreX(d, t), cy = centreY(d, t);
			for (int y = (int) (cy - radius); y <= cy + radius; y++)
				for (int x = (int) (cx - radius); x <= cx + radius; x++)
					if (x >= 0 && y >= 0 && x < size && y < size && (x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius *
						radius) px[y * size + x] += 0.6f;
		}
		for (int i = 0; i < px.length; i++)
			px[i] = Math.max(0, Math.min(1, px[i]));
		return px;
	}

	/** @return one positive stroke across each disc (object ids 1..discs) and background strokes on frame 0 */
	ScribbleSet scribbles() {
		final List<Scribble> strokes = new ArrayList<>();
		for (int d = 0; d < discs; d++) {
			final int cx = (int) centreX(d, 0), cy = (int) centreY(d, 0), half = (int) (radius / 2);
			strokes.add(horizontal(d + 1, Polarity.POSITIVE, cx - half, cx + half, cy));
		}
		final double cell = (double) size / grid;
		for (int row = 0; row <= grid; row++) {
			final int y = (int) Math.min(size - 1, row * cell + 2);
			strokes.add(horizontal(Scribble.ALL_OBJECTS, Polarity.NEGATIVE, 2, size - 3, y));
		}
		return new ScribbleSet(strokes);
	}

	private double centreX(final int d, final int t) {
		return ((d % grid) + 0.5) * size / grid + 0.8 * t * Math.cos(d + seed);
	}

	private double centreY(final int d, final int t) {
		return ((d / grid) + 0.5) * size / grid + 0.8 * t * Math.sin(d + seed);
	}

	private static Scribble horizontal(final int id, final Polarity polarity, final int x0, final int x1,
		final int y)
	{
		final int n = x1 - x0 + 1;
		final int[] xs = new int[n], ys = new int[n];
		for (int i = 0; i < n; i++) {
			xs[i] = x0 + i;
			ys[i] = y;
		}
		return new Scribble(0, id, polarity, xs, ys);
	}
}
