package sc.fiji.mivos.ij;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.plugin.Duplicator;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.LUT;
import ij.process.ShortProcessor;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.core.MivosException;

/** Converts between {@link LabelStack} and ImageJ label images, and provides the label colour table. */
public final class LabelImages {

	/** Largest id a 32-bit float label image holds exactly: 2^24. */
	public static final int MAX_FLOAT_LABEL = 1 << 24;

	private static final LUT LUT = makeLut();

	private LabelImages() {}

	/**
	 * Builds a label image: a 16-bit hyperstack with one channel, one slice and {@code labels.frames()} time points,
	 * showing label {@code v} in colour {@code v} of {@link #lut()} (display range 0..255, so ids above 255 share the
	 * last colour). When an id exceeds 65535 the image is 32-bit float instead, which holds ids exactly up to
	 * {@link #MAX_FLOAT_LABEL}.
	 *
	 * @param title image title; "labels" when null
	 * @param calibrationSource image whose spatial and time calibration is copied (its intensity calibration is not),
	 *        or null
	 * @throws MivosException if an id exceeds {@link #MAX_FLOAT_LABEL}
	 */
	public static ImagePlus toImagePlus(final LabelStack labels, final String title,
		final ImagePlus calibrationSource)
	{
		return toImagePlus(List.of(labels), title, calibrationSource);
	}

	/**
	 * Builds a label hyperstack from labels segmented slice by slice: one channel, {@code slices.size()} Z slices
	 * and as many time points as each slice has, otherwise as {@link #toImagePlus(LabelStack, String, ImagePlus)}.
	 *
	 * @param slices the labels of each Z slice, in slice order, all of the same size and length
	 * @throws MivosException if an id exceeds {@link #MAX_FLOAT_LABEL}
	 */
	public static ImagePlus toImagePlus(final List<LabelStack> slices, final String title,
		final ImagePlus calibrationSource)
	{
		int max = 0;
		for (final LabelStack s : slices)
			max = Math.max(max, s.maxLabel());
		if (max > MAX_FLOAT_LABEL) throw new MivosException("Label " + max + " is too large for an ImageJ label " +
			"image; ids up to " + MAX_FLOAT_LABEL + " can be stored");
		final LabelStack first = slices.get(0);
		final int w = first.width();
		final int h = first.height();
		final ImageStack stack = new ImageStack(w, h);
		for (int t = 0; t < first.frames(); t++)
			for (int z = 0; z < slices.size(); z++)
				stack.addSlice(slices.size() > 1 ? "z" + (z + 1) + " t" + (t + 1) : "t" + (t + 1), processor(slices.get(
					z).frame(t), w, h, max > 0xffff));
		final ImagePlus imp = new ImagePlus(title == null ? "labels" : title, stack);
		imp.setDimensions(1, slices.size(), first.frames());
		imp.setOpenAsHyperStack(first.frames() > 1 || slices.size() > 1);
		imp.getProcessor().setLut(lut());
		imp.setDisplayRange(0, 255);
		if (calibrationSource != null) {
			final Calibration cal = calibrationSource.getCalibration().copy();
			cal.disableDensityCalibration();
			imp.setCalibration(cal);
		}
		return imp;
	}

	/**
	 * @param frame row-major labels of one frame
	 * @param floats whether to make a 32-bit float plane (ids above 65535) rather than a 16-bit one
	 * @return the frame as a label image plane (a fresh array)
	 */
	static ImageProcessor processor(final int[] frame, final int width, final int height, final boolean floats) {
		if (!floats) {
			final short[] px = new short[frame.length];
			for (int i = 0; i < frame.length; i++)
				px[i] = (short) frame[i];
			return new ShortProcessor(width, height, px, null);
		}
		final float[] px = new float[frame.length];
		for (int i = 0; i < frame.length; i++)
			px[i] = frame[i];
		return new FloatProcessor(width, height, px);
	}

