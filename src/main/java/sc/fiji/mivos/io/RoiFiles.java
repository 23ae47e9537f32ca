package sc.fiji.mivos.io;

import ij.gui.Roi;
import ij.io.RoiDecoder;
import ij.io.RoiEncoder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import sc.fiji.mivos.core.MivosException;

/**
 * Reads and writes ImageJ ROI files: a single {@code .roi} file or a ROI Manager {@code .zip} set. Names and stack
 * or hyperstack positions travel with each ROI.
 */
public final class RoiFiles {

	private static final String ROI = ".roi";

	private RoiFiles() {}

	/**
	 * Reads a {@code .roi} file or a ROI Manager {@code .zip}. A ROI without a stored name is named after its file or
	 * zip entry (without {@code .roi}), as the ROI Manager does.
	 *
	 * @return the ROIs in file order
	 * @throws MivosException naming the path when it is missing, of another type, not a ROI file, or a zip without
	 *         ROIs
	 */
	public static Roi[] read(final Path path) {
		if (!Files.isRegularFile(path)) throw new MivosException("No such ROI file: " + path);
		final String name = path.getFileName().toString();
		final String lower = name.toLowerCase(Locale.ROOT);
		try {
			if (lower.endsWith(ROI)) return new Roi[] { decode(Files.readAllBytes(path), name, path) };
			if (lower.endsWith(".zip")) return readZip(path);
		}
		catch (final IOException e) {
			throw new MivosException("Cannot read ROI file " + path + ": " + e.getMessage(), e);
		}
		throw new MivosException("Cannot read ROIs from " + path + ": expected a .roi file or a ROI Manager .zip");
	}

	private static Roi[] readZip(final Path path) throws IOException {
		final List<Roi> rois = new ArrayList<>();
		try (InputStream in = Files.newInputStream(path); ZipInputStream zip = new ZipInputStream(in)) {
			for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
				final String entry = e.getName();
				if (e.isDirectory() || !entry.toLowerCase(Locale.ROOT).endsWith(ROI)) continue;
				final String base = entry.substring(entry.lastIndexOf('/') + 1);
				rois.add(decode(zip.readAllBytes(), base, path));
			}
		}
		catch (final ZipException e) {
			throw new MivosException("Cannot read ROI file " + path + ": not a valid zip (" + e.getMessage() + ")", e);
		}
		if (rois.isEmpty()) throw new MivosException("ROI file " + path + " holds no .roi entries");
		return rois.toArray(Roi[]::new);
	}

	/** @param fileName file or entry name, used as the ROI's name when the ROI stores none */
	private static Roi decode(final byte[] bytes, final String fileName, final Path path) {
		final String fallback = fileName.substring(0, fileName.length() - ROI.length());
		final Roi roi;
		try {
			roi = new RoiDecoder(bytes, fallback).getRoi();
		}
		catch (final IOException | RuntimeException e) {
			throw new MivosException("Cannot read ROI '" + fileName + "' in " + path + ": " + e.getMessage(), e);
		}
		if (roi == null) throw new MivosException("Cannot read ROI '" + fileName + "' in " + path +
			": unsupported ROI type");
		return roi;
	}

	/**
	 * Writes ROIs as a ROI Manager {@code .zip}: one entry {@code <name>.roi} per ROI, in order; a repeated name gets
	 * {@code -2}, {@code -3}, ... appended to its entry (the ROI keeps its own name), an unnamed ROI's entry is
	 * {@code roi-<n>}. Parent folders are created; an existing file is replaced only once the new one is complete.
	 *
	 * @param rois the ROIs; not modified
	 * @throws MivosException naming the path when it cannot be written
	 */
	public static void write(final Roi[] rois, final Path zip) {
		AtomicFile.write(zip, "ROI file " + zip, tmp -> {
			try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream out = new ZipOutputStream(os)) {
				final Set<String> used = new HashSet<>();
				for (int i = 0; i < rois.length; i++) {
					final byte[] bytes = RoiEncoder.saveAsByteArray(rois[i]);
					if (bytes == null) throw new MivosException("Cannot encode ROI number " + (i + 1) + " for " + zip);
					out.putNextEntry(new ZipEntry(entryName(rois[i], i, used) + ROI));
					out.write(bytes);
					out.closeEntry();
				}
			}
		});
	}

	private static String entryName(final Roi roi, final int index, final Set<String> used) {
		final String name = roi.getName();
		final String base = name == null || name.isBlank() ? "roi-" + (index + 1) : name.replace('/', '_').replace(
			'\\', '_');
		String unique = base;
		for (int k = 2; !used.add(unique.toLowerCase(Locale.ROOT)); k++)
			unique = base + "-" + k;
		return unique;
	}
}
