package sc.fiji.mivos.core;

/**
 * Converts between the image grid and the processing grid of one sequence. Frames whose longer side exceeds the
 * processing size are downscaled (bilinear, with the filter widened by the reduction factor so that no detail
 * aliases); frames whose longer side is below {@value #MIN_SIDE} are upscaled to it (bilinear). Then they are padded
 * on the right and bottom by edge replication to a multiple of {@value #MULTIPLE} in both directions. Results go back
 * by cropping the padding and resizing to the image.
 * <p>
 * Planes are row-major float arrays; multi-channel data is channel-major ({@code [C][H][W]} flattened).
 */
public final class Resampler {

	/** Processing sizes are multiples of this (the networks' output stride). */
	public static final int MULTIPLE = 16;
	/**
	 * Smallest longer side of the processing grid. The networks see a stride-16 feature grid and were trained on crops
	 * of 128–192 px; on a 4×4 grid (a 64 px frame) a cell fills most of the context and S2M can lose it entirely.
	 */
	public static final int MIN_SIDE = 128;

	private final int imageWidth;
	private final int imageHeight;
	private final int scaledWidth;
	private final int scaledHeight;
	private final int paddedWidth;
	private final int paddedHeight;
	private final double scale;
	private final Axis downX, downY, upX, upY;

	/**
	 * @param imageWidth image width in pixels
	 * @param imageHeight image height in pixels
	 * @param processingSize longest processed side in pixels, at least {@value #MIN_SIDE}; 0 = never downscale
	 */
	public Resampler(final int imageWidth, final int imageHeight, final int processingSize) {
		if (imageWidth <= 0 || imageHeight <= 0) throw new IllegalArgumentException("empty image " + imageWidth +
			"x" + imageHeight);
		if (processingSize != 0 && processingSize < MIN_SIDE) throw new IllegalArgumentException(
			"processing size " + processingSize + " is neither 0 nor at least " + MIN_SIDE);
		this.imageWidth = imageWidth;
		this.imageHeight = imageHeight;
		final int longer = Math.max(imageWidth, imageHeight);
		final int processedLonger = longer < MIN_SIDE ? MIN_SIDE : processingSize == 0 ? longer : Math.min(longer,
			processingSize);
		if (processedLonger == longer) {
			scale = 1;
			scaledWidth = imageWidth;
			scaledHeight = imageHeight;
		}
		else {
			scale = processedLonger / (double) longer;
			scaledWidth = Math.max(1, (int) Math.round(imageWidth * scale));
			scaledHeight = Math.max(1, (int) Math.round(imageHeight * scale));
		}
		paddedWidth = roundUp(scaledWidth);
		paddedHeight = roundUp(scaledHeight);
		downX = new Axis(imageWidth, scaledWidth);
		downY = new Axis(imageHeight, scaledHeight);
		upX = new Axis(scaledWidth, imageWidth);
		upY = new Axis(scaledHeight, imageHeight);
	}

	public int imageWidth() {
		return imageWidth;
	}

	public int imageHeight() {
		return imageHeight;
	}

	/** @return width of the image content on the processing grid, before padding */
	public int scaledWidth() {
		return scaledWidth;
	}

	/** @return height of the image content on the processing grid, before padding */
	public int scaledHeight() {
		return scaledHeight;
	}

	/** @return processing width {@code W}, a multiple of {@value #MULTIPLE} */
	public int paddedWidth() {
		return paddedWidth;
	}

	/** @return processing height {@code H}, a multiple of {@value #MULTIPLE} */
	public int paddedHeight() {
		return paddedHeight;
	}

	/** @return processing pixels per image pixel: below 1 for downscaled frames, above 1 for upscaled small ones */
	public double scale() {
		return scale;
	}

	/** @return whether image and processing grid differ by more than padding */
	public boolean resizes() {
		return scaledWidth != imageWidth || scaledHeight != imageHeight;
	}

