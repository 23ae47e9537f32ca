package sc.fiji.mivos.dist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The checksum the Fiji updater records in {@code db.xml.gz} and compares with the installed file (imagej-updater
 * {@code UpdaterUtil.getDigest}), so that the updater sees our files as up to date once installed.
 * <ul>
 * <li>A file that is not a {@code .jar}: SHA-1 of its path inside Fiji (ASCII, {@code /} separators) followed by its
 * bytes.</li>
 * <li>A {@code .jar}: SHA-1 over its entries sorted by name; for each entry its name (ASCII) followed by its bytes, so
 * that rebuilding a jar with new entry times does not make it look modified. Two entries are filtered first because
 * builds stamp them: a {@code .properties} entry loses its comment lines ({@link #dropCommentLines}), and the
 * content of {@code META-INF/MANIFEST.MF} does not count at all (the updater's manifest filter keeps no line).</li>
 * </ul>
 * The result is 40 lower-case hex digits.
 */
public final class UpdaterChecksum {

	static final String MANIFEST = "META-INF/MANIFEST.MF";

	private UpdaterChecksum() {}

	/**
	 * @param fijiPath where the file lies inside Fiji, e.g. {@code jars/api-0.36.0.jar}
	 * @param file the file's content
	 * @return the updater checksum
	 * @throws IOException when the file cannot be read (or, for a jar, is not a zip archive)
	 */
	public static String of(final String fijiPath, final Path file) throws IOException {
		final MessageDigest sha1 = sha1();
		if (fijiPath.endsWith(".jar")) digestJar(file, sha1);
		else {
			sha1.update(fijiPath.getBytes(StandardCharsets.US_ASCII));
			try (InputStream in = Files.newInputStream(file)) {
				digest(in, sha1);
			}
		}
		return HexFormat.of().formatHex(sha1.digest());
	}

	private static void digestJar(final Path file, final MessageDigest sha1) throws IOException {
		try (JarFile jar = new JarFile(file.toFile(), false)) {
			final List<JarEntry> entries = Collections.list(jar.entries());
			entries.sort(Comparator.comparing(JarEntry::getName));
			for (final JarEntry entry : entries) {
				final String name = entry.getName();
				sha1.update(name.getBytes(StandardCharsets.US_ASCII));
				if (name.equals(MANIFEST)) continue;
				try (InputStream in = jar.getInputStream(entry)) {
					if (name.endsWith(".properties")) sha1.update(dropCommentLines(in.readAllBytes()));
					else digest(in, sha1);
				}
			}
		}
	}

	/**
	 * The updater's comment filter for {@code .properties} entries (imagej-updater {@code SkipHashedLines}), with its
	 * quirks kept because the checksum must match byte for byte: a line that starts with {@code #} is dropped except
	 * for its line feed; a line read while "at line start" that does not start with {@code #} (an empty line, too)
	 * ends the line-start state until the next line feed of a kept line, and so does a comment line holding only
	 * {@code #}s. Hence a comment line directly after an empty line or after a bare {@code #} line is kept.
	 *
	 * @param in the entry's bytes
	 * @return the bytes the updater digests
	 */
	static byte[] dropCommentLines(final byte[] in) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		boolean atLineStart = true;
		int i = 0;
		while (i < in.length) {
			final byte b = in[i++];
			if (!atLineStart) {
				out.write(b);
				if (b == '\n') atLineStart = true;
				continue;
			}
			if (b != '#') {
				atLineStart = false;
				out.write(b);
				continue;
			}
			while (i < in.length && in[i] == '#')
				i++;
			if (i == in.length) break;
			if (in[i] == '\n') {
				// NB: the updater reads this line feed while still at line start, which clears that state.
				i++;
				atLineStart = false;
				out.write('\n');
				continue;
			}
			while (i < in.length && in[i] != '\n')
				i++;
			if (i == in.length) break;
			i++;
			atLineStart = true;
			out.write('\n');
		}
		return out.toByteArray();
	}

	private static void digest(final InputStream in, final MessageDigest sha1) throws IOException {
		final byte[] buffer = new byte[1 << 16];
		for (int n; (n = in.read(buffer)) >= 0;)
			sha1.update(buffer, 0, n);
	}

	private static MessageDigest sha1() {
		try {
			return MessageDigest.getInstance("SHA-1");
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException("This Java has no SHA-1", e);
		}
	}
}
