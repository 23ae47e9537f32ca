package sc.fiji.mivos.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.mivos.core.MivosVersion;
import sc.fiji.mivos.dist.SiteIndex.SiteFile;

/**
 * Checks the built update site against its index: every recorded file is there with the recorded size and updater
 * checksum, nothing else is, and the site holds what Fiji needs and nothing Fiji already ships.
 */
@Tag("update-site")
class UpdateSiteIndexIT {

	private static final Path SITE = UpdateSiteInstallIT.SITE;
	private static SiteIndex index;

	@BeforeAll
	static void readTheIndex() throws IOException {
		assertTrue(Files.isRegularFile(SITE.resolve(SiteIndexXml.FILE_NAME)), "no update site at " + SITE +
			"; build it with mvn -Pupdate-site package");
		index = SiteIndexXml.read(SITE.resolve(SiteIndexXml.FILE_NAME), true);
	}

	@Test
	void everyRecordedFileIsThereWithItsChecksumAndNothingElse() throws IOException {
		final Set<String> recorded = new TreeSet<>();
		for (final SiteFile f : index.files()) {
			if (f.current() == null) continue;
			final Path upload = SITE.resolve(f.uploadName());
			assertTrue(Files.isRegularFile(upload), "missing " + upload);
			assertEquals(f.current().filesize(), Files.size(upload), f.filename());
			assertEquals(f.current().checksum(), UpdaterChecksum.of(f.filename(), upload), f.filename());
			recorded.add(f.uploadName());
		}
		try (Stream<Path> walk = Files.walk(SITE)) {
			assertEquals(recorded, walk.filter(Files::isRegularFile).map(p -> SITE.relativize(p).toString().replace('\\',
				'/')).filter(n -> !n.equals(SiteIndexXml.FILE_NAME)).collect(Collectors.toCollection(TreeSet::new)));
		}
	}

	@Test
	void thePluginOfThisBuildDependsOnEveryLibrary() {
		final SiteFile plugin = index.files().stream().filter(f -> f.filename().startsWith("plugins/")).findFirst()
			.orElseThrow();
		assertEquals("plugins/MiVOS_Fiji-" + MivosVersion.get() + ".jar", plugin.filename());
		final Set<String> libraries = index.files().stream().filter(f -> f != plugin).map(SiteFile::unversioned)
			.collect(Collectors.toCollection(TreeSet::new));
		final Set<String> dependencies = plugin.current().dependencies().stream().map(SiteIndex.Dependency::filename)
			.collect(Collectors.toCollection(TreeSet::new));
		assertEquals(libraries, dependencies);
	}

	@Test
	void eachPlatformGetsPyTorchAndTheModulePathAcceptsIt(@TempDir final Path installed) throws IOException {
		for (final String platform : List.of("linux64", "linux-arm64", "win64", "macos-arm64")) {
			final List<SiteFile> natives = index.files().stream().filter(f -> f.platforms().equals(List.of(platform)))
				.toList();
			assertEquals(1, natives.size(), platform + ": " + natives);
			assertTrue(natives.get(0).filename().startsWith("jars/" + platform + "/pytorch-native-cpu-"), natives.get(0)
				.filename());
			// NB: Fiji puts jars/<platform> on the module path; a jar the JVM refuses there stops Fiji from starting.
			final Path dir = Files.createDirectories(installed.resolve(platform));
			Files.copy(SITE.resolve(natives.get(0).uploadName()), dir.resolve(Path.of(natives.get(0).filename())
				.getFileName()));
			assertEquals(1, ModuleFinder.of(dir).findAll().size(), natives.get(0).filename());
		}
	}

	@Test
	void nothingFijiShipsIsOnTheSite() throws IOException {
		final Set<String> fijiJars = new TreeSet<>();
		for (final String className : FijiInstallation.FIJI_JARS)
			fijiJars.add(SiteIndex.unversioned("jars/" + FijiInstallation.jarOf(className).getFileName()));
		for (final SiteFile f : index.files())
			assertFalse(fijiJars.contains(f.unversioned()), f.filename() + " is shipped by Fiji");
	}
}
