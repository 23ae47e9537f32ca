package sc.fiji.mivos.ij.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.process.StackConverter;
import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.core.eval.EvaluationScores;
import sc.fiji.mivos.ij.LabelImages;
import sc.fiji.mivos.ij.TwoDiscs;
import sc.fiji.mivos.io.ImageFiles;
import sc.fiji.mivos.io.RoiFiles;
import sc.fiji.mivos.io.TrackCsv;

/**
 * Each macro of {@code macros/} run in ImageJ on the bundled sample, its outputs checked against the sample's ground
 * truth. Needs a display (run under {@code xvfb-run}).
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MacroFilesTest {

	private static final Path SAMPLE = Paths.get("sample-stacks/nuclei-demo");

	@TempDir
	Path out;

	@Test
	void scribblePropagateExportSegmentsTheSampleAndPrintsItsStatistics() throws IOException {
		assumeFalse(GraphicsEnvironment.isHeadless(), "ImageJ 1.x menus need a display; run under xvfb-run");
		final ImageJMacros.Outcome run = ImageJMacros.runFile("scribble_propagate_export.ijm", "sample=[" + SAMPLE
			.toAbsolutePath() + "] output=[" + out + "]");
		assertNull(run.error());

		final LabelStack truth = LabelImages.toLabelStack(ImageFiles.open(SAMPLE.resolve("labels.tif")));
		final LabelStack labels = LabelImages.toLabelStack(ImageFiles.open(out.resolve("image-labels.tif")));
		assertEquals(truth.objectIds(), labels.objectIds(), "the scribbled objects, with their ids");
		final double j = EvaluationScores.compute(truth, labels, allFrames(truth.frames())).j();
		assertTrue(j > 0.7, "mean IoU against the ground truth " + j);

		final List<String> csv = Files.readAllLines(out.resolve("image-tracks.csv"));
		assertEquals(String.join(",", TrackCsv.COLUMNS), csv.get(0));
		assertEquals(csv.size() - 1, RoiFiles.read(out.resolve("image-rois.zip")).length, "one ROI per CSV row");
		assertTrue(csv.stream().anyMatch(line -> line.matches("\\d+,9,4,17,.*")),
			"object 9 appears on frame 17 as the daughter of object 4");

		final Matcher summary = Pattern.compile("(\\d+) objects, 40 frames, (\\d+) ROIs").matcher(run.printed());
		assertTrue(summary.find(), run.printed());
		assertEquals(labels.objectIds().size(), Integer.parseInt(summary.group(1)));
		assertEquals(csv.size() - 1, Integer.parseInt(summary.group(2)));
		for (final Map.Entry<Integer, Long> e : pixelCounts(labels).entrySet())
			assertTrue(run.printed().contains("object " + e.getKey() + ": " + e.getValue() + " pixels"), "object " + e
				.getKey() + " in:\n" + run.printed());
	}

	@Test
	void batchFolderSegmentsEveryStackWithScribblesAndSkipsTheRest() throws IOException {
		assumeFalse(GraphicsEnvironment.isHeadless(), "ImageJ 1.x menus need a display; run under xvfb-run");
		final Path input = Files.createDirectories(out.resolve("stacks"));
		final ImagePlus eightBit = TwoDiscs.image();
		IJ.saveAsTiff(eightBit, input.resolve("a.tif").toString());
		RoiFiles.write(TwoDiscs.strokes(), input.resolve("a.zip"));
		final ImagePlus sixteenBit = TwoDiscs.image();
		new StackConverter(sixteenBit).convertToGray16();
		sixteenBit.getCalibration().pixelWidth = 0.5;
		IJ.saveAsTiff(sixteenBit, input.resolve("b.tif").toString());
		RoiFiles.write(TwoDiscs.strokes(), input.resolve("b-scribbles.zip"));
		IJ.saveAsTiff(TwoDiscs.image(), input.resolve("c.tif").toString());
		final Path results = out.resolve("results");

		final ImageJMacros.Outcome run = ImageJMacros.runFile("batch_folder.ijm", "input=[" + input + "] output=[" +
			results + "]");
		assertNull(run.error());
		final LabelStack truth = discs(eightBit);
		for (final String stack : new String[] { "a", "b" }) {
			final ImagePlus labels = ImageFiles.open(results.resolve(stack + "-labels.tif"));
			final double j = EvaluationScores.compute(truth, LabelImages.toLabelStack(labels), allFrames(TwoDiscs.FRAMES))
				.j();
			assertTrue(j > 0.8, stack + ": mean IoU " + j);
			assertTrue(Files.exists(results.resolve(stack + "-rois.zip")));
			assertTrue(Files.exists(results.resolve(stack + "-tracks.csv")));
		}
		assertEquals(0.5, ImageFiles.open(results.resolve("b-labels.tif")).getCalibration().pixelWidth);
		assertFalse(Files.exists(results.resolve("c-labels.tif")));
		assertTrue(run.printed().contains("skipped c.tif"), run.printed());
		final List<String> summary = Files.readAllLines(results.resolve("batch-summary.csv"));
		assertEquals("image,objects,frames,seconds", summary.get(0));
		assertEquals(3, summary.size());
		assertTrue(summary.get(1).startsWith("a.tif,2,6,"), summary.get(1));
		assertTrue(summary.get(2).startsWith("b.tif,2,6,"), summary.get(2));
	}

	/** The two discs of {@link TwoDiscs}: bright pixels, left half object 1, right half object 2. */
	private static LabelStack discs(final ImagePlus image) {
		final LabelStack truth = new LabelStack(TwoDiscs.SIZE, TwoDiscs.SIZE, TwoDiscs.FRAMES);
		for (int t = 0; t < TwoDiscs.FRAMES; t++)
			for (int y = 0; y < TwoDiscs.SIZE; y++)
				for (int x = 0; x < TwoDiscs.SIZE; x++)
					if (image.getStack().getProcessor(t + 1).get(x, y) > 100) truth.set(x, y, t, x < TwoDiscs.SIZE / 2 ? 1
						: 2);
		return truth;
	}

	static Map<Integer, Long> pixelCounts(final LabelStack labels) {
		final Map<Integer, Long> counts = new TreeMap<>();
		for (int t = 0; t < labels.frames(); t++)
			for (final int v : labels.frame(t))
				if (v != 0) counts.merge(v, 1L, Long::sum);
		return counts;
	}

	static SortedSet<Integer> allFrames(final int frames) {
		final SortedSet<Integer> all = new TreeSet<>();
		for (int t = 0; t < frames; t++)
			all.add(t);
		return all;
	}
}
