package sc.fiji.mivos.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import ij.ImagePlus;
import sc.fiji.mivos.core.CancelToken;
import sc.fiji.mivos.core.EngineSettings;
import sc.fiji.mivos.core.FrameSource;
import sc.fiji.mivos.core.FrameWindow;
import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.core.MivosException;
import sc.fiji.mivos.core.eval.Auc;
import sc.fiji.mivos.core.eval.InteractionProtocol;
import sc.fiji.mivos.engine.RobotEvaluation;
import sc.fiji.mivos.engine.RobotEvaluation.FrameChoice;
import sc.fiji.mivos.engine.RobotEvaluation.Method;
import sc.fiji.mivos.engine.RobotEvaluation.Outcome;
import sc.fiji.mivos.engine.RobotEvaluation.Round;
import sc.fiji.mivos.ij.ImagePlusImgs;
import sc.fiji.mivos.io.ImageFiles;
import sc.fiji.mivos.io.gt.GroundTruth;
import sc.fiji.mivos.io.gt.GroundTruthReader;
import sc.fiji.mivos.model.MivosNetworks;

/**
 * {@code ./mivos evaluate}: scores the engine on a sequence with ground truth, with a simulated user following the
 * DAVIS, cell or semi-supervised protocol, beside the baselines; writes {@code report.json} and
 * {@code report.html} and prints a one-line summary.
 */
final class EvaluateRun {

	private final CommandLine cl;
	private final PrintStream out;
	private final PrintStream err;

	EvaluateRun(final CommandLine cl, final PrintStream out, final PrintStream err) {
		this.cl = cl;
		this.out = out;
		this.err = err;
	}

	void run() {
		final Path images = cl.path("images", null);
		final Path gtPath = cl.path("gt", null);
		final Path outDir = cl.path("out", null);
		final InteractionProtocol protocol = InteractionProtocol.parse(cl.string("protocol", "davis"));
		final int interactions = cl.integer("interactions", protocol.interactions());
		final int maxObjects = cl.integer("max-objects", 0);
		final String range = cl.string("frames", null);
		final FrameChoice choice = FrameChoice.parse(cl.string("frame-choice", "oracle"));
		final boolean baselines = yesNo(cl.string("baselines", "yes"));
		final long seed = cl.integer("seed", 1);
		final int channel = cl.integer("channel", 1);
		final int slice = cl.integer("slice", 1);
		final EngineSettings settings = EngineOptions.read(cl);
		cl.rejectUnknown();
		if (images == null || gtPath == null || outDir == null) throw new MivosException(
			"./mivos evaluate needs --images PATH --gt PATH --out DIR");
		if (interactions < 1) throw new MivosException("--interactions must be at least 1");
		if (maxObjects < 0) throw new MivosException("--max-objects must be 0 (all) or more");

		final ImagePlus imp = ImageFiles.open(images);
		FrameSource frames = ImagePlusImgs.frameSource(imp, channel, slice, settings.lowPercentile(), settings
			.highPercentile());
		final GroundTruth gt = GroundTruthReader.read(gtPath, frames.width(), frames.height(), frames.frames());
		gt.notes().forEach(n -> err.println("mivos: ground truth: " + n));
		LabelStack truth = gt.labels();
		SortedSet<Integer> scored = gt.annotatedFrames();
		int offset = 0;
		if (range != null) {
			final int[] ab = frameRange(range, frames.frames());
			frames = new FrameWindow(frames, ab[0], ab[1]);
			truth = FrameWindow.labels(truth, ab[0], ab[1]);
			final SortedSet<Integer> shifted = new TreeSet<>();
			for (final int t : scored.subSet(ab[0], ab[1] + 1))
				shifted.add(t - ab[0]);
			scored = shifted;
			offset = ab[0];
		}
		if (maxObjects > 0) truth = largestObjects(truth, scored, maxObjects);
		final int objects = objectsIn(truth, scored).size();
		err.println(String.format("mivos: evaluate %s: %dx%d, %d frames (%d with ground truth, layout %s), %d " +
			"objects, protocol %s, frame choice %s", images, frames.width(), frames.height(), frames.frames(), scored
				.size(), gt.layout(), objects, protocol.id(), choice.id()));

		final List<Method> methods = new ArrayList<>(List.of(Method.FULL));
		if (baselines) {
			if (!protocol.usesMasks()) methods.add(Method.NO_FUSION);
			methods.add(Method.NO_PROPAGATION);
		}
		final Map<Method, Outcome> outcomes = new LinkedHashMap<>();
		final Map<String, Object> report = new LinkedHashMap<>();
		try (MivosNetworks nets = MivosNetworks.load(settings)) {
			if (nets.deviceWarning() != null) err.println("mivos: " + nets.deviceWarning());
			final RobotEvaluation evaluation = new RobotEvaluation(nets, frames, settings, truth, scored);
			for (final Method m : methods)
				outcomes.put(m, evaluation.run(m, protocol, interactions, choice, seed, new ConsoleProgress(err),
					new CancelToken()));
			report.put("model", nets.modelName() + " " + nets.modelVersion());
			report.put("device", nets.device().name().toLowerCase(Locale.ROOT));
		}
		report.put("images", images.toString());
		report.put("gt", gtPath.toString());
		report.put("gt_layout", gt.layout());
		report.put("gt_consistent_ids", gt.consistentIds());
		report.put("width", frames.width());
		report.put("height", frames.height());
		report.put("frames", frames.frames());
		report.put("first_frame", offset + 1);
		report.put("scored_frames", scored.size());
		report.put("objects", objects);
		report.put("protocol", protocol.id());
		report.put("frame_choice", choice.id());
		report.put("seed", seed);
		report.put("settings", settings.toString());
		final double maxSeconds = outcomes.values().stream().mapToDouble(o -> o.rounds().isEmpty() ? 0 : o.rounds()
			.get(o.rounds().size() - 1).seconds()).max().orElse(1);
		final Map<String, Object> perMethod = new LinkedHashMap<>();
		for (final Outcome o : outcomes.values())
			perMethod.put(o.method().id(), methodReport(o, maxSeconds, offset));
		report.put("methods", perMethod);

		final Outcome full = outcomes.get(Method.FULL);
		final Round last = full.rounds().get(full.rounds().size() - 1);
		final String summary = String.format(Locale.ROOT,
			"J&F=%.3f J=%.3f F=%.3f SEG=%.3f AUC=%.3f frames=%d objects=%d s/frame=%.2f", last.scores().jf(), last
				.scores().j(), last.scores().f(), last.scores().seg(), Auc.overRounds(full.jfPerRound()), frames.frames(),
			objects, full.secondsPerFrame());
		report.put("summary", summary);
		JsonFile.write(report, outDir.resolve("report.json"));
		EvaluationHtml.write(report, outcomes, offset, outDir.resolve("report.html"));
		for (final Outcome o : outcomes.values())
			if (o.method() != Method.FULL) err.println(String.format(Locale.ROOT, "mivos: %-15s J&F=%.3f", o.method()
				.id(), o.rounds().get(o.rounds().size() - 1).scores().jf()));
		out.println(summary);
	}