	/**
	 * @param image {@code [C][imageHeight][imageWidth]} values; not modified
	 * @param channels {@code C}
	 * @return {@code [C][paddedHeight][paddedWidth]}, resized and edge-padded
	 */
	public float[] toProcessing(final float[] image, final int channels) {
		final int in = imageWidth * imageHeight;
		if (image.length != channels * in) throw new IllegalArgumentException("expected " + channels + "x" +
			imageHeight + "x" + imageWidth + " values, got " + image.length);
		final int out = paddedWidth * paddedHeight;
		final float[] result = new float[channels * out];
		final float[] scaled = new float[scaledWidth * scaledHeight];
		for (int c = 0; c < channels; c++) {
			resize(image, c * in, imageWidth, imageHeight, downX, downY, scaled);
			pad(scaled, result, c * out);
		}
		return result;
	}

	/**
	 * Moves a label image to the processing grid by nearest-neighbour sampling, then edge padding.
	 *
	 * @param labels {@code [imageHeight][imageWidth]}; not modified
	 * @return {@code [paddedHeight][paddedWidth]}
	 */
	public int[] labelsToProcessing(final int[] labels) {
		checkLength(labels.length, imageWidth * imageHeight);
		final int[] out = new int[paddedWidth * paddedHeight];
		for (int y = 0; y < paddedHeight; y++) {
			final int sy = nearest(Math.min(y, scaledHeight - 1), scaledHeight, imageHeight);
			for (int x = 0; x < paddedWidth; x++)
				out[y * paddedWidth + x] = labels[sy * imageWidth + nearest(Math.min(x, scaledWidth - 1), scaledWidth,
					imageWidth)];
		}
		return out;
	}

	/**
	 * Moves a label image from the processing grid back to the image. Where the image is not resized this only crops.
	 * Otherwise each image pixel takes, among the labels of the processing pixels its resampling filter reads, the one
	 * whose filter weights times confidences sum highest: boundaries come back smooth instead of blocky.
	 *
	 * @param labels {@code [paddedHeight][paddedWidth]} labels; not modified
	 * @param confidence {@code [paddedHeight][paddedWidth]} probability of each pixel's label, 0..1; not modified
	 * @return {@code [imageHeight][imageWidth]} labels
	 */
	public int[] labelsToImage(final int[] labels, final float[] confidence) {
		checkLength(labels.length, paddedWidth * paddedHeight);
		checkLength(confidence.length, paddedWidth * paddedHeight);
		final int[] out = new int[imageWidth * imageHeight];
		if (!resizes()) {
			for (int y = 0; y < imageHeight; y++)
				System.arraycopy(labels, y * paddedWidth, out, y * imageWidth, imageWidth);
			return out;
		}
		final int taps = upY.maxTaps() * upX.maxTaps();
		final int[] cand = new int[taps];
		final float[] score = new float[taps];
		for (int y = 0; y < imageHeight; y++) {
			final float[] wy = upY.weights[y];
			for (int x = 0; x < imageWidth; x++) {
				final float[] wx = upX.weights[x];
				int n = 0;
				for (int ky = 0; ky < wy.length; ky++) {
					final int row = Math.min(upY.start[y] + ky, scaledHeight - 1) * paddedWidth;
					for (int kx = 0; kx < wx.length; kx++)
						n = vote(labels, confidence, row + Math.min(upX.start[x] + kx, scaledWidth - 1), wy[ky] * wx[kx],
							cand, score, n);
				}
				int best = 0;
				for (int i = 1; i < n; i++)
					if (score[i] > score[best]) best = i;
				out[y * imageWidth + x] = cand[best];
			}
		}
		return out;
	}

	/**
	 * Moves one plane (for example an object's probability) from the processing grid back to the image: crop, then
	 * resize.
	 *
	 * @param plane {@code [paddedHeight][paddedWidth]}; not modified
	 * @return {@code [imageHeight][imageWidth]}
	 */
	public float[] planeToImage(final float[] plane) {
		checkLength(plane.length, paddedWidth * paddedHeight);
		final float[] cropped = new float[scaledWidth * scaledHeight];
		for (int y = 0; y < scaledHeight; y++)
			System.arraycopy(plane, y * paddedWidth, cropped, y * scaledWidth, scaledWidth);
		final float[] out = new float[imageWidth * imageHeight];
		resize(cropped, 0, scaledWidth, scaledHeight, upX, upY, out);
		return out;
	}

	// -- Helpers --

