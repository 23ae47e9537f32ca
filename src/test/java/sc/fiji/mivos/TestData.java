package sc.fiji.mivos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where the real evaluation sequences live (not part of the repository): the system property {@code mivos.data},
 * else {@code shared/data} beside the checkout, else {@code /work/shared/data}. Tests that need them skip when none
 * exists.
 */
public final class TestData {

	private TestData() {}

	/** @return the folder holding the sequences (may not exist) */
	public static Path sharedData() {
		final String property = System.getProperty("mivos.data");
		if (property != null) return Paths.get(property);
		final Path beside = Paths.get("../shared/data");
		return Files.isDirectory(beside) ? beside : Paths.get("/work/shared/data");
	}
}
