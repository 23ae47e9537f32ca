package sc.fiji.mivos.dist;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small jars for the update-site tests, written entry by entry in the given order. */
final class TestJars {

	private TestJars() {}

	/**
	 * @param entries entry name to text content, in the order they are written
	 * @param time modification time of every entry, milliseconds since the epoch
	 */
	static Path write(final Path file, final Map<String, String> entries, final long time) throws IOException {
		Files.createDirectories(file.getParent());
		try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
			for (final Map.Entry<String, String> e : entries.entrySet()) {
				final ZipEntry entry = new ZipEntry(e.getKey());
				entry.setTime(time);
				zip.putNextEntry(entry);
				zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return file;
	}

	/** @return a manifest text declaring {@code moduleName} (and a build stamp) */
	static String manifest(final String moduleName) {
		return "Manifest-Version: 1.0\r\nCreated-By: test\r\nAutomatic-Module-Name: " + moduleName + "\r\n\r\n";
	}
}