	private static int vote(final int[] labels, final float[] confidence, final int i, final float w,
		final int[] cand, final float[] score, final int n)
	{
		final int label = labels[i];
		final float s = w * confidence[i];
		for (int k = 0; k < n; k++)
			if (cand[k] == label) {
				score[k] += s;
				return n;
			}
		cand[n] = label;
		score[n] = s;
		return n + 1;
	}

	/** Separable resize of one plane starting at {@code offset} in {@code in} into {@code out}. */
	private static void resize(final float[] in, final int offset, final int inW, final int inH, final Axis ax,
		final Axis ay, final float[] out)
	{
		final int outW = ax.start.length, outH = ay.start.length;
		final float[] rows = new float[inH * outW];
		for (int y = 0; y < inH; y++) {
			final int row = offset + y * inW;
			for (int x = 0; x < outW; x++) {
				final float[] w = ax.weights[x];
				final int s = ax.start[x];
				float v = 0;
				for (int k = 0; k < w.length; k++)
					v += w[k] * in[row + Math.min(s + k, inW - 1)];
				rows[y * outW + x] = v;
			}
		}
		for (int y = 0; y < outH; y++) {
			final float[] w = ay.weights[y];
			final int s = ay.start[y];
			for (int x = 0; x < outW; x++) {
				float v = 0;
				for (int k = 0; k < w.length; k++)
					v += w[k] * rows[Math.min(s + k, inH - 1) * outW + x];
				out[y * outW + x] = v;
			}
		}
	}

	/** Copies the scaled plane into the top-left of a padded plane and replicates its last row and column. */
	private void pad(final float[] scaled, final float[] out, final int offset) {
		for (int y = 0; y < paddedHeight; y++) {
			final int sy = Math.min(y, scaledHeight - 1);
			final int row = offset + y * paddedWidth;
			System.arraycopy(scaled, sy * scaledWidth, out, row, scaledWidth);
			final float edge = scaled[sy * scaledWidth + scaledWidth - 1];
			for (int x = scaledWidth; x < paddedWidth; x++)
				out[row + x] = edge;
		}
	}

	/** @return the source index whose pixel centre is nearest to target pixel {@code i}'s centre */
	private static int nearest(final int i, final int targetSize, final int sourceSize) {
		return Math.min(sourceSize - 1, (int) Math.floor((i + 0.5) * sourceSize / targetSize));
	}

	private static int roundUp(final int n) {
		return (n + MULTIPLE - 1) / MULTIPLE * MULTIPLE;
	}

	private static void checkLength(final int actual, final int expected) {
		if (actual != expected) throw new IllegalArgumentException("expected " + expected + " values, got " +
			actual);
	}

	/**
	 * 1-D resampling weights from {@code inSize} to {@code outSize} samples, pixel centres aligned. Each output sample
	 * reads input samples {@code start[o] ..} with {@code weights[o]} (indices past the end are clamped to the last
	 * sample). Upscaling uses the two nearest samples (bilinear); downscaling a triangle widened by the reduction
	 * factor.
	 */
	private static final class Axis {

		final int[] start;
		final float[][] weights;

		Axis(final int inSize, final int outSize) {
			start = new int[outSize];
			weights = new float[outSize][];
			final double ratio = inSize / (double) outSize;
			final double support = Math.max(1.0, ratio);
			for (int o = 0; o < outSize; o++) {
				final double centre = (o + 0.5) * ratio - 0.5;
				int lo = (int) Math.floor(centre - support) + 1;
				int hi = (int) Math.ceil(centre + support) - 1;
				if (support == 1.0) {
					lo = (int) Math.floor(centre);
					hi = lo + 1;
				}
				final double[] w = new double[hi - lo + 1];
				double sum = 0;
				for (int i = lo; i <= hi; i++) {
					w[i - lo] = Math.max(0, 1 - Math.abs(i - centre) / support);
					sum += w[i - lo];
				}
				// NB: samples before the first pixel are replaced by the first pixel (edge replication).
				final int first = Math.max(0, lo);
				final float[] f = new float[hi - first + 1];
				for (int i = lo; i <= hi; i++)
					f[Math.max(i, 0) - first] += (float) (w[i - lo] / sum);
				start[o] = first;
				weights[o] = f;
			}
		}

		/** @return the most input samples any output sample reads */
		int maxTaps() {
			int most = 0;
			for (final float[] w : weights)
				most = Math.max(most, w.length);
			return most;
		}
	}
}