	private static Map<String, Object> methodReport(final Outcome o, final double maxSeconds, final int offset) {
		final Map<String, Object> m = new LinkedHashMap<>();
		final List<Map<String, Object>> rounds = new ArrayList<>();
		for (final Round r : o.rounds()) {
			final Map<String, Object> round = new LinkedHashMap<>();
			round.put("interaction", r.interaction());
			round.put("frame", r.frame() + 1 + offset);
			round.put("new_frame", r.newFrame());
			if (r.oracleFrame() >= 0) {
				round.put("oracle_frame", r.oracleFrame() + 1 + offset);
				round.put("chosen_frame_j_before", r.chosenFrameJ());
				round.put("oracle_frame_j_before", r.oracleFrameJ());
			}
			round.put("seconds", r.seconds());
			round.put("frames_propagated", r.framesPropagated());
			round.putAll(r.scores().toMap());
			rounds.add(round);
		}
		final double[] seconds = o.rounds().stream().mapToDouble(Round::seconds).toArray();
		final Round last = o.rounds().get(o.rounds().size() - 1);
		m.put("j", last.scores().j());
		m.put("f", last.scores().f());
		m.put("jf", last.scores().jf());
		m.put("seg", last.scores().seg());
		m.put("auc_rounds", Auc.overRounds(o.jfPerRound()));
		m.put("auc_time", Auc.overTime(seconds, o.jfPerRound(), maxSeconds));
		m.put("seconds_total", last.seconds());
		m.put("seconds_per_frame", o.secondsPerFrame());
		m.put("stage_ms", o.stageMs());
		m.put("stage_calls", o.stageCalls());
		m.put("rounds", rounds);
		return m;
	}

	/** Keeps the {@code n} objects with the most annotated pixels; the others become background. */
	private static LabelStack largestObjects(final LabelStack truth, final SortedSet<Integer> scored, final int n) {
		final Map<Integer, Long> area = new HashMap<>();
		for (final int t : scored)
			for (final int v : truth.frame(t))
				if (v != 0) area.merge(v, 1L, Long::sum);
		final List<Integer> ids = new ArrayList<>(area.keySet());
		ids.sort((a, b) -> area.get(b).equals(area.get(a)) ? Integer.compare(a, b) : Long.compare(area.get(b), area
			.get(a)));
		final SortedSet<Integer> keep = new TreeSet<>(ids.subList(0, Math.min(n, ids.size())));
		final LabelStack out = new LabelStack(truth.width(), truth.height(), truth.frames());
		for (int t = 0; t < truth.frames(); t++) {
			final int[] f = truth.frame(t);
			for (int i = 0; i < f.length; i++)
				if (!keep.contains(f[i])) f[i] = 0;
			out.setFrame(t, f);
		}
		return out;
	}

	private static SortedSet<Integer> objectsIn(final LabelStack truth, final SortedSet<Integer> scored) {
		final SortedSet<Integer> ids = new TreeSet<>();
		for (final int t : scored)
			for (final int v : truth.frame(t))
				if (v != 0) ids.add(v);
		return ids;
	}

	/** @return 0-based {first, last} from a 1-based inclusive {@code A:B} ({@code A:} = to the end) */
	static int[] frameRange(final String range, final int frames) {
		final String[] parts = range.split(":", -1);
		try {
			if (parts.length != 2) throw new NumberFormatException();
			final int a = parts[0].isBlank() ? 1 : Integer.parseInt(parts[0].trim());
			final int b = parts[1].isBlank() ? frames : Integer.parseInt(parts[1].trim());
			if (a < 1 || b > frames || a > b) throw new MivosException("--frames " + range +
				" is not within the sequence's frames 1:" + frames);
			return new int[] { a - 1, b - 1 };
		}
		catch (final NumberFormatException e) {
			throw new MivosException("--frames must look like 1:20, not '" + range + "'");
		}
	}

	private static boolean yesNo(final String v) {
		return switch (v.trim().toLowerCase(Locale.ROOT)) {
			case "yes", "true", "on" -> true;
			case "no", "false", "off" -> false;
			default -> throw new MivosException("--baselines must be yes or no, not '" + v + "'");
		};
	}
}
