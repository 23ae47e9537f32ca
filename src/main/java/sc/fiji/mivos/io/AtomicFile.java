package sc.fiji.mivos.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import sc.fiji.mivos.core.MivosException;

/**
 * Writes a file through a hidden temporary sibling that replaces the target only once it is complete, so a failed
 * write never leaves a half-written file or destroys the previous one. Parent folders are created.
 */
final class AtomicFile {

	/** Fills the temporary file. */
	interface Content {

		void writeTo(Path tmp) throws IOException;
	}

	private AtomicFile() {}

	/**
	 * @param what the target as named in error messages, e.g. {@code "ROI file /x/y.zip"}
	 * @throws MivosException "Cannot write {@code what}: reason" when any step fails; exceptions thrown by
	 *         {@code content} other than IOException pass through unchanged
	 */
	static void write(final Path target, final String what, final Content content) {
		final Path abs = target.toAbsolutePath().normalize();
		Path tmp = null;
		try {
			Files.createDirectories(abs.getParent());
			tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".part");
			content.writeTo(tmp);
			Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (final IOException e) {
			throw new MivosException("Cannot write " + what + ": " + e.getMessage(), e);
		}
		finally {
			if (tmp != null) try {
				Files.deleteIfExists(tmp);
			}
			catch (final IOException e) {
				// already moved, or cannot be removed: nothing more can be done here
			}
		}
	}
}
