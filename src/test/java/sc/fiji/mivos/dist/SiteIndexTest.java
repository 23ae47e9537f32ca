package sc.fiji.mivos.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import sc.fiji.mivos.dist.SiteIndex.PreviousVersion;
import sc.fiji.mivos.dist.SiteIndex.SiteFile;
import sc.fiji.mivos.dist.SiteIndex.Version;

class SiteIndexTest {

	private static final long OLD = 20261101000000L, NOW = 20261202120000L;

	private static SiteFile file(final String name, final String checksum, final long timestamp) {
		return new SiteFile(name, List.of(), List.of(), new Version(checksum, timestamp, 10, null, List.of(), List.of(),
			List.of()), List.of());
	}

	private static Map<String, SiteFile> byName(final SiteIndex index) {
		return index.files().stream().collect(Collectors.toMap(SiteFile::unversioned, Function.identity()));
	}

	@Test
	void theUpdatersFileIdentityIgnoresVersions() {
		assertEquals("jars/api.jar", SiteIndex.unversioned("jars/api-0.36.0.jar"));
		assertEquals("plugins/MiVOS_Fiji.jar", SiteIndex.unversioned("plugins/MiVOS_Fiji-0.1.0-SNAPSHOT.jar"));
		assertEquals("jars/linux64/pytorch-native-cpu.jar", SiteIndex.unversioned(
			"jars/linux64/pytorch-native-cpu-2.7.1.jar"));
	}

	@Test
	void historyContinuesFromTheEarlierIndex() {
		final SiteIndex earlier = SiteIndex.sorted(List.of(file("jars/same-1.0.jar", "s", OLD), file(
			"plugins/P_-0.1.0.jar", "p1", OLD), file("jars/gone-2.0.jar", "g", OLD)));
		final SiteIndex now = SiteIndex.sorted(List.of(file("jars/same-1.0.jar", "s", NOW), file("plugins/P_-0.2.0.jar",
			"p2", NOW), file("jars/new-1.0.jar", "n", NOW)));
		final Map<String, SiteFile> merged = byName(now.after(earlier, NOW));
		assertEquals(4, merged.size());

		final SiteFile same = merged.get("jars/same.jar");
		assertEquals(OLD, same.current().timestamp(), "an unchanged file keeps its timestamp");
		assertEquals(List.of(), same.previous());

		final SiteFile plugin = merged.get("plugins/P_.jar");
		assertEquals("plugins/P_-0.2.0.jar", plugin.filename());
		assertEquals("p2", plugin.current().checksum());
		assertEquals(NOW, plugin.current().timestamp());
		assertEquals(List.of(new PreviousVersion("p1", OLD, NOW, "plugins/P_-0.1.0.jar")), plugin.previous());

		final SiteFile gone = merged.get("jars/gone.jar");
		assertNull(gone.current(), "a removed file stays as a record the updater offers to remove");
		assertEquals(List.of(new PreviousVersion("g", OLD, NOW, null)), gone.previous());

		assertEquals(NOW, merged.get("jars/new.jar").current().timestamp());
		assertEquals(List.of("jars/gone-2.0.jar", "jars/new-1.0.jar", "jars/same-1.0.jar", "plugins/P_-0.2.0.jar"), now
			.after(earlier, NOW).files().stream().map(SiteFile::filename).toList());
	}
}
