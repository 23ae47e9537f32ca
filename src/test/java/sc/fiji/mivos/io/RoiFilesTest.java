package sc.fiji.mivos.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.gui.Line;
import ij.gui.OvalRoi;
import ij.gui.PointRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.io.RoiEncoder;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.mivos.core.MivosException;

class RoiFilesTest {

	@TempDir
	Path dir;

	private static <R extends Roi> R named(final R roi, final String name) {
		roi.setName(name);
		return roi;
	}

	@Test
	void zipRoundTripKeepsTypesNamesAndPositions() {
		final Roi rect = named(new Roi(1, 2, 3, 4), "1+");
		rect.setPosition(0, 0, 7);
		final PolygonRoi poly = named(new PolygonRoi(new int[] { 0, 5, 9 }, new int[] { 0, 5, 2 }, 3, Roi.POLYLINE),
			"2- left");
		poly.setPosition(3);
		final Line line = named(new Line(1.5, 2.5, 8.5, 9.5), "bg");
		final PointRoi point = named(new PointRoi(4, 6), "1000");
		final OvalRoi oval = named(new OvalRoi(2, 2, 6, 4), "3");
		final Path zip = dir.resolve("sub/folder/set.zip");
		RoiFiles.write(new Roi[] { rect, poly, line, point, oval }, zip);
		final Roi[] back = RoiFiles.read(zip);
		assertEquals(5, back.length);
		assertEquals("1+", back[0].getName());
		assertEquals(7, back[0].getTPosition());
		assertTrue(back[0].hasHyperStackPosition());
		assertEquals(rect.getBounds(), back[0].getBounds());
		assertEquals("2- left", back[1].getName());
		assertEquals(Roi.POLYLINE, back[1].getType());
		assertEquals(3, back[1].getPosition());
		assertArrayEquals(poly.getPolygon().xpoints, back[1].getPolygon().xpoints);
		assertInstanceOf(Line.class, back[2]);
		assertEquals(8.5, ((Line) back[2]).x2d, 1e-6);
		assertInstanceOf(PointRoi.class, back[3]);
		assertEquals("1000", back[3].getName());
		assertEquals(Roi.OVAL, back[4].getType());
	}

	@Test
	void entryNamesAreUniqueWhileRoisKeepTheirNames() throws IOException {
		final Path zip = dir.resolve("dup.zip");
		RoiFiles.write(new Roi[] { named(new Roi(0, 0, 1, 1), "3+"), named(new Roi(1, 1, 1, 1), "3+"), new Roi(2, 2, 1,
			1), named(new Roi(3, 3, 1, 1), "a/b") }, zip);
		final List<String> entries = new ArrayList<>();
		try (ZipFile z = new ZipFile(zip.toFile())) {
			z.stream().forEach(e -> entries.add(e.getName()));
		}
		assertEquals(List.of("3+.roi", "3+-2.roi", "roi-3.roi", "a_b.roi"), entries);
		final Roi[] back = RoiFiles.read(zip);
		assertEquals("3+", back[0].getName());
		assertEquals("3+", back[1].getName());
		assertEquals("roi-3", back[2].getName(), "unnamed ROI is named after its entry");
		assertEquals("a/b", back[3].getName());
	}

	@Test
	void readsASingleRoiFile() {
		final Path file = dir.resolve("stroke.roi");
		final Roi roi = named(new PolygonRoi(new int[] { 0, 3 }, new int[] { 0, 3 }, 2, Roi.FREELINE), "5-");
		roi.setPosition(1, 2, 3);
		assertTrue(RoiEncoder.save(roi, file.toString()));
		final Roi[] back = RoiFiles.read(file);
		assertEquals(1, back.length);
		assertEquals("5-", back[0].getName());
		assertEquals(3, back[0].getTPosition());
		assertEquals(2, back[0].getZPosition());
		final Path unnamed = dir.resolve("7+.roi");
		assertTrue(RoiEncoder.save(new Roi(0, 0, 2, 2), unnamed.toString()));
		assertEquals("7+", RoiFiles.read(unnamed)[0].getName(), "named after the file");
	}

	@Test
	void overwritesAnExistingZip() {
		final Path zip = dir.resolve("again.zip");
		RoiFiles.write(new Roi[] { named(new Roi(0, 0, 1, 1), "1"), named(new Roi(0, 0, 1, 1), "2") }, zip);
		RoiFiles.write(new Roi[] { named(new Roi(0, 0, 1, 1), "9") }, zip);
		final Roi[] back = RoiFiles.read(zip);
		assertEquals(1, back.length);
		assertEquals("9", back[0].getName());
		try (var list = Files.list(dir)) {
			assertEquals(1, list.count(), "no temporary file left behind");
		}
		catch (final IOException e) {
			throw new AssertionError(e);
		}
	}

	@Test
	void roisAreNotModifiedByWriting() {
		final Roi roi = named(new Roi(1, 1, 2, 2), "4");
		roi.setPosition(0, 0, 2);
		RoiFiles.write(new Roi[] { roi, new Roi(0, 0, 1, 1) }, dir.resolve("x.zip"));
		assertEquals("4", roi.getName());
		assertEquals(2, roi.getTPosition());
	}

	@Test
	void errorsNameThePath() throws IOException {
		final Path missing = dir.resolve("none.zip");
		final MivosException m = assertThrows(MivosException.class, () -> RoiFiles.read(missing));
		assertTrue(m.getMessage().contains(missing.toString()), m.getMessage());
		final Path csv = Files.writeString(dir.resolve("rois.csv"), "1,2");
		final MivosException type = assertThrows(MivosException.class, () -> RoiFiles.read(csv));
		assertTrue(type.getMessage().contains(csv.toString()) && type.getMessage().contains(".zip"), type
			.getMessage());
		final Path garbage = Files.writeString(dir.resolve("bad.roi"), "hello there, not a roi");
		final MivosException g = assertThrows(MivosException.class, () -> RoiFiles.read(garbage));
		assertTrue(g.getMessage().contains(garbage.toString()), g.getMessage());
		final Path badZip = Files.writeString(dir.resolve("bad.zip"), "PK not really");
		final MivosException z = assertThrows(MivosException.class, () -> RoiFiles.read(badZip));
		assertTrue(z.getMessage().contains(badZip.toString()), z.getMessage());
		final Path noRois = dir.resolve("empty.zip");
		try (OutputStream os = Files.newOutputStream(noRois); ZipOutputStream out = new ZipOutputStream(os)) {
			out.putNextEntry(new ZipEntry("readme.txt"));
			out.write(1);
		}
		final MivosException e = assertThrows(MivosException.class, () -> RoiFiles.read(noRois));
		assertTrue(e.getMessage().contains("no .roi"), e.getMessage());
		final Path blocked = Files.writeString(dir.resolve("file"), "x").resolve("sub.zip");
		final MivosException w = assertThrows(MivosException.class, () -> RoiFiles.write(new Roi[] { new Roi(0, 0, 1,
			1) }, blocked));
		assertTrue(w.getMessage().contains(blocked.toString()), w.getMessage());
		assertFalse(Files.exists(blocked));
	}
}
