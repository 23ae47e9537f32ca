package sc.fiji.mivos.io.gt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.Opener;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import sc.fiji.mivos.core.MivosException;

/**
 * The planes of one label image file (TIFF or PNG, read by ImageJ) as raw integer values: 8- and 16-bit values as
 * they are, 32-bit values when they are whole numbers, RGB as packed {@code 0xRRGGBB}.
 *
 * @param file where the planes came from
 * @param planes row-major values, one array per plane
 * @param kind pixel type
 */
record LabelImageFile(Path file, List<int[]> planes, Kind kind) {

	/** Pixel type of a label file. */
	enum Kind {
		/** 8-bit grey values. */
		GREY8,
		/** 8-bit indices into a colour palette (e.g. DAVIS masks). */
		PALETTE8,
		/** 16-bit or whole-number 32-bit values. */
		GREY16,
		/** packed RGB colours. */
		RGB
	}

	/**
	 * @param width expected width in pixels
	 * @param height expected height in pixels
	 * @throws MivosException when the file cannot be read, has several channels or both slices and frames, holds
	 *           non-integer values, or is not {@code width × height}
	 */
	static LabelImageFile read(final Path file, final int width, final int height) {
		if (!Files.isRegularFile(file)) throw new MivosException("Ground-truth file not found: " + file);
		final ImagePlus imp;
		try {
			imp = new Opener().openImage(file.toString());
		}
		catch (final RuntimeException e) {
			throw new MivosException("Cannot read ground-truth file " + file + ": " + e.getMessage(), e);
		}
		if (imp == null) throw new MivosException("Cannot read ground-truth file " + file +
			" as an image (TIFF or PNG expected)");
		if (imp.getWidth() != width || imp.getHeight() != height) throw new MivosException("Ground-truth file " +
			file + " is " + imp.getWidth() + "x" + imp.getHeight() + " but the image is " + width + "x" + height);
		if (imp.getNChannels() > 1) throw new MivosException("Ground-truth file " + file + " has " + imp
			.getNChannels() + " channels; a label image has one");
		if (imp.getNSlices() > 1 && imp.getNFrames() > 1) throw new MivosException("Ground-truth file " + file +
			" has " + imp.getNSlices() + " slices and " + imp.getNFrames() + " frames; 3D labels are not supported");
		final ImageStack stack = imp.getStack();
		final List<int[]> planes = new ArrayList<>();
		Kind kind = Kind.GREY8;
		for (int s = 1; s <= stack.getSize(); s++) {
			final ImageProcessor ip = stack.getProcessor(s);
			kind = kindOf(ip);
			planes.add(values(ip, file));
		}
		return new LabelImageFile(file, planes, kind);
	}

	private static Kind kindOf(final ImageProcessor ip) {
		if (ip instanceof ColorProcessor) return Kind.RGB;
		if (ip instanceof ByteProcessor) return ip.isColorLut() ? Kind.PALETTE8 : Kind.GREY8;
		return Kind.GREY16;
	}

	private static int[] values(final ImageProcessor ip, final Path file) {
		final int n = ip.getPixelCount();
		final int[] v = new int[n];
		if (ip instanceof FloatProcessor) {
			for (int i = 0; i < n; i++) {
				final float f = ip.getf(i);
				if (f < 0 || f != Math.rint(f) || f > Integer.MAX_VALUE) throw new MivosException("Ground-truth file " +
					file + " holds the value " + f + "; labels must be whole numbers >= 0");
				v[i] = (int) f;
			}
		}
		else if (ip instanceof ColorProcessor) {
			for (int i = 0; i < n; i++)
				v[i] = ip.get(i) & 0xffffff;
		}
		else {
			for (int i = 0; i < n; i++)
				v[i] = ip.get(i);
		}
		return v;
	}
}
