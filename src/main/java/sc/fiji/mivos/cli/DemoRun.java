package sc.fiji.mivos.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import ij.ImagePlus;
import sc.fiji.mivos.core.EngineSettings;
import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.core.eval.EvaluationScores;
import sc.fiji.mivos.ij.ImageSegmentation;
import sc.fiji.mivos.ij.LabelImages;
import sc.fiji.mivos.ij.RoiScribbles;
import sc.fiji.mivos.io.ImageFiles;
import sc.fiji.mivos.io.ReportJson;
import sc.fiji.mivos.io.ScribbleFiles;

/**
 * {@code ./mivos demo}: segments the bundled sample stack from its stored scribbles on the embedded model, writes
 * {@code labels.tif}, {@code overlay.png} and {@code report.json}, and prints the IoU against the sample's ground
 * truth.
 */
final class DemoRun {

	static final String SAMPLE = "sample-stacks/nuclei-demo";

	private final CommandLine cl;
	private final PrintStream out;
	private final PrintStream err;

	DemoRun(final CommandLine cl, final PrintStream out, final PrintStream err) {
		this.cl = cl;
		this.out = out;
		this.err = err;
	}

	void run() {
		final Path home = Paths.get(System.getProperty("mivos.home", "."));
		final Path outDir = cl.path("out", home.resolve("out/demo").toString());
		final EngineSettings settings = EngineOptions.read(cl);
		cl.rejectUnknown();
		final Path sample = home.resolve(SAMPLE);
		final Path imagePath = sample.resolve("image.tif");
		final ImagePlus image = ImageFiles.open(imagePath);
		final LabelStack truth = LabelImages.toLabelStack(ImageFiles.open(sample.resolve("labels.tif")));
		final var scribbles = RoiScribbles.fromRois(ScribbleFiles.read(sample.resolve("scribbles.zip")), image);
		err.println("mivos: demo on " + sample + " (" + truth.frames() + " frames, " + scribbles.all().size() +
			" scribbles on frames " + scribbles.frames().stream().map(f -> f + 1).toList() + ")");

		final SegmentJob.Outcome outcome = new SegmentJob(image, imagePath, scribbles, Map.of(), settings, 1, 1).run(
			outDir.resolve("labels.tif"), outDir.resolve("overlay.png"), err);
		final ImageSegmentation.Result result = outcome.result();
		final EvaluationScores scores = EvaluationScores.compute(truth, result.labels(), allFrames(truth.frames()));

		final Map<String, Object> report = new LinkedHashMap<>();
		report.put("sample", SAMPLE);
		report.put("model", outcome.model());
		report.put("device", outcome.device());
		report.put("frames", result.labels().frames());
		report.put("width", result.labels().width());
		report.put("height", result.labels().height());
		report.put("objects", result.labels().objectIds().size());
		report.put("interacted_frames", scribbles.frames().stream().map(f -> f + 1).toList());
		report.put("mean_iou", scores.j());
		report.put("boundary_f", scores.f());
		report.put("jf", scores.jf());
		report.put("seg", scores.seg());
		report.put("scores", scores.toMap());
		report.put("seconds", result.millis() / 1000.0);
		report.put("stage_ms", result.timings().asMap());
		report.put("settings", settings.toString());
		ReportJson.write(report, outDir.resolve("report.json"));
		out.println(String.format("mean_iou=%.3f objects=%d frames=%d seconds=%.1f -> %s", scores.j(), result
			.labels().objectIds().size(), result.labels().frames(), result.millis() / 1000.0, outDir));
	}

	private static SortedSet<Integer> allFrames(final int frames) {
		final SortedSet<Integer> all = new TreeSet<>();
		for (int t = 0; t < frames; t++)
			all.add(t);
		return all;
	}
}
