package sc.fiji.mivos.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.measure.Calibration;
import sc.fiji.mivos.core.ObjectRegion;

class TrackCsvTest {

	@TempDir
	Path dir;

	@Test
	void rowsAreSortedByTrackAndFrameWithCalibratedColumns() throws IOException {
		final Calibration cal = new Calibration();
		cal.pixelWidth = 0.5;
		cal.pixelHeight = 0.25;
		cal.pixelDepth = 2;
		cal.xOrigin = 10;
		cal.setUnit("micron");
		cal.frameInterval = 30;
		cal.setTimeUnit("sec");
		final ObjectRegion a = new ObjectRegion(3, 8, 12.5, 4, 100.25, 11, 2, 4, 3);
		final ObjectRegion b = new ObjectRegion(1, 2, 0, 1, Double.NaN, 0, 1, 1, 2);
		final Path file = dir.resolve("t.csv");
		TrackCsv.write(List.of(new TrackCsv.Row(2, 1, a, 1), new TrackCsv.Row(1, 1, a, 1), new TrackCsv.Row(1, 1, b,
			null)), cal, file);
		final List<String> lines = Files.readAllLines(file);
		assertEquals(String.join(",", TrackCsv.COLUMNS), lines.get(0));
		assertEquals("1,1,,1,1,0,0,2,0.25,0,1,-5,0.25,,0,1,1,2,micron,sec", lines.get(1));
		assertEquals("2,3,1,1,1,0,0,8,1,12.5,4,1.25,1,100.25,11,2,4,3,micron,sec", lines.get(2));
		assertEquals("3,3,1,2,1,30,0,8,1,12.5,4,1.25,1,100.25,11,2,4,3,micron,sec", lines.get(3));
		assertEquals(4, lines.size());
	}

	@Test
	void withoutAFrameIntervalTimeCountsFramesAndOddUnitsAreQuoted() throws IOException {
		final Calibration cal = new Calibration();
		cal.setUnit("a,b");
		final Path file = dir.resolve("u.csv");
		TrackCsv.write(List.of(new TrackCsv.Row(3, 2, new ObjectRegion(1, 1, 0, 0, 5, 0, 0, 1, 1), null)), cal,
			file);
		assertEquals("1,1,,3,2,2,1,1,1,0,0,0,0,5,0,0,1,1,\"a,b\",frame", Files.readAllLines(file).get(1));
	}
}
