package sc.fiji.mivos.ij;

import ij.ImagePlus;
import ij.ImageStack;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Fraction;
import net.imglib2.view.Views;
import net.imglib2.view.composite.RealComposite;

import sc.fiji.mivos.core.FrameSource;
import sc.fiji.mivos.core.MivosException;
import sc.fiji.mivos.core.NormalizedFrames;

/**
 * Views ImageJ 1.x images as ImgLib2 images and as {@link FrameSource}s.
 * <p>
 * The time axis of an {@link ImagePlus} is its T dimension, except for an image with a single frame and several
 * slices: plain stacks read from files usually arrive that way, and their Z dimension is taken as time. The same
 * rule is used by {@link RoiScribbles} and {@link LabelImages}.
 */
public final class ImagePlusImgs {

	private ImagePlusImgs() {}

	/** @return number of time points: the image's frames, or its slices when it has one frame (see class doc) */
	public static int frameCount(final ImagePlus imp) {
		return zIsTime(imp) ? imp.getNSlices() : imp.getNFrames();
	}

	/** @return whether the Z dimension of {@code imp} serves as time (one frame, several slices) */
	public static boolean zIsTime(final ImagePlus imp) {
		return imp.getNFrames() == 1 && imp.getNSlices() > 1;
	}

	/**
	 * Wraps a grey image as a 5D image with axes X, Y, C, Z, T (dimensions {@code [width, height, channels, slices,
	 * frames]}, all mins 0). The result shares the stack's pixel arrays: writing to it writes to the image. For a
	 * virtual stack every plane is read once, so the result then holds a copy.
	 *
	 * @return {@code UnsignedByteType} for 8-bit (including indexed colour, as raw indices), {@code
	 *         UnsignedShortType} for 16-bit, {@code FloatType} for 32-bit images; raw values, calibration ignored
	 * @throws MivosException for RGB images (use {@link #toArgbImg}) or a stack whose size does not match its
	 *         dimensions
	 */
	@SuppressWarnings("unchecked")
	public static <T extends RealType<T>> RandomAccessibleInterval<T> toImg(final ImagePlus imp) {
		final long[] dims = dimensions(imp);
		final ImageStack stack = imp.getStack();
		switch (imp.getBitDepth()) {
			case 8: {
				final List<ByteArray> planes = planes(stack, p -> new ByteArray((byte[]) p));
				final PlanarImg<UnsignedByteType, ByteArray> img = new PlanarImg<>(planes, dims, new Fraction());
				img.setLinkedType(new UnsignedByteType(img));
				return (RandomAccessibleInterval<T>) img;
			}
			case 16: {
				final List<ShortArray> planes = planes(stack, p -> new ShortArray((short[]) p));
				final PlanarImg<UnsignedShortType, ShortArray> img = new PlanarImg<>(planes, dims, new Fraction());
				img.setLinkedType(new UnsignedShortType(img));
				return (RandomAccessibleInterval<T>) img;
			}
			case 32: {
				final List<FloatArray> planes = planes(stack, p -> new FloatArray((float[]) p));
				final PlanarImg<FloatType, FloatArray> img = new PlanarImg<>(planes, dims, new Fraction());
				img.setLinkedType(new FloatType(img));
				return (RandomAccessibleInterval<T>) img;
			}
			default:
				throw new MivosException("Image '" + imp.getTitle() + "' is RGB; it has no single grey value per " +
					"pixel (read it as ARGB or split its channels first)");
		}
	}

	/**
	 * Wraps an RGB image as a 5D ARGB image with axes X, Y, C, Z, T (C is 1), sharing the stack's pixel arrays.
	 *
	 * @throws MivosException if the image is not RGB
	 */
	public static RandomAccessibleInterval<ARGBType> toArgbImg(final ImagePlus imp) {
		if (imp.getType() != ImagePlus.COLOR_RGB) throw new MivosException("Image '" + imp.getTitle() +
			"' is not RGB but " + imp.getBitDepth() + "-bit");
		final List<IntArray> planes = planes(imp.getStack(), p -> new IntArray((int[]) p));
		final PlanarImg<ARGBType, IntArray> img = new PlanarImg<>(planes, dimensions(imp), new Fraction());
		img.setLinkedType(new ARGBType(img));
		return img;
	}

	/**
	 * The frames of one channel and slice of an image, normalised by {@link NormalizedFrames}: RGB images give three
	 * channels ({@code v / 255}), 8-bit grey {@code v / 255}, 16- and 32-bit grey the percentile range mapped to
	 * 0..1. Time runs along T, or along Z for an image with one frame (then {@code slice} must be 1).
	 *
	 * @param channel 1-based channel
	 * @param slice 1-based Z slice
	 * @param lowPercentile percentile mapped to 0 (16/32-bit only)
	 * @param highPercentile percentile mapped to 1 (16/32-bit only)
	 * @throws MivosException for indexed-colour images, or a channel or slice out of range
	 */
	public static FrameSource frameSource(final ImagePlus imp, final int channel, final int slice,
		final double lowPercentile, final double highPercentile)
	{
		return frameSource(imp, InputChannels.single(channel), slice, lowPercentile, highPercentile);
	}