	/**
	 * Reads a label image. Time runs along T, or along Z for an image with one frame (as in
	 * {@link ImagePlusImgs#frameSource}).
	 *
	 * @param labels 8-, 16- or 32-bit image with one channel whose values are whole numbers &ge; 0
	 * @throws MivosException for RGB images, several channels, both several slices and several frames, or a value
	 *         that is negative, fractional or not a number
	 */
	public static LabelStack toLabelStack(final ImagePlus labels) {
		final String name = "Label image '" + labels.getTitle() + "'";
		if (labels.getBitDepth() == 24) throw new MivosException(name + " is RGB; labels need an 8-, 16- or 32-bit " +
			"image");
		if (labels.getNChannels() != 1) throw new MivosException(name + " has " + labels.getNChannels() +
			" channels; labels need one");
		if (labels.getNSlices() > 1 && labels.getNFrames() > 1) throw new MivosException(name + " has " + labels
			.getNSlices() + " slices and " + labels.getNFrames() + " frames; labels need a single slice per frame");
		final ImageStack stack = labels.getStack();
		final int frames = ImagePlusImgs.frameCount(labels);
		if (stack.getSize() != frames) throw new MivosException(name + " has " + stack.getSize() + " planes but " +
			frames + " time points");
		final LabelStack out = new LabelStack(labels.getWidth(), labels.getHeight(), frames);
		for (int t = 0; t < frames; t++) {
			final Object px = stack.getPixels(t + 1);
			final int[] f = new int[labels.getWidth() * labels.getHeight()];
			if (px instanceof byte[] b) for (int i = 0; i < f.length; i++)
				f[i] = b[i] & 0xff;
			else if (px instanceof short[] s) for (int i = 0; i < f.length; i++)
				f[i] = s[i] & 0xffff;
			else {
				final float[] v = (float[]) px;
				for (int i = 0; i < f.length; i++) {
					if (!(v[i] >= 0 && v[i] <= Integer.MAX_VALUE && v[i] == Math.rint(v[i]))) throw new MivosException(
						name + " holds " + v[i] + " at x=" + i % labels.getWidth() + ", y=" + i / labels.getWidth() +
							", frame " + (t + 1) + "; labels must be whole numbers >= 0");
					f[i] = (int) v[i];
				}
			}
			out.setFrame(t, f);
		}
		return out;
	}

	/**
	 * Reads a label image slice by slice: a one-channel hyperstack with several Z slices and several time points
	 * gives one stack per slice; any other label image gives the one stack of {@link #toLabelStack}.
	 *
	 * @return the labels of each Z slice, in slice order
	 * @throws MivosException as {@link #toLabelStack}
	 */
	public static List<LabelStack> toLabelSlices(final ImagePlus labels) {
		if (labels.getNSlices() == 1 || labels.getNFrames() == 1) return List.of(toLabelStack(labels));
		final List<LabelStack> slices = new ArrayList<>(labels.getNSlices());
		for (int z = 1; z <= labels.getNSlices(); z++)
			slices.add(toLabelStack(new Duplicator().run(labels, 1, labels.getNChannels(), z, z, 1, labels
				.getNFrames())));
		return slices;
	}

	/**
	 * The label colour table: entry 0 is black, entries 1..255 are bright, saturated colours whose hues step by the
	 * golden angle so that neighbouring ids look clearly different.
	 *
	 * @return a new copy of the table
	 */
	public static LUT lut() {
		return (LUT) LUT.clone();
	}

	private static LUT makeLut() {
		final byte[] r = new byte[256];
		final byte[] g = new byte[256];
		final byte[] b = new byte[256];
		final float[] saturation = { 1f, 0.7f, 0.45f };
		final float[] brightness = { 1f, 0.85f };
		for (int i = 1; i < 256; i++) {
			final float hue = (float) ((i * 0.6180339887498949) % 1.0);
			final int rgb = Color.HSBtoRGB(hue, saturation[i % 3], brightness[(i / 3) % 2]);
			r[i] = (byte) (rgb >> 16);
			g[i] = (byte) (rgb >> 8);
			b[i] = (byte) rgb;
		}
		return new LUT(r, g, b);
	}
}
