package sc.fiji.mivos.core;

import java.util.List;
import java.util.Objects;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.view.Views;

/** Converts between {@link LabelStack} and ImgLib2 integer images with axes X, Y, T. */
public final class LabelImgs {

	private LabelImgs() {}

	/**
	 * Copies a label stack into a new image.
	 *
	 * @return an XYT {@code ArrayImg} of {@code UnsignedShortType} when every label fits in 0..65535, otherwise of
	 *         {@code IntType}; dimensions {@code [width, height, frames]}
	 */
	public static Img<? extends IntegerType<?>> toImg(final LabelStack labels) {
		final int n = labels.width() * labels.height();
		if (labels.maxLabel() <= 0xffff) {
			final short[] data = new short[n * labels.frames()];
			for (int t = 0; t < labels.frames(); t++) {
				final int[] f = labels.frame(t);
				for (int i = 0; i < n; i++)
					data[t * n + i] = (short) f[i];
			}
			return ArrayImgs.unsignedShorts(data, labels.width(), labels.height(), labels.frames());
		}
		final int[] data = new int[n * labels.frames()];
		for (int t = 0; t < labels.frames(); t++)
			System.arraycopy(labels.frame(t), 0, data, t * n, n);
		return ArrayImgs.ints(data, labels.width(), labels.height(), labels.frames());
	}

	/**
	 * Copies labels segmented slice by slice into one new image: {@link #toImg(LabelStack)} for a single slice,
	 * otherwise an XYZT {@code ArrayImg} with dimensions {@code [width, height, slices, frames]}, of
	 * {@code UnsignedShortType} when every label fits in 0..65535, otherwise of {@code IntType}.
	 *
	 * @param slices labels of each Z slice, all of the same size and length
	 */
	public static Img<? extends IntegerType<?>> toImg(final List<LabelStack> slices) {
		if (slices.size() == 1) return toImg(slices.get(0));
		final LabelStack first = slices.get(0);
		final int n = first.width() * first.height();
		final int z = slices.size();
		int max = 0;
		for (final LabelStack s : slices)
			max = Math.max(max, s.maxLabel());
		final long[] dims = { first.width(), first.height(), z, first.frames() };
		if (max <= 0xffff) {
			final short[] data = new short[n * z * first.frames()];
			for (int t = 0; t < first.frames(); t++)
				for (int k = 0; k < z; k++) {
					final int[] f = slices.get(k).frame(t);
					final int offset = (t * z + k) * n;
					for (int i = 0; i < n; i++)
						data[offset + i] = (short) f[i];
				}
			return ArrayImgs.unsignedShorts(data, dims);
		}
		final int[] data = new int[n * z * first.frames()];
		for (int t = 0; t < first.frames(); t++)
			for (int k = 0; k < z; k++)
				System.arraycopy(slices.get(k).frame(t), 0, data, (t * z + k) * n, n);
		return ArrayImgs.ints(data, dims);
	}

	/**
	 * Copies an integer image into a label stack.
	 *
	 * @param xyt labels with axes X, Y, T (or X, Y for a single frame); any min
	 * @throws MivosException if the image has another number of dimensions, is too large, or holds a value outside
	 *         0..2^31-1
	 */
	public static LabelStack toLabelStack(final RandomAccessibleInterval<? extends IntegerType<?>> xyt) {
		Objects.requireNonNull(xyt, "labels");
		final int nd = xyt.numDimensions();
		if (nd != 2 && nd != 3) throw new MivosException("A label image needs axes X, Y and T but it has " + nd +
			" dimensions");
		final long w = xyt.dimension(0);
		final long h = xyt.dimension(1);
		final long frames = nd == 3 ? xyt.dimension(2) : 1;
		if (w * h > Integer.MAX_VALUE - 8 || frames > Integer.MAX_VALUE) throw new MivosException(
			"The label image is too large (" + w + "x" + h + "x" + frames + ")");
		final LabelStack out = new LabelStack((int) w, (int) h, (int) frames);
		final RandomAccessibleInterval<? extends IntegerType<?>> zero = Views.zeroMin(xyt);
		for (int t = 0; t < frames; t++) {
			final RandomAccessibleInterval<? extends IntegerType<?>> plane = nd == 3 ? Views.hyperSlice(zero, 2, t)
				: zero;
			final int[] f = new int[(int) (w * h)];
			final Cursor<? extends IntegerType<?>> c = Views.flatIterable(plane).cursor();
			for (int i = 0; i < f.length; i++) {
				final long v = c.next().getIntegerLong();
				if (v < 0 || v > Integer.MAX_VALUE) throw new MivosException("Label value " + v + " on frame " + (t + 1) +
					" is outside 0.." + Integer.MAX_VALUE);
				f[i] = (int) v;
			}
			out.setFrame(t, f);
		}
		return out;
	}
}
