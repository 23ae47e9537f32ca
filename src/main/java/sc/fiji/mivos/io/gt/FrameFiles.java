package sc.fiji.mivos.io.gt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import sc.fiji.mivos.core.MivosException;

/**
 * The label images of a folder by frame: the frame of a file is the last number in its name ({@code t000.png} → 0,
 * {@code man_seg012.tif} → 12). Only {@code .tif}, {@code .tiff} and {@code .png} files count; hidden files are
 * skipped.
 */
final class FrameFiles {

	private static final Pattern LAST_NUMBER = Pattern.compile("(\\d+)\\D*$");

	private FrameFiles() {}

	/**
	 * @param folder folder to list
	 * @param prefix only names starting with this (case-insensitive; "" for all)
	 * @return 0-based frame → file, ascending
	 * @throws MivosException when a name has no number, or two files name the same frame
	 */
	static SortedMap<Integer, Path> list(final Path folder, final String prefix) {
		final SortedMap<Integer, Path> out = new TreeMap<>();
		try (Stream<Path> files = Files.list(folder)) {
			for (final Path f : files.sorted().toList()) {
				final String name = f.getFileName().toString();
				if (!isLabelImage(f) || !name.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT)))
					continue;
				final int frame = frameOf(name);
				final Path before = out.put(frame, f);
				if (before != null) throw new MivosException("Ground-truth files " + before.getFileName() + " and " +
					name + " in " + folder + " both name frame " + frame);
			}
		}
		catch (final IOException e) {
			throw new MivosException("Cannot list ground-truth folder " + folder + ": " + e.getMessage(), e);
		}
		return out;
	}

	/** @return whether {@code f} is a visible regular file ending in .tif, .tiff or .png */
	static boolean isLabelImage(final Path f) {
		final String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
		return Files.isRegularFile(f) && !name.startsWith(".") && (name.endsWith(".tif") || name.endsWith(".tiff") ||
			name.endsWith(".png"));
	}

	/**
	 * @return the last number in {@code name} (extension excluded)
	 * @throws MivosException when the name has no number or it is too large
	 */
	static int frameOf(final String name) {
		final int dot = name.lastIndexOf('.');
		final Matcher m = LAST_NUMBER.matcher(dot > 0 ? name.substring(0, dot) : name);
		if (!m.find()) throw new MivosException("Cannot tell the frame of ground-truth file " + name +
			": its name has no number");
		try {
			return Integer.parseInt(m.group(1));
		}
		catch (final NumberFormatException e) {
			throw new MivosException("Frame number in ground-truth file " + name + " is too large", e);
		}
	}
}
