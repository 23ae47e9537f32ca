package sc.fiji.mivos.io;

import ij.ImagePlus;
import ij.io.FileSaver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import sc.fiji.mivos.core.MivosException;

/**
 * Saves label images as ImageJ TIFF (single image or stack/hyperstack, with dimensions, calibration, colour table and
 * display range), never over the user's input.
 */
public final class LabelTiffWriter {

	private LabelTiffWriter() {}

	/**
	 * Saves {@code labels} to {@code out}, creating parent folders. An existing file is replaced only once the new
	 * one is complete.
	 *
	 * @param labels the image to save; not modified (its title stays as it is)
	 * @param out a path ending in {@code .tif} or {@code .tiff}
	 * @throws MivosException naming the path when it has another extension, is a folder, or cannot be written
	 */
	public static void write(final ImagePlus labels, final Path out) {
		write(labels, out, new Path[0]);
	}

	/**
	 * Like {@link #write(ImagePlus, Path)}, but refuses to write over any of {@code protectedInputs} (the same file,
	 * also through links) or into a protected input that is a folder of frames, where the label image would later be
	 * read as one more frame.
	 *
	 * @param protectedInputs paths of the images the labels were computed from; null entries are ignored
	 * @throws MivosException naming the path when it would overwrite an input, and as {@link #write(ImagePlus, Path)}
	 */
	public static void write(final ImagePlus labels, final Path out, final Path... protectedInputs) {
		final String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
		if (!name.endsWith(".tif") && !name.endsWith(".tiff")) throw new MivosException("Cannot write labels to " +
			out + ": the file name must end in .tif or .tiff");
		if (Files.isDirectory(out)) throw new MivosException("Cannot write labels to " + out + ": it is a folder");
		final Path target = out.toAbsolutePath().normalize();
		for (final Path input : protectedInputs)
			if (input != null) refuseOverwriting(target, input);
		AtomicFile.write(target, "labels to " + out, tmp -> {
			if (!new FileSaver(carrier(labels)).saveAsTiff(tmp.toString())) throw new IOException(
				"ImageJ could not save the TIFF");
		});
	}

	private static void refuseOverwriting(final Path target, final Path input) {
		final Path in = input.toAbsolutePath().normalize();
		boolean same = target.equals(in);
		if (!same && Files.exists(target) && Files.exists(in)) {
			try {
				same = Files.isSameFile(target, in);
			}
			catch (final IOException e) {
				throw new MivosException("Cannot compare output " + target + " with input " + in + ": " + e
					.getMessage(), e);
			}
		}
		if (same) throw new MivosException("Refusing to overwrite the input image " + input +
			"; choose another output path");
		if (Files.isDirectory(in) && in.equals(target.getParent())) throw new MivosException("Refusing to write " +
			"labels into the input folder " + input + ", where they would be read as a frame; choose another folder");
	}

	/**
	 * A second {@link ImagePlus} over the same pixels, so that the state FileSaver changes after saving (title, file
	 * info, "changes" flag) belongs to it rather than to the caller's image.
	 */
	private static ImagePlus carrier(final ImagePlus labels) {
		final ImagePlus c = new ImagePlus(labels.getTitle(), labels.getStack());
		c.setDimensions(labels.getNChannels(), labels.getNSlices(), labels.getNFrames());
		c.setOpenAsHyperStack(labels.isHyperStack());
		c.setCalibration(labels.getCalibration());
		if (labels.getBitDepth() != 24) c.getProcessor().setLut(labels.getProcessor().getLut());
		c.setDisplayRange(labels.getDisplayRangeMin(), labels.getDisplayRangeMax());
		if (labels.getInfoProperty() != null) c.setProperty("Info", labels.getInfoProperty());
		return c;
	}
}
