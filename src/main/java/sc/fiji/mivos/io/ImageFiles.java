package sc.fiji.mivos.io;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.Opener;
import ij.util.StringSorter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import sc.fiji.mivos.core.MivosException;

/**
 * Opens images from disk as {@link ImagePlus}: a TIFF (single image, stack or hyperstack, any compression ImageJ
 * reads, including LZW), a PNG or JPEG image, or a folder of single-image TIFF/PNG/JPEG files, which becomes a time
 * series (one frame per file, along T). When Bio-Formats is installed ({@link BioFormats}), every other format it
 * reads opens too, as does a chosen series of a multi-series file and an OME-TIFF with its full metadata; TIFF, PNG
 * and JPEG files otherwise stay with ImageJ's own reader.
 */
public final class ImageFiles {

	/** File name extensions that are opened, lower case. */
	public static final Set<String> EXTENSIONS = Set.of("tif", "tiff", "png", "jpg", "jpeg");

	private ImageFiles() {}

	/**
	 * Opens a file or a folder of frames; the first series of a multi-series file.
	 *
	 * @see #open(Path, int)
	 */
	public static ImagePlus open(final Path path) {
		return open(path, 1);
	}

	/**
	 * Opens a file or a folder of frames.
	 * <p>
	 * A folder's files with one of {@link #EXTENSIONS} (any case; hidden files and other files are skipped) are
	 * sorted by name, numbers inside names compared by value ({@code t2} before {@code t10}), and stacked as frames.
	 * They must all be single images of the same width, height and type. The title is the folder's name and each
	 * frame is labelled with its file name.
	 *
	 * A file in another format, an OME-TIFF ({@code .ome.tif}, {@code .ome.tiff}) and any series but the first are
	 * read by Bio-Formats when it is installed: one series as a hyperstack in XYCZT order, with its calibration.
	 *
	 * @param series 1-based series of a multi-series file (a plain TIFF, PNG or JPEG has one)
	 * @throws MivosException naming the path when it does not exist, has an unsupported extension (naming
	 *         Bio-Formats when it is missing), cannot be read, has no such series, or (for a folder) holds no images or
	 *         frames that do not match
	 */
	public static ImagePlus open(final Path path, final int series) {
		return open(path, series, BioFormats.find());
	}

	/** {@link #open(Path, int)} with the given Bio-Formats, or none. */
	static ImagePlus open(final Path path, final int series, final Optional<BioFormats> bioFormats) {
		if (!Files.exists(path)) throw new MivosException("No such file or folder: " + path);
		if (series < 1) throw new MivosException("Series " + series + " does not exist; series are numbered from 1");
		if (Files.isDirectory(path)) {
			if (series != 1) throw new MivosException("Cannot open series " + series + " of folder " + path +
				": a folder of frames is a single series");
			return openFolder(path);
		}
		final boolean plain = EXTENSIONS.contains(extension(path));
		if (bioFormats.isPresent() && (!plain || series != 1 || isOmeTiff(path))) {
			if (!Files.isReadable(path)) throw new MivosException("Cannot read " + path + ": permission denied");
			return bioFormats.get().open(path, series);
		}
		if (!plain) throw new MivosException("Cannot open " + path + ": unsupported file type; expected TIFF, PNG or " +
			"JPEG (" + String.join(", ", EXTENSIONS.stream().sorted().toList()) + ") or a folder of them; other " +
			"formats open when Bio-Formats is installed (in Fiji it is, unless removed)");
		if (series != 1) throw new MivosException("Cannot open series " + series + " of " + path +
			": choosing a series needs Bio-Formats, which is not installed");
		return openFile(path);
	}

	private static boolean isOmeTiff(final Path path) {
		final String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
		return name.endsWith(".ome.tif") || name.endsWith(".ome.tiff");
	}

	private static ImagePlus openFile(final Path path) {
		if (!Files.isReadable(path)) throw new MivosException("Cannot read " + path + ": permission denied");
		final Opener opener = new Opener();
		opener.setSilentMode(true);
		final Path abs = path.toAbsolutePath();
		final ImagePlus imp;
		try {
			imp = opener.openImage(abs.getParent().toString(), abs.getFileName().toString());
		}
		catch (final RuntimeException e) {
			throw new MivosException("Cannot read " + path + ": " + e, e);
		}
		if (imp == null || imp.getWidth() == 0 || imp.getStackSize() == 0) throw new MivosException("Cannot read " +
			path + ": not a readable " + extension(path).toUpperCase(Locale.ROOT) + " image (damaged or another format)");
		return imp;
	}

	private static ImagePlus openFolder(final Path folder) {
		final List<Path> files = imagesIn(folder);
		if (files.isEmpty()) throw new MivosException("Folder " + folder + " holds no TIFF, PNG or JPEG images");
		ImageStack stack = null;
		ImagePlus first = null;
		for (final Path file : files) {
			final ImagePlus imp = openFile(file);
			if (imp.getStackSize() != 1) throw new MivosException("Cannot use " + file + " as a frame of folder " +
				folder + ": it holds " + imp.getStackSize() + " images; each file must be a single image");
			if (first == null) {
				first = imp;
				stack = new ImageStack(imp.getWidth(), imp.getHeight());
			}
			else if (imp.getWidth() != first.getWidth() || imp.getHeight() != first.getHeight() || imp
				.getBitDepth() != first.getBitDepth()) throw new MivosException("Frames of folder " + folder +
					" differ: " + files.get(0).getFileName() + " is " + describe(first) + " but " + file.getFileName() +
					" is " + describe(imp));
			stack.addSlice(file.getFileName().toString(), imp.getProcessor());
		}
		final ImagePlus out = new ImagePlus(folder.toAbsolutePath().normalize().getFileName().toString(), stack);
		out.setDimensions(1, 1, files.size());
		out.setCalibration(first.getCalibration());
		return out;
	}

	/** @return the folder's image files, sorted by name with numbers compared by value */
	private static List<Path> imagesIn(final Path folder) {
		final String[] names;
		try (Stream<Path> list = Files.list(folder)) {
			names = list.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(
				".") && EXTENSIONS.contains(extension(Path.of(n)))).toArray(String[]::new);
		}
		catch (final IOException e) {
			throw new MivosException("Cannot list folder " + folder + ": " + e.getMessage(), e);
		}
		return Stream.of(StringSorter.sortNumerically(names)).map(folder::resolve).toList();
	}

	private static String describe(final ImagePlus imp) {
		return imp.getWidth() + "x" + imp.getHeight() + " " + (imp.getBitDepth() == 24 ? "RGB" : imp.getBitDepth() +
			"-bit");
	}

	private static String extension(final Path path) {
		final String name = path.getFileName().toString();
		final int dot = name.lastIndexOf('.');
		return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}
}
