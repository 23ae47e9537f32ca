package sc.fiji.mivos.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.mivos.dist.SiteIndex.Dependency;
import sc.fiji.mivos.dist.SiteIndex.SiteFile;

class UpdateSiteBuilderTest {

	private static final String FIRST = "20261101000000", SECOND = "20261202120000";

	@TempDir
	Path dir;

	@Test
	void platformFoldersGiveThePlatform() {
		assertEquals(List.of("linux64"), UpdateSiteBuilder.platformOf("jars/linux64/n-1.jar"));
		assertEquals(List.of("macos-arm64"), UpdateSiteBuilder.platformOf("jars/macos-arm64/n-1.jar"));
		assertEquals(List.of(), UpdateSiteBuilder.platformOf("jars/api-0.36.0.jar"));
		assertEquals(List.of(), UpdateSiteBuilder.platformOf("plugins/P_-1.jar"));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UpdateSiteBuilder
			.platformOf("jars/linux-x86_64/n-1.jar"));
		assertTrue(e.getMessage().contains("'linux-x86_64' is not a platform"), e.getMessage());
	}

	private Path build(final String timestamp, final Path previous) throws IOException {
		final Path site = dir.resolve("site-" + timestamp);
		final String[] args = { "files=" + dir.resolve("files"), "plugin=" + dir.resolve("P_-0.1.0.jar"), "site=" + site,
			"version=0.1.0", "description=Test plugin.", "url=https://example.org", "author=Dev", "timestamp=" +
				timestamp, "previous=" + (previous == null ? "" : previous) };
		UpdateSiteBuilder.main(args);
		return site;
	}

	@Test
	void buildsTheSiteTheUpdaterDownloads() throws IOException {
		TestJars.write(dir.resolve("files/jars/lib-1.0.jar"), Map.of("l.txt", "L"), 0);
		TestJars.write(dir.resolve("files/jars/linux64/native-2.0.jar"), Map.of(UpdaterChecksum.MANIFEST, TestJars
			.manifest("x.native_linux-x86_64"), "n.so", "N"), 0);
		TestJars.write(dir.resolve("P_-0.1.0.jar"), Map.of("plugins.config", "Plugins, \"P\", p.P"), 0);

		final Path site = build(FIRST, null);
		final SiteIndex index = SiteIndexXml.read(site.resolve(SiteIndexXml.FILE_NAME), true);
		assertEquals(List.of("jars/lib-1.0.jar", "jars/linux64/native-2.0.jar", "plugins/P_-0.1.0.jar"), index.files()
			.stream().map(SiteFile::filename).toList());
		try (Stream<Path> walk = Files.walk(site)) {
			assertEquals(4, walk.filter(Files::isRegularFile).count(), "three uploads and the index, nothing else");
		}
		for (final SiteFile f : index.files()) {
			final Path upload = site.resolve(f.filename() + "-" + FIRST);
			assertEquals(Files.size(upload), f.current().filesize(), f.filename());
			assertEquals(UpdaterChecksum.of(f.filename(), upload), f.current().checksum(), f.filename());
		}
		final SiteFile natives = index.files().get(1);
		assertEquals(List.of("linux64"), natives.platforms());
		ModuleFinder.of(site.resolve("jars/linux64")).findAll();

		final SiteFile plugin = index.files().get(2);
		assertEquals(List.of(new Dependency("jars/lib.jar", Long.parseLong(FIRST)), new Dependency(
			"jars/linux64/native.jar", Long.parseLong(FIRST))), plugin.current().dependencies());
		assertEquals("Test plugin. Version 0.1.0.", plugin.current().description());
		assertEquals(List.of("https://example.org"), plugin.current().links());
	}

	@Test
	void aLaterBuildKeepsTheTimestampsOfUnchangedFiles() throws IOException {
		TestJars.write(dir.resolve("files/jars/lib-1.0.jar"), Map.of("l.txt", "L"), 0);
		TestJars.write(dir.resolve("P_-0.1.0.jar"), Map.of("a.txt", "first"), 0);
		final Path first = build(FIRST, null);
		TestJars.write(dir.resolve("P_-0.1.0.jar"), Map.of("a.txt", "second"), 0);
		final Path second = build(SECOND, first.resolve(SiteIndexXml.FILE_NAME));

		final SiteIndex index = SiteIndexXml.read(second.resolve(SiteIndexXml.FILE_NAME), true);
		final SiteFile lib = index.files().get(0), plugin = index.files().get(1);
		assertEquals(Long.parseLong(FIRST), lib.current().timestamp());
		assertTrue(Files.exists(second.resolve("jars/lib-1.0.jar-" + FIRST)));
		assertEquals(Long.parseLong(SECOND), plugin.current().timestamp());
		assertEquals(1, plugin.previous().size());
		assertEquals(List.of(new Dependency("jars/lib.jar", Long.parseLong(FIRST))), plugin.current().dependencies());
	}
}
