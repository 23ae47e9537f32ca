package sc.fiji.mivos.ij.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.core.eval.EvaluationScores;
import sc.fiji.mivos.ij.LabelImages;
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
