package sc.fiji.mivos.model;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Paths;

/** Access to the shipped default model for tests. */
public final class ShippedModel {

	private ShippedModel() {}

	/**
	 * Skips the calling test when the repository has no exported model yet (no {@code models/manifest.json}); a
	 * manifest whose files are missing or corrupted still fails the test.
	 */
	public static void assumePresent() {
		assumeTrue(Files.isRegularFile(Paths.get("models/manifest.json")) || ShippedModel.class.getResource(
			ModelRegistry.RESOURCE_ROOT + "manifest.json") != null,
			"no exported model in ./models (models/export.py writes it)");
	}
}
