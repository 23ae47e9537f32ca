package sc.fiji.mivos.core;

import java.util.Arrays;
import java.util.Objects;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.blocks.PrimitiveBlocks;
import net.imglib2.converter.Converters;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * The one place where image intensities become the 0..1 values the networks expect:
 * <ul>
 * <li>8-bit unsigned ({@link UnsignedByteType}): {@code v / 255};</li>
 * <li>any other real type (16-bit, 32-bit, ...): the {@code lowPercentile}..{@code highPercentile} range of the
 * whole stack is mapped linearly to 0..1 and the result clipped to 0..1. The percentiles are computed once, when
 * the source is created, from all pixels, or from an evenly spread deterministic sample of {@link #MAX_SAMPLES}
 * pixels when the stack has more. NaN and infinite pixels are left out of the percentiles; NaN becomes 0. When both percentiles
 * are equal (for instance a constant image) every pixel at or below them becomes 0 and every pixel above becomes 1,
 * so a constant image gives zeros, never NaN;</li>
 * <li>ARGB ({@link #ofArgb}): three channels R, G, B, each {@code v / 255}.</li>
 * </ul>
 * The sources returned read the given image lazily, frame by frame, and never write to it.
 */
public final class NormalizedFrames {

	/** Stacks with more pixels than this have their percentiles estimated from this many evenly spread pixels. */
	public static final int MAX_SAMPLES = 1 << 24;

	private NormalizedFrames() {}

	/**
	 * Normalises a grey time-lapse.
	 *
	 * @param xyt image with axes X, Y, T (a 3D interval; any min)
	 * @param lowPercentile percentile mapped to 0, in 0..100 (e.g. 1), ignored for 8-bit unsigned data
	 * @param highPercentile percentile mapped to 1, in 0..100 and greater than {@code lowPercentile} (e.g. 99.8)
	 * @return a one-channel source of {@code T} frames of {@code X*Y} values in 0..1
	 * @throws MivosException if the image is not 3D or the percentiles are out of range
	 */
	public static <T extends RealType<T>> FrameSource of(final RandomAccessibleInterval<T> xyt,
		final double lowPercentile, final double highPercentile)
	{
		final Geometry g = Geometry.of(xyt);
		if (!(lowPercentile >= 0 && highPercentile <= 100 && lowPercentile < highPercentile))
			throw new MivosException("Percentiles " + lowPercentile + ".." + highPercentile +
				" are invalid: they need 0 <= low < high <= 100");
		final RandomAccessibleInterval<FloatType> floats = Converters.convert(Views.zeroMin(xyt), (a, b) -> b.setReal(a
			.getRealDouble()), new FloatType());
		final PrimitiveBlocks<FloatType> blocks = PrimitiveBlocks.of(floats, PrimitiveBlocks.OnFallback.ACCEPT)
			.threadSafe();
		if (xyt.getType() instanceof UnsignedByteType) return new GreyFrames(g, blocks, 0, 255);
		final float[] range = percentiles(g, blocks, lowPercentile, highPercentile);
		return new GreyFrames(g, blocks, range[0], range[1]);
	}

	/**
	 * Normalises a colour time-lapse: channel 0 = red, 1 = green, 2 = blue, each {@code v / 255}; alpha is ignored.
	 *
	 * @param xyt image with axes X, Y, T (a 3D interval; any min)
	 * @return a three-channel source
	 * @throws MivosException if the image is not 3D
	 */
	public static FrameSource ofArgb(final RandomAccessibleInterval<ARGBType> xyt) {
		final Geometry g = Geometry.of(xyt);
		return new ArgbFrames(g, PrimitiveBlocks.of(Views.zeroMin(xyt), PrimitiveBlocks.OnFallback.ACCEPT)
			.threadSafe());
	}

	/** @return {low, high} intensity at the two percentiles, {0, 0} when no pixel is a finite number */
	private static float[] percentiles(final Geometry g, final PrimitiveBlocks<FloatType> blocks,
		final double lowPercentile, final double highPercentile)
	{
		final long total = g.framePixels() * g.frames;
		final int wanted = (int) Math.min(total, MAX_SAMPLES);
		final double step = (double) total / wanted;
		final float[] samples = new float[wanted];
		final float[] plane = new float[g.framePixels()];
		int n = 0;
		long next = 0; // index (into the whole stack) of the next pixel to sample
		int taken = 0;
		for (int t = 0; t < g.frames && taken < wanted; t++) {
			g.copyFrame(blocks, t, plane);
			final long start = (long) t * plane.length;
			while (taken < wanted && next < start + plane.length) {
				final float v = plane[(int) (next - start)];
				if (Float.isFinite(v)) samples[n++] = v;
				taken++;
				next = (long) Math.floor(taken * step);
			}
		}
		if (n == 0) return new float[] { 0, 0 };
		Arrays.sort(samples, 0, n);
		return new float[] { quantile(samples, n, lowPercentile), quantile(samples, n, highPercentile) };
	}

	/** Linear interpolation between the two nearest ranks of the first {@code n} sorted values. */
	private static float quantile(final float[] sorted, final int n, final double percentile) {
		final double rank = percentile / 100 * (n - 1);
		final int below = (int) Math.floor(rank);
		final int above = Math.min(below + 1, n - 1);
		final double frac = rank - below;
		return (float) (sorted[below] + frac * (sorted[above] - sorted[below]));
	}

	/** Size of an XYT image, checked. */
	private record Geometry(int width, int height, int frames) {

		static Geometry of(final RandomAccessibleInterval<?> xyt) {
			Objects.requireNonNull(xyt, "image");
			if (xyt.numDimensions() != 3) throw new MivosException("Expected an image with axes X, Y, T but it has " +
				xyt.numDimensions() + " dimensions");
			final long w = xyt.dimension(0);
			final long h = xyt.dimension(1);
			final long t = xyt.dimension(2);
			if (w < 1 || h < 1 || t < 1) throw new MivosException("The image is empty (" + w + "x" + h + "x" + t +
				")");
			if (w * h > Integer.MAX_VALUE - 8 || t > Integer.MAX_VALUE) throw new MivosException("The image is too " +
				"large (" + w + "x" + h + "x" + t + "); one frame must hold fewer than 2^31 pixels");
			return new Geometry((int) w, (int) h, (int) t);
		}

		int framePixels() {
			return width * height;
		}

		<P extends NativeType<P>> void copyFrame(final PrimitiveBlocks<P> blocks, final int t,
			final Object dest)
		{
			Objects.checkIndex(t, frames);
			blocks.copy(new long[] { 0, 0, t }, dest, new int[] { width, height, 1 });
		}
	}

	/** One channel mapped by {@code (v - low) / (high - low)}, clipped; a step at {@code low} when they are equal. */
	private static final class GreyFrames implements FrameSource {

		private final Geometry g;
		private final PrimitiveBlocks<FloatType> blocks;
		private final float low;
		private final float high;

		GreyFrames(final Geometry g, final PrimitiveBlocks<FloatType> blocks, final float low, final float high) {
			this.g = g;
			this.blocks = blocks;
			this.low = low;
			this.high = high;
		}

		@Override
		public int width() {
			return g.width;
		}

		@Override
		public int height() {
			return g.height;
		}

		@Override
		public int channels() {
			return 1;
		}

		@Override
		public int frames() {
			return g.frames;
		}

		@Override
		public float[] frame(final int t) {
			final float[] out = new float[g.framePixels()];
			g.copyFrame(blocks, t, out);
			final boolean step = !(high > low);
			final float scale = step ? 0 : 1 / (high - low);
			for (int i = 0; i < out.length; i++) {
				final float v = out[i];
				final float m = step ? (v > low ? 1 : 0) : (v - low) * scale;
				out[i] = m > 0 ? Math.min(m, 1) : 0; // NaN fails "m > 0" and becomes 0
			}
			return out;
		}
	}

	/** Three channels R, G, B of packed ARGB pixels, each divided by 255. */
	private static final class ArgbFrames implements FrameSource {

		private final Geometry g;
		private final PrimitiveBlocks<ARGBType> blocks;

		ArgbFrames(final Geometry g, final PrimitiveBlocks<ARGBType> blocks) {
			this.g = g;
			this.blocks = blocks;
		}

		@Override
		public int width() {
			return g.width;
		}

		@Override
		public int height() {
			return g.height;
		}

		@Override
		public int channels() {
			return 3;
		}

		@Override
		public int frames() {
			return g.frames;
		}

		@Override
		public float[] frame(final int t) {
			final int n = g.framePixels();
			final int[] argb = new int[n];
			g.copyFrame(blocks, t, argb);
			final float[] out = new float[3 * n];
			for (int i = 0; i < n; i++) {
				final int v = argb[i];
				out[i] = ((v >> 16) & 0xff) / 255f;
				out[n + i] = ((v >> 8) & 0xff) / 255f;
				out[2 * n + i] = (v & 0xff) / 255f;
			}
			return out;
		}
	}
}
