package sc.fiji.mivos.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.gui.PointRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.mivos.core.MivosException;

class ScribbleJsonTest {

	@TempDir
	Path dir;

	private Path file(final String json) throws IOException {
		return Files.writeString(dir.resolve("s.json"), json);
	}

	@Test
	void readsStrokesInOrder() throws IOException {
		final List<ScribbleJson.Stroke> s = ScribbleJson.read(file("{\"strokes\": [" +
			"{\"name\": \"3+\", \"frame\": 1, \"points\": [[10, 12], [11.6, 12.2], [15, 20]]}," +
			"{\"name\": \"bg\", \"frame\": 4, \"points\": [[0, 0]], \"comment\": \"ignored\"}], \"version\": 1}"));
		assertEquals(2, s.size());
		assertEquals("3+", s.get(0).name());
		assertEquals(1, s.get(0).frame1Based());
		assertArrayEquals(new int[][] { { 10, 12 }, { 12, 12 }, { 15, 20 } }, s.get(0).points());
		assertEquals("bg", s.get(1).name());
		assertEquals(4, s.get(1).frame1Based());
		assertTrue(ScribbleJson.read(file("{\"strokes\": []}")).isEmpty());
	}

	@Test
	void strokesBecomeNamedPolylinesOrPointsOnTheirFrame() throws IOException {
		final Roi[] rois = ScribbleJson.toRois(ScribbleJson.read(file("{\"strokes\": [" +
			"{\"name\": \"2-\", \"frame\": 3, \"points\": [[1, 2], [5, 2], [5, 6]]}," +
			"{\"name\": \"7\", \"frame\": 1, \"points\": [[4, 4]]}]}")));
		assertInstanceOf(PolygonRoi.class, rois[0]);
		assertEquals(Roi.POLYLINE, rois[0].getType());
		assertEquals("2-", rois[0].getName());
		assertEquals(3, rois[0].getTPosition());
		assertArrayEquals(new int[] { 1, 5, 5 }, rois[0].getPolygon().xpoints);
		assertArrayEquals(new int[] { 2, 2, 6 }, rois[0].getPolygon().ypoints);
		assertInstanceOf(PointRoi.class, rois[1]);
		assertEquals("7", rois[1].getName());
		assertEquals(1, rois[1].getTPosition());
		assertEquals(4, rois[1].getContainedPoints()[0].x);
	}

	@Test
	void strokesAreImmutable() {
		final int[][] pts = { { 1, 2 } };
		final ScribbleJson.Stroke s = new ScribbleJson.Stroke("1", 1, pts);
		pts[0][0] = 99;
		s.points()[0][1] = 99;
		assertArrayEquals(new int[][] { { 1, 2 } }, s.points());
	}

	@Test
	void badFilesAreErrorsNamingFileAndStroke() throws IOException {
		final Path missing = dir.resolve("none.json");
		assertTrue(assertThrows(MivosException.class, () -> ScribbleJson.read(missing)).getMessage().contains(missing
			.toString()));
		expect("{\"strokes\": [", "Cannot read");
		expect("", "no \"strokes\"");
		expect("[1, 2]", "no \"strokes\"");
		expect("{\"strokes\": {}}", "no \"strokes\"");
		expect("{\"strokes\": [3]}", "stroke 1 is not an object");
		expect("{\"strokes\": [{\"frame\": 1, \"points\": [[1, 1]]}]}", "no \"name\"");
		expect("{\"strokes\": [{\"name\": \"1\", \"frame\": 1, \"points\": [[1, 1]]}, {\"name\": \"cell\", " +
			"\"frame\": 1, \"points\": [[1, 1]]}]}", "stroke 2: Scribble name 'cell'");
		expect("{\"strokes\": [{\"name\": \"1\", \"points\": [[1, 1]]}]}", "\"frame\"");
		expect("{\"strokes\": [{\"name\": \"1\", \"frame\": 0, \"points\": [[1, 1]]}]}", "\"frame\"");
		expect("{\"strokes\": [{\"name\": \"1\", \"frame\": 1.5, \"points\": [[1, 1]]}]}", "\"frame\"");
		expect("{\"strokes\": [{\"name\": \"1\", \"frame\": \"2\", \"points\": [[1, 1]]}]}", "\"frame\"");
		expect("{\"strokes\": [{\"name\": \"1\", \"frame\": 1}]}", "\"points\"");
		expect("{\"strokes\": [{\"name\": \"1\", \"frame\": 1, \"points\": []}]}", "\"points\"");
		expect("{\"strokes\": [{\"name\": \"1\", \"frame\": 1, \"points\": [[1, 1], [2]]}]}", "point 2");
		expect("{\"strokes\": [{\"name\": \"1\", \"frame\": 1, \"points\": [[1, \"a\"]]}]}", "point 1");
	}

	private void expect(final String json, final String fragment) throws IOException {
		final Path f = file(json);
		final MivosException e = assertThrows(MivosException.class, () -> ScribbleJson.read(f), json);
		assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains(fragment), json + " -> " + e
			.getMessage());
	}
}
