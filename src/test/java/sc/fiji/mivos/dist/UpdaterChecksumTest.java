package sc.fiji.mivos.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdaterChecksumTest {

	@TempDir
	Path dir;

	private static String sha1(final String... parts) throws NoSuchAlgorithmException {
		final MessageDigest d = MessageDigest.getInstance("SHA-1");
		for (final String p : parts)
			d.update(p.getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(d.digest());
	}

	private static Map<String, String> entries(final String... nameThenContent) {
		final Map<String, String> m = new LinkedHashMap<>();
		for (int i = 0; i < nameThenContent.length; i += 2)
			m.put(nameThenContent[i], nameThenContent[i + 1]);
		return m;
	}

	@Test
	void aPlainFileIsDigestedWithItsPathFirst() throws Exception {
		final Path file = Files.writeString(dir.resolve("x.ijm"), "print(1);");
		assertEquals(sha1("macros/x.ijm", "print(1);"), UpdaterChecksum.of("macros/x.ijm", file));
		assertNotEquals(UpdaterChecksum.of("macros/x.ijm", file), UpdaterChecksum.of("macros/y.ijm", file));
	}

	@Test
	void aJarIsDigestedEntryByEntryInNameOrderIgnoringEntryTimes() throws Exception {
		final Path ba = TestJars.write(dir.resolve("ba.jar"), entries("b/c.txt", "C", "a.txt", "A"), 1_000_000_000L);
		final Path ab = TestJars.write(dir.resolve("ab.jar"), entries("a.txt", "A", "b/c.txt", "C"), 1_600_000_000L);
		assertEquals(sha1("a.txt", "A", "b/c.txt", "C"), UpdaterChecksum.of("jars/ba.jar", ba));
		assertEquals(UpdaterChecksum.of("jars/ba.jar", ba), UpdaterChecksum.of("jars/other-name.jar", ab));
		final Path changed = TestJars.write(dir.resolve("c.jar"), entries("a.txt", "A!", "b/c.txt", "C"), 0);
		assertNotEquals(UpdaterChecksum.of("jars/c.jar", ab), UpdaterChecksum.of("jars/c.jar", changed));
	}

	@Test
	void theManifestCountsByNameOnly() throws Exception {
		final Path one = TestJars.write(dir.resolve("one.jar"), entries(UpdaterChecksum.MANIFEST, TestJars.manifest(
			"a.b"), "x.txt", "X"), 0);
		final Path two = TestJars.write(dir.resolve("two.jar"), entries(UpdaterChecksum.MANIFEST, TestJars.manifest(
			"c.d"), "x.txt", "X"), 0);
		final Path none = TestJars.write(dir.resolve("none.jar"), entries("x.txt", "X"), 0);
		assertEquals(sha1(UpdaterChecksum.MANIFEST, "x.txt", "X"), UpdaterChecksum.of("jars/one.jar", one));
		assertEquals(UpdaterChecksum.of("jars/one.jar", one), UpdaterChecksum.of("jars/two.jar", two));
		assertNotEquals(UpdaterChecksum.of("jars/one.jar", one), UpdaterChecksum.of("jars/none.jar", none));
	}

	@Test
	void commentLinesOfPropertiesDoNotCount() throws Exception {
		final String name = "META-INF/maven/g/a/pom.properties";
		final Path monday = TestJars.write(dir.resolve("m.jar"), entries(name, "#Mon\nversion=1\n"), 0);
		final Path tuesday = TestJars.write(dir.resolve("t.jar"), entries(name, "#Tue Dec 02\nversion=1\n"), 0);
		final Path newer = TestJars.write(dir.resolve("n.jar"), entries(name, "#Mon\nversion=2\n"), 0);
		assertEquals(sha1(name, "\nversion=1\n"), UpdaterChecksum.of("jars/m.jar", monday));
		assertEquals(UpdaterChecksum.of("jars/m.jar", monday), UpdaterChecksum.of("jars/t.jar", tuesday));
		assertNotEquals(UpdaterChecksum.of("jars/m.jar", monday), UpdaterChecksum.of("jars/n.jar", newer));
		// NB: a comment outside .properties entries counts.
		final Path text = TestJars.write(dir.resolve("x.jar"), entries("notes.txt", "#Mon\n"), 0);
		assertEquals(sha1("notes.txt", "#Mon\n"), UpdaterChecksum.of("jars/x.jar", text));
	}

	@Test
	void commentFilterKeepsTheUpdatersQuirks() {
		final Map<String, String> cases = new LinkedHashMap<>();
		cases.put("#c\nk=v\n", "\nk=v\n");
		cases.put("k=v\n#c\n", "k=v\n\n");
		cases.put("#a\n#b\nk=v", "\n\nk=v");
		cases.put("##x\nk\n", "\nk\n");
		cases.put("#c", "");
		cases.put("k#v\n", "k#v\n");
		// an empty line or a bare '#' line ends the line-start state, so the next comment is kept
		cases.put("\n#c\n", "\n#c\n");
		cases.put("#\n#c\nk\n", "\n#c\nk\n");
		cases.put("##\n#c\n", "\n#c\n");
		cases.put("", "");
		for (final Map.Entry<String, String> c : cases.entrySet())
			assertEquals(c.getValue(), new String(UpdaterChecksum.dropCommentLines(c.getKey().getBytes(
				StandardCharsets.UTF_8)), StandardCharsets.UTF_8), "filtering " + c.getKey().replace("\n", "\\n"));
	}

	@Test
	void aBrokenJarIsAnError() throws IOException {
		final Path file = Files.writeString(dir.resolve("broken.jar"), "not a zip");
		org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> UpdaterChecksum.of("jars/broken.jar",
			file));
	}
}
