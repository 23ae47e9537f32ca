package sc.fiji.mivos.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Roi;
import ij.measure.Calibration;
import ij.process.ShortProcessor;
import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.core.MivosException;
import sc.fiji.mivos.io.ImageFiles;
import sc.fiji.mivos.io.RoiFiles;
import sc.fiji.mivos.io.TrackCsv;

class LabelExportTest {

	private static final int W = 12, H = 8, T = 3;

	@TempDir
	Path dir;

	@Test
	void writesCalibratedLabelsRoisAndMeasurements() throws IOException {
		final ImagePlus source = source(1);
		final ImagePlus labels = LabelImages.toImagePlus(divisionLabels(), "cells-labels", null);
		final LabelExport.Result r = LabelExport.run(labels, source, new LabelExport.Options(1, 1, true, true, true,
			dir));

		assertEquals("cells-labels", r.labelImage().getTitle());
		assertEquals(0.5, r.labelImage().getCalibration().pixelWidth);
		assertEquals("micron", r.labelImage().getCalibration().getUnit());
		assertEquals(Set.of(1, 2), r.objectIds());
		// object 1 on every frame, object 2 (split off 1) on frames 2 and 3
		assertEquals(5, r.rois().size());
		assertEquals(List.of("1-1", "1-2", "2-2", "1-3", "2-3"), r.rois().stream().map(Roi::getName).toList());
		final Roi roi = r.rois().get(2);
		assertEquals(2, roi.getTPosition());
		assertEquals(4, roi.getContainedPoints().length, "object 2 covers 2x2 pixels");
		assertArrayEquals(new long[] { W, H, T }, r.labelImg().dimensionsAsLongArray());

		assertEquals(List.of(dir.resolve("cells-labels.tif"), dir.resolve("cells-rois.zip"), dir.resolve(
			"cells-tracks.csv")), r.files());
		assertEquals(divisionLabels(), LabelImages.toLabelStack(ImageFiles.open(dir.resolve("cells-labels.tif"))));
		assertEquals(0.5, ImageFiles.open(dir.resolve("cells-labels.tif")).getCalibration().pixelWidth);
		assertEquals(5, RoiFiles.read(dir.resolve("cells-rois.zip")).length);
		final List<String> csv = Files.readAllLines(dir.resolve("cells-tracks.csv"));
		assertEquals(String.join(",", TrackCsv.COLUMNS), csv.get(0));
		assertEquals(6, csv.size());
		// row 4 = track 2, frame 2: 2x2 block at x 6..7, y 2..3, intensity = x + 100 y (channel 1)
		assertEquals("4,2,1,2,1,30,0,4,1,6.5,2.5,3.25,1.25,256.5,6,2,2,2,micron,sec", csv.get(4));
	}

	@Test
	void labelsWithZSlicesExportEverySlice() {
		final ImagePlus source = source(2);
		final ImagePlus labels = LabelImages.toImagePlus(List.of(divisionLabels(), divisionLabels()), "x", source);
		final LabelExport.Result r = LabelExport.run(labels, source, new LabelExport.Options(2, 1, false, false,
			false, null));
		assertEquals(10, r.rois().size());
		final Roi last = r.rois().get(9);
		assertEquals("2-3-z2", last.getName());
		assertEquals(2, last.getZPosition());
		assertEquals(3, last.getTPosition());
		assertArrayEquals(new long[] { W, H, 2, T }, r.labelImg().dimensionsAsLongArray());
		// channel 2 holds x + 100 y + 1000
		assertEquals(1000 + 6.5 + 250, r.rows().stream().filter(row -> row.region().objectId() == 2).findFirst()
			.orElseThrow().region().meanIntensity(), 1e-9);
		assertTrue(r.files().isEmpty());
	}

	@Test
	void withoutSourceTheLabelsCalibrationIsKeptAndNoIntensityMeasured() {
		final ImagePlus labels = LabelImages.toImagePlus(divisionLabels(), "cells-labels.tif", source(1));
		final LabelExport.Result r = LabelExport.run(labels, null, new LabelExport.Options(1, 1, false, false, false,
			null));
		assertEquals("cells-labels", r.labelImage().getTitle());
		assertEquals(0.5, r.labelImage().getCalibration().pixelWidth);
		assertTrue(Double.isNaN(r.rows().get(0).region().meanIntensity()));
		assertNull(r.rows().get(0).parentId());
		assertEquals(1, r.rows().get(2).parentId());
	}

	@Test
	void mismatchesAndMissingFoldersAreNamed() {
		final ImagePlus labels = LabelImages.toImagePlus(divisionLabels(), "l", null);
		final ImagePlus small = new ImagePlus("small", new ShortProcessor(4, 4));
		final MivosException size = assertThrows(MivosException.class, () -> LabelExport.run(labels, small,
			new LabelExport.Options(1, 1, false, false, false, null)));
		assertTrue(size.getMessage().contains("differ in size"), size.getMessage());
		final MivosException folder = assertThrows(MivosException.class, () -> LabelExport.run(labels, null,
			new LabelExport.Options(1, 1, false, false, true, null)));
		assertTrue(folder.getMessage().contains("output folder"), folder.getMessage());
		final MivosException channel = assertThrows(MivosException.class, () -> LabelExport.run(labels, source(1),
			new LabelExport.Options(3, 1, false, false, false, null)));
		assertTrue(channel.getMessage().contains("Channel 3"), channel.getMessage());
	}

	/** Object 1: 8x4 at (1,1) on frame 1, 2x4 at (1,1) after; object 2 splits off on frame 2 as 2x2 at (6,2). */
	static LabelStack divisionLabels() {
		final LabelStack l = new LabelStack(W, H, T);
		for (int t = 0; t < T; t++)
			for (int y = 1; y < 5; y++)
				for (int x = 1; x < 9; x++) {
					if (t == 0 && x < 9) l.set(x, y, t, 1);
					else if (x < 3) l.set(x, y, t, 1);
					else if (x >= 6 && x < 8 && y >= 2 && y < 4) l.set(x, y, t, 2);
				}
		return l;
	}

	/** A 16-bit C x Z x T hyperstack (channels 1..c, 2 slices when c = 2) with value x + 100 y + 1000 (channel - 1). */
	private static ImagePlus source(final int channels) {
		final int slices = channels == 2 ? 2 : 1;
		final ImageStack stack = new ImageStack(W, H);
		for (int t = 0; t < T; t++)
			for (int z = 0; z < slices; z++)
				for (int c = 0; c < channels; c++) {
					final ShortProcessor sp = new ShortProcessor(W, H);
					for (int y = 0; y < H; y++)
						for (int x = 0; x < W; x++)
							sp.set(x, y, x + 100 * y + 1000 * c);
					stack.addSlice(sp);
				}
		final ImagePlus imp = new ImagePlus("cells.tif", stack);
		imp.setDimensions(channels, slices, T);
		imp.setOpenAsHyperStack(true);
		final Calibration cal = imp.getCalibration();
		cal.pixelWidth = 0.5;
		cal.pixelHeight = 0.5;
		cal.setUnit("micron");
		cal.frameInterval = 30;
		cal.setTimeUnit("sec");
		return imp;
	}
}
