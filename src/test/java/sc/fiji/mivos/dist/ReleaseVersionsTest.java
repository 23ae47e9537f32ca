package sc.fiji.mivos.dist;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import sc.fiji.mivos.core.MivosVersion;
import sc.fiji.mivos.model.ModelManifest;

/** The plugin and every model carry a semantic version, and the changelog has a section for this release. */
class ReleaseVersionsTest {

	/** MAJOR.MINOR.PATCH with an optional pre-release part (semver.org, section 9); no build metadata. */
	private static final Pattern SEMVER = Pattern.compile(
		"(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?");

	@Test
	void semanticVersionsAreRecognised() {
		for (final String ok : new String[] { "0.1.0", "1.20.3", "0.1.0-SNAPSHOT", "2.0.0-rc.1" })
			assertTrue(SEMVER.matcher(ok).matches(), ok);
		for (final String bad : new String[] { "0.1", "01.2.3", "1.2.3.4", "v1.2.3", "1.2.3-" })
			assertFalse(SEMVER.matcher(bad).matches(), bad);
	}

	@Test
	void thePluginVersionIsSemantic() {
		final String version = MivosVersion.get();
		assertTrue(SEMVER.matcher(version).matches(), "plugin version " + version);
	}

	@Test
	void everyModelVersionIsSemantic() {
		final ModelManifest manifest = ModelManifest.read(Paths.get("models/manifest.json"));
		assertFalse(manifest.models().isEmpty());
		for (final ModelManifest.Entry m : manifest.models())
			assertTrue(SEMVER.matcher(m.version()).matches(), m.name() + " version " + m.version());
	}

	@Test
	void theChangelogHasASectionForThisRelease() throws IOException {
		final String release = MivosVersion.get().replaceFirst("-SNAPSHOT$", "");
		final String changelog = Files.readString(Paths.get("CHANGELOG.md"));
		assertTrue(Pattern.compile("(?m)^## " + Pattern.quote(release) + "\\b").matcher(changelog).find(),
			"CHANGELOG.md has no section '## " + release + "'");
	}
}
