package sc.fiji.mivos.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.mivos.dist.SiteIndex.Dependency;
import sc.fiji.mivos.dist.SiteIndex.PreviousVersion;
import sc.fiji.mivos.dist.SiteIndex.SiteFile;
import sc.fiji.mivos.dist.SiteIndex.Version;

class SiteIndexXmlTest {

	@TempDir
	Path dir;

	static SiteIndex sample() {
		final Version plugin = new Version("aa11", 20261202120000L, 3_500_000, "Segments <cells> & more", List.of(
			new Dependency("jars/api.jar", 20261101000000L)), List.of("https://example.org/mivos"), List.of("Dev"));
		final Version natives = new Version("bb22", 20261202120000L, 111_000_000, null, List.of(), List.of(), List
			.of());
		return SiteIndex.sorted(List.of( //
			new SiteFile("plugins/MiVOS_Fiji-0.2.0.jar", List.of(), List.of("Segmentation"), plugin, List.of(
				new PreviousVersion("cc33", 20261101000000L, 20261202120000L, "plugins/MiVOS_Fiji-0.1.0.jar"))),
			new SiteFile("jars/linux64/pytorch-native-cpu-2.7.1.jar", List.of("linux64"), List.of(), natives, List
				.of()),
			new SiteFile("jars/old-1.0.jar", List.of(), List.of(), null, List.of(new PreviousVersion("dd44",
				20260101000000L, 20261202120000L, null)))));
	}

	@Test
	void writesWhatItReadsAndTheDocumentIsValid() throws IOException {
		final Path file = dir.resolve(SiteIndexXml.FILE_NAME);
		SiteIndexXml.write(sample(), file);
		assertEquals(sample(), SiteIndexXml.read(file, true));
	}

	@Test
	void recordsHaveTheUpdatersShape() throws IOException {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		SiteIndexXml.write(sample(), out);
		final String xml = out.toString(StandardCharsets.UTF_8);
		assertTrue(xml.contains("<plugin filename=\"jars/linux64/pytorch-native-cpu-2.7.1.jar\">\n" +
			"        <platform>linux64</platform>\n" +
			"        <version checksum=\"bb22\" timestamp=\"20261202120000\" filesize=\"111000000\">\n"), xml);
		assertTrue(xml.contains("<description>Segments &lt;cells&gt; &amp; more</description>"), xml);
		assertTrue(xml.contains("<dependency filename=\"jars/api.jar\" timestamp=\"20261101000000\"/>"), xml);
		assertTrue(xml.contains("<previous-version timestamp=\"20261101000000\" timestamp-obsolete=\"20261202120000\"" +
			" checksum=\"cc33\" filename=\"plugins/MiVOS_Fiji-0.1.0.jar\"/>"), xml);
	}

	@Test
	void validationRejectsRecordsOutOfOrder() {
		final String xml = "<?xml version=\"1.0\"?>\n" + SiteIndexXml.DOCTYPE + "<pluginRecords><plugin filename=\"a\">" +
			"<version checksum=\"1\" timestamp=\"1\" filesize=\"1\"/><platform>linux64</platform></plugin>" +
			"</pluginRecords>";
		assertThrows(IOException.class, () -> SiteIndexXml.read(new ByteArrayInputStream(xml.getBytes(
			StandardCharsets.UTF_8)), true));
	}
}
