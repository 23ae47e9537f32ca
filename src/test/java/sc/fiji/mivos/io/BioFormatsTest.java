package sc.fiji.mivos.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ShortProcessor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.mivos.core.MivosException;

/** Opening images through Bio-Formats (a stand-in with its API, {@link FakeBioFormats}) and without it. */
class BioFormatsTest {

	@TempDir
	static Path compiled;

	private static ClassLoader fake;
	private static BioFormats bf;

	@TempDir
	Path dir;

	@BeforeAll
	static void compileTheStandIn() throws IOException {
		fake = FakeBioFormats.compile(compiled);
		bf = BioFormats.find(List.of(fake)).orElseThrow();
	}

	private Path seriesFile(final String name, final int series) throws IOException {
		return Files.writeString(dir.resolve(name), "series=" + series);
	}

	private Path tiff(final String name) {
		final Path file = dir.resolve(name);
		final ShortProcessor ip = new ShortProcessor(5, 4);
		ip.set(0, 0, 42);
		new FileSaver(new ImagePlus("t", ip)).saveAsTiff(file.toString());
		return file;
	}

	@Test
	void isFoundOnlyWhereItsClassesAre() {
		assertEquals("8.0.0-fake", bf.version());
		assertTrue(BioFormats.find(List.of(BioFormatsTest.class.getClassLoader())).isEmpty());
		assertTrue(BioFormats.find().isEmpty(), "the test class path has no Bio-Formats");
	}

	@Test
	void otherFormatsOpenAsOneSeriesInImageJOrderWithCalibration() throws IOException {
		final Path czi = seriesFile("cells.czi", 3);
		final ImagePlus imp = ImageFiles.open(czi, 2, Optional.of(bf));
		assertArrayEquals(new int[] { 8, 6, 2, 3, 4 }, imp.getDimensions());
		assertEquals(1000 + imp.getStackIndex(2, 3, 4), imp.getStack().getProcessor(imp.getStackIndex(2, 3, 4)).get(0,
			0), "series 2 is Bio-Formats' series 1, planes in XYCZT order");
		assertEquals(0.25, imp.getCalibration().pixelWidth);
		assertEquals("micron", imp.getCalibration().getUnit());
		assertEquals(2, imp.getCalibration().frameInterval);
		final List<String> options = FakeBioFormats.lastOptions(fake);
		for (final String expected : List.of("id=" + czi, "stackOrder=XYCZT", "stackFormat=Hyperstack",
			"openAllSeries=false", "series1=true", "virtual=false", "splitChannels=false", "concatenate=false",
			"quiet=true", "windowless=true"))
			assertTrue(options.contains(expected), expected + " in " + options);
		assertTrue(options.indexOf("clearSeries=true") < options.indexOf("series1=true"), options.toString());
	}

	@Test
	void plainFilesStayWithImageJUnlessASeriesOrOmeMetadataIsAsked() throws IOException {
		final Path tif = tiff("plain.tif");
		FakeBioFormats.lastOptions(fake);
		final ImagePlus viaImageJ = ImageFiles.open(tif, 1, Optional.of(bf));
		assertEquals(42, viaImageJ.getProcessor().get(0, 0));

		final Path ome = seriesFile("cells.ome.tif", 1);
		assertEquals("fake - series 0", ImageFiles.open(ome, 1, Optional.of(bf)).getTitle());
		final Path multi = seriesFile("multi.tif", 2);
		assertEquals("fake - series 1", ImageFiles.open(multi, 2, Optional.of(bf)).getTitle());
	}

	@Test
	void badSeriesAndUnreadableFilesAreNamed() throws IOException {
		final Path czi = seriesFile("three.czi", 3);
		final MivosException range = assertThrows(MivosException.class, () -> ImageFiles.open(czi, 4, Optional.of(
			bf)));
		assertEquals("Cannot open series 4 of " + czi + ": it holds 3 series (1..3)", range.getMessage());
		final MivosException zero = assertThrows(MivosException.class, () -> ImageFiles.open(czi, 0, Optional.of(
			bf)));
		assertTrue(zero.getMessage().contains("numbered from 1"), zero.getMessage());

		final Path junk = Files.writeString(dir.resolve("junk.nd2"), "garbage");
		final MivosException unreadable = assertThrows(MivosException.class, () -> ImageFiles.open(junk, 1, Optional
			.of(bf)));
		assertEquals("Bio-Formats cannot read " + junk + ": no known format in " + junk, unreadable.getMessage());
	}

	@Test
	void withoutBioFormatsOtherFormatsAndSeriesAreRefusedWithAReason() throws IOException {
		final Path czi = seriesFile("cells.czi", 3);
		final MivosException format = assertThrows(MivosException.class, () -> ImageFiles.open(czi));
		assertTrue(format.getMessage().startsWith("Cannot open " + czi + ": unsupported file type; expected TIFF"),
			format.getMessage());
		assertTrue(format.getMessage().contains("Bio-Formats is installed"), format.getMessage());

		final Path tif = tiff("plain.tif");
		final MivosException series = assertThrows(MivosException.class, () -> ImageFiles.open(tif, 2));
		assertEquals("Cannot open series 2 of " + tif + ": choosing a series needs Bio-Formats, which is not " +
			"installed", series.getMessage());
		assertEquals(42, ImageFiles.open(tif, 1).getProcessor().get(0, 0));
		final Path ome = tiff("plain.ome.tif");
		assertEquals(42, ImageFiles.open(ome).getProcessor().get(0, 0), "an OME-TIFF is still a TIFF to ImageJ");
	}
}