	/**
	 * Refuses the pixel type no input path reads: indexed colour, whose values are palette indices, not intensities.
	 *
	 * @throws MivosException naming the image and the conversion to make
	 */
	public static void requireSupportedType(final ImagePlus imp) {
		if (imp.getType() == ImagePlus.COLOR_256) throw new MivosException("Image '" + imp.getTitle() +
			"' is indexed colour (8-bit with a colour table); convert to 8-bit or RGB first");
	}

	/**
	 * Like {@link #frameSource(ImagePlus, int, int, double, double)}, for one channel or several channels of a grey
	 * image combined pixel by pixel into one grey channel by their mean or maximum, kept in the image's pixel type
	 * (so an 8-bit mean is rounded and still normalised as {@code v / 255}).
	 *
	 * @throws MivosException for indexed-colour images, a channel or slice out of range, or several channels of an
	 *         RGB image
	 */
	public static FrameSource frameSource(final ImagePlus imp, final InputChannels channels, final int slice,
		final double lowPercentile, final double highPercentile)
	{
		requireSupportedType(imp);
		final int[] selected = channels.resolve(imp.getNChannels(), imp.getTitle());
		final boolean zIsTime = zIsTime(imp);
		if (zIsTime && slice != 1) throw new MivosException("Slice " + slice + " does not exist: image '" + imp
			.getTitle() + "' has a single frame, so its " + imp.getNSlices() + " slices are read as time; use slice 1");
		if (!zIsTime && (slice < 1 || slice > imp.getNSlices())) throw new MivosException("Slice " + slice +
			" does not exist: image '" + imp.getTitle() + "' has " + imp.getNSlices() + " slice(s)");
		if (imp.getType() == ImagePlus.COLOR_RGB) {
			if (selected.length > 1) throw new MivosException("Image '" + imp.getTitle() + "' is RGB: its colours " +
				"are one channel and are used together; choose a single channel");
			return NormalizedFrames.ofArgb(timeLapse(toArgbImg(imp), selected[0], slice, zIsTime));
		}
		return grey(imp, selected, channels.projection(), slice, zIsTime, lowPercentile, highPercentile);
	}

	private static <T extends RealType<T>> FrameSource grey(final ImagePlus imp, final int[] channels,
		final InputChannels.Projection projection, final int slice, final boolean zIsTime,
		final double lowPercentile, final double highPercentile)
	{
		final RandomAccessibleInterval<T> xyczt = toImg(imp);
		final List<RandomAccessibleInterval<T>> planes = new ArrayList<>(channels.length);
		for (final int c : channels)
			planes.add(timeLapse(xyczt, c, slice, zIsTime));
		final RandomAccessibleInterval<T> xyt = planes.size() == 1 ? planes.get(0) : project(planes, projection,
			xyczt.getType().createVariable());
		return NormalizedFrames.of(xyt, lowPercentile, highPercentile);
	}

	/** Combines XYT images of one type pixel by pixel, lazily, into one of the same type. */
	private static <T extends RealType<T>> RandomAccessibleInterval<T> project(
		final List<RandomAccessibleInterval<T>> planes, final InputChannels.Projection projection, final T type)
	{
		final int n = planes.size();
		final RandomAccessibleInterval<RealComposite<T>> xyt = Views.collapseReal(Views.stack(planes));
		return Converters.convert(xyt, (in, out) -> {
			double v = projection == InputChannels.Projection.MAX ? Double.NEGATIVE_INFINITY : 0;
			for (int i = 0; i < n; i++)
				v = projection == InputChannels.Projection.MAX ? Math.max(v, in.get(i).getRealDouble()) : v + in.get(i)
					.getRealDouble();
			out.setReal(projection == InputChannels.Projection.MAX ? v : v / n);
		}, type);
	}

	/** Cuts an XYCZT image down to XYT at a 1-based channel and slice; with {@code zIsTime} Z becomes T. */
	private static <T> RandomAccessibleInterval<T> timeLapse(final RandomAccessibleInterval<T> xyczt,
		final int channel, final int slice, final boolean zIsTime)
	{
		final RandomAccessibleInterval<T> xyzt = Views.hyperSlice(xyczt, 2, channel - 1);
		return zIsTime ? Views.hyperSlice(xyzt, 3, 0) : Views.hyperSlice(xyzt, 2, slice - 1);
	}

	private static long[] dimensions(final ImagePlus imp) {
		final int[] d = imp.getDimensions(); // width, height, channels, slices, frames
		final int planes = d[2] * d[3] * d[4];
		if (imp.getStackSize() != planes) throw new MivosException("Image '" + imp.getTitle() + "' has " + imp
			.getStackSize() + " planes but its dimensions (C=" + d[2] + ", Z=" + d[3] + ", T=" + d[4] +
			") need " + planes);
		return new long[] { d[0], d[1], d[2], d[3], d[4] };
	}

	/** The stack's planes in ImageJ order (C fastest, then Z, then T), which is also PlanarImg's plane order. */
	private static <A> List<A> planes(final ImageStack stack, final Function<Object, A> wrap) {
		final List<A> planes = new ArrayList<>(stack.getSize());
		for (int n = 1; n <= stack.getSize(); n++)
			planes.add(wrap.apply(stack.getPixels(n)));
		return planes;
	}
}
