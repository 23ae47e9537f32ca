package sc.fiji.mivos.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import sc.fiji.mivos.core.CancelToken;
import sc.fiji.mivos.core.EngineSettings;
import sc.fiji.mivos.core.MivosException;
import sc.fiji.mivos.core.Polarity;
import sc.fiji.mivos.core.ProgressListener;
import sc.fiji.mivos.core.Scribble;
import sc.fiji.mivos.core.ScribbleSet;
import sc.fiji.mivos.engine.InteractionSession;
import sc.fiji.mivos.engine.PropagationResult;
import sc.fiji.mivos.io.ReportJson;
import sc.fiji.mivos.model.MivosNetworks;

/**
 * {@code ./mivos bench}: speed of every network stage and of propagation with 1, 4 and 16 objects on a synthetic
 * sequence, and the peak resident memory of the process.
 */
final class BenchRun {

	private static final int[] OBJECT_COUNTS = { 1, 4, 16 };
	private static final int S2M_REPEATS = 7;

	private final CommandLine cl;
	private final PrintStream out;
	private final PrintStream err;

	BenchRun(final CommandLine cl, final PrintStream out, final PrintStream err) {
		this.cl = cl;
		this.out = out;
		this.err = err;
	}

	void run() {
		final Path json = cl.path("json", null);
		final int size = cl.integer("size", 512);
		final int frames = cl.integer("frames", 16);
		// NB: fusion is timed too, so it is on whatever the default.
		final EngineSettings settings = EngineOptions.read(cl).toBuilder().optProcessingSize(Math.max(size,
			EngineSettings.defaults().processingSize())).optFusion(true).build();
		cl.rejectUnknown();
		if (size < 32 || frames < 4) throw new MivosException("bench needs --size ≥ 32 and --frames ≥ 4");

		final Map<String, Object> report = new LinkedHashMap<>();
		try (MivosNetworks nets = MivosNetworks.load(settings)) {
			if (nets.deviceWarning() != null) err.println("mivos: " + nets.deviceWarning());
			report.put("model", nets.modelName() + " " + nets.modelVersion());
			report.put("device", nets.device().name().toLowerCase(Locale.ROOT));
			report.put("threads", settings.threads() == 0 ? Runtime.getRuntime().availableProcessors() : settings
				.threads());
			report.put("size", size);
			report.put("frames", frames);
			err.println("mivos: bench " + report);
			report.putAll(stageTimes(nets, settings, size, frames));
			final Map<String, Double> fps = new LinkedHashMap<>();
			for (final int n : OBJECT_COUNTS)
				fps.put(Integer.toString(n), propagationFps(nets, settings, size, frames, n));
			report.put("propagation_fps", fps);
		}
		report.put("peak_rss_mb", peakRssMb());
		out.println(format(report));
		if (json != null) ReportJson.write(report, json);
	}

	/** S2M latency (median wall time of a whole interaction) and mean time per call of every stage, one object. */
	private Map<String, Object> stageTimes(final MivosNetworks nets, final EngineSettings settings, final int size,
		final int frames)
	{
		final SyntheticDiscs stack = new SyntheticDiscs(size, frames, 1, 7);
		final Map<String, Object> times = new LinkedHashMap<>();
		try (InteractionSession session = new InteractionSession(nets, stack, settings)) {
			final ScribbleSet scribbles = stack.scribbles();
			final double[] s2m = new double[S2M_REPEATS];
			session.interact(0, scribbles); // warm-up
			for (int i = 0; i < S2M_REPEATS; i++) {
				final long t0 = System.nanoTime();
				session.interact(0, scribbles);
				s2m[i] = (System.nanoTime() - t0) / 1e6;
			}
			Arrays.sort(s2m);
			session.propagate(quiet(), new CancelToken());
			// A correction on the last frame makes the next round fuse the frames in between.
			session.interact(frames - 1, correction(session, frames - 1));
			session.propagate(quiet(), new CancelToken());
			times.put("s2m_ms", s2m[S2M_REPEATS / 2]);
			final Map<String, Double> stages = session.timings().asMap();
			for (final String key : List.of("key_ms", "value_ms", "segment_ms", "fusion_ms"))
				times.put(key, stages.getOrDefault(key, Double.NaN));
		}
		return times;
	}

	/** A positive stroke on the object's mask centre row in {@code frame}, as a user's correction would be. */
	private static ScribbleSet correction(final InteractionSession session, final int frame) {
		final int[] labels = session.labels(frame);
		final int w = session.labels().width();
		for (int i = labels.length / 2; i < labels.length; i++)
			if (labels[i] == 1) return new ScribbleSet(List.of(new Scribble(frame, 1, Polarity.POSITIVE, new int[] {
				i % w, Math.min(w - 1, i % w + 1) }, new int[] { i / w, i / w })));
		return new ScribbleSet(List.of(new Scribble(frame, 1, Polarity.POSITIVE, new int[] { w / 2 }, new int[] {
			w / 2 })));
	}

	/** @return frames per second of propagation with {@code objects} objects tracked together */
	private double propagationFps(final MivosNetworks nets, final EngineSettings settings, final int size,
		final int frames, final int objects)
	{
		final SyntheticDiscs stack = new SyntheticDiscs(size, frames, objects, 11);
		try (InteractionSession session = new InteractionSession(nets, stack, settings)) {
			session.interact(0, stack.scribbles());
			final PropagationResult r = session.propagate(quiet(), new CancelToken());
			final double fps = r.framesDone() * 1000.0 / Math.max(1, r.millis());
			err.println(String.format("mivos: %d object(s): %d frames in %.1f s = %.2f frames/s", objects, r
				.framesDone(), r.millis() / 1000.0, fps));
			return fps;
		}
	}

	private static ProgressListener quiet() {
		return (status, done, total) -> {};
	}

	/** @return the process's peak resident set size in MiB (Linux), or -1 when unknown */
	static double peakRssMb() {
		try {
			for (final String line : Files.readAllLines(Paths.get("/proc/self/status")))
				if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
		}
		catch (final IOException | NumberFormatException e) {
			// not Linux: reported as unknown
		}
		return -1;
	}

	private static String format(final Map<String, Object> r) {
		final StringBuilder sb = new StringBuilder();
		sb.append(String.format("model %s on %s, %s threads, %dx%d%n", r.get("model"), r.get("device"), r.get(
			"threads"), (Integer) r.get("size"), (Integer) r.get("size")));
		for (final String k : List.of("s2m_ms", "key_ms", "value_ms", "segment_ms", "fusion_ms"))
			sb.append(String.format("  %-11s %8.1f ms%n", k, ((Number) r.get(k)).doubleValue()));
		@SuppressWarnings("unchecked")
		final Map<String, Double> fps = (Map<String, Double>) r.get("propagation_fps");
		fps.forEach((n, v) -> sb.append(String.format("  propagation %3s object(s) %6.2f frames/s%n", n, v)));
		sb.append(String.format("  peak_rss_mb %8.0f", (Double) r.get("peak_rss_mb")));
		return sb.toString();
	}
}
