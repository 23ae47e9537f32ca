package sc.fiji.mivos.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.GsonBuilder;

import sc.fiji.mivos.core.MivosException;

/** Writes the JSON reports of the sub-commands (pretty-printed; NaN kept as NaN). */
public final class ReportJson {

	private ReportJson() {}

	public static void write(final Object value, final Path file) {
		try {
			final Path parent = file.toAbsolutePath().getParent();
			if (parent != null) Files.createDirectories(parent);
			Files.writeString(file, new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
				.create().toJson(value), StandardCharsets.UTF_8);
		}
		catch (final IOException e) {
			throw new MivosException("Cannot write " + file + ": " + e.getMessage(), e);
		}
	}
}
