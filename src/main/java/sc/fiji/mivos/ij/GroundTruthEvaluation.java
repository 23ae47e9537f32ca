package sc.fiji.mivos.ij;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;

import ij.ImagePlus;
import sc.fiji.mivos.core.CancelToken;
import sc.fiji.mivos.core.EngineSettings;
import sc.fiji.mivos.core.FrameSource;
import sc.fiji.mivos.core.FrameWindow;
import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.core.MivosException;
import sc.fiji.mivos.core.ProgressListener;
import sc.fiji.mivos.core.eval.Auc;
import sc.fiji.mivos.core.eval.InteractionProtocol;
import sc.fiji.mivos.engine.RobotEvaluation.FrameChoice;
import sc.fiji.mivos.engine.RobotEvaluation.Method;
import sc.fiji.mivos.engine.RobotEvaluation.Outcome;
import sc.fiji.mivos.engine.RobotEvaluation.Round;
import sc.fiji.mivos.engine.RobotEvaluation;
import sc.fiji.mivos.io.LabelTiffWriter;
import sc.fiji.mivos.io.ReportJson;
import sc.fiji.mivos.io.gt.GroundTruth;
import sc.fiji.mivos.io.gt.GroundTruthReader;
import sc.fiji.mivos.model.MivosNetworks;

/**
 * Scores the engine on an image with ground truth, the way {@code ./mivos evaluate} and the <em>Evaluate against
 * ground truth</em> command do: a simulated user follows a protocol, the full method runs beside the baselines, and
 * {@code report.json}, {@code report.html} and {@code labels-<method>.tif} per method are written. The image is
 * only read.
 */
public final class GroundTruthEvaluation {

	/**
	 * What to evaluate.
	 *
	 * @param interactions number of interactions (ignored by {@code semi})
	 * @param maxObjects keep only the this many largest ground-truth objects; 0 = all
	 * @param firstFrame 0-based first frame evaluated
	 * @param lastFrame 0-based last frame evaluated, inclusive; -1 = the last frame
	 * @param channels the input channel(s) of a hyperstack
	 * @param slice 1-based Z slice of a hyperstack
	 */
	public record Options(InteractionProtocol protocol, int interactions, int maxObjects, int firstFrame,
		int lastFrame, FrameChoice frameChoice, boolean baselines, long seed, InputChannels channels, int slice)
	{

		public Options {
			if (interactions < 1) throw new MivosException("The number of interactions must be at least 1");
			if (maxObjects < 0) throw new MivosException("The object cap must be 0 (all) or more");
		}

		/** Options with one 1-based input channel. */
		public Options(final InteractionProtocol protocol, final int interactions, final int maxObjects,
			final int firstFrame, final int lastFrame, final FrameChoice frameChoice, final boolean baselines,
			final long seed, final int channel, final int slice)
		{
			this(protocol, interactions, maxObjects, firstFrame, lastFrame, frameChoice, baselines, seed, InputChannels
				.single(channel), slice);
		}
	}

	private GroundTruthEvaluation() {}

	/**
	 * @param notes receives one-line remarks (how the ground truth was read, baseline scores)
	 * @return the report written to {@code outDir/report.json}; its {@code summary} is the one-line result
	 */
	public static Map<String, Object> run(final ImagePlus image, final Path gtPath, final EngineSettings settings,
		final MivosNetworks nets, final Options options, final Path outDir, final ProgressListener progress,
		final CancelToken cancel, final Consumer<String> notes)
	{
		FrameSource frames = ImagePlusImgs.frameSource(image, options.channels(), options.slice(), settings
			.lowPercentile(), settings.highPercentile());
		final GroundTruth gt = GroundTruthReader.read(gtPath, frames.width(), frames.height(), frames.frames());
		gt.notes().forEach(n -> notes.accept("ground truth: " + n));
		final int first = options.firstFrame();
		final int last = options.lastFrame() < 0 ? frames.frames() - 1 : options.lastFrame();
		frames = new FrameWindow(frames, first, last);
		LabelStack truth = FrameWindow.labels(gt.labels(), first, last);
		final SortedSet<Integer> scored = new TreeSet<>();
		for (final int t : gt.annotatedFrames().subSet(first, last + 1))
			scored.add(t - first);
		if (options.maxObjects() > 0) truth = largestObjects(truth, scored, options.maxObjects());
		final int objects = objectsIn(truth, scored).size();
		final InteractionProtocol protocol = options.protocol();
		notes.accept(String.format(Locale.ROOT, "evaluating %s: %dx%d, %d frames (%d with ground truth, layout %s), " +
			"%d objects, protocol %s, frame choice %s", image.getTitle(), frames.width(), frames.height(), frames
				.frames(), scored.size(), gt.layout(), objects, protocol.id(), options.frameChoice().id()));

		final List<Method> methods = new ArrayList<>(List.of(Method.FULL));
		if (options.baselines()) {
			if (!protocol.usesMasks()) methods.add(Method.NO_FUSION);
			methods.add(Method.NO_PROPAGATION);
		}
		final Map<Method, Outcome> outcomes = new LinkedHashMap<>();
		final RobotEvaluation evaluation = new RobotEvaluation(nets, frames, settings, truth, scored);
		for (final Method m : methods)
			outcomes.put(m, evaluation.run(m, protocol, options.interactions(), options.frameChoice(), options.seed(),
				progress, cancel));

		final Map<String, Object> report = new LinkedHashMap<>();
		report.put("images", image.getTitle());
		report.put("gt", gtPath.toString());
		report.put("gt_layout", gt.layout());
		report.put("gt_consistent_ids", gt.consistentIds());
		report.put("model", nets.modelName() + " " + nets.modelVersion());
		report.put("device", nets.device().name().toLowerCase(Locale.ROOT));
		report.put("width", frames.width());
		report.put("height", frames.height());
		report.put("frames", frames.frames());
		report.put("first_frame", first + 1);
		report.put("scored_frames", scored.size());
		report.put("objects", objects);
		report.put("protocol", protocol.id());
		report.put("frame_choice", options.frameChoice().id());
		report.put("seed", options.seed());
		report.put("settings", settings.toString());
		final double maxSeconds = outcomes.values().stream().mapToDouble(o -> o.rounds().isEmpty() ? 0 : o.rounds()
			.get(o.rounds().size() - 1).seconds()).max().orElse(1);
		final Map<String, Object> perMethod = new LinkedHashMap<>();
		for (final Outcome o : outcomes.values())
			perMethod.put(o.method().id(), methodReport(o, maxSeconds, first));
		report.put("methods", perMethod);
		final Outcome full = outcomes.get(Method.FULL);
		if (full.rounds().isEmpty()) throw new MivosException("The evaluation was canceled before its first round");
		final Round end = full.rounds().get(full.rounds().size() - 1);
		report.put("summary", String.format(Locale.ROOT,
			"J&F=%.3f J=%.3f F=%.3f SEG=%.3f AUC=%.3f frames=%d objects=%d s/frame=%.2f", end.scores().jf(), end
				.scores().j(), end.scores().f(), end.scores().seg(), Auc.overRounds(full.jfPerRound()), frames.frames(),
			objects, full.secondsPerFrame()));
		ReportJson.write(report, outDir.resolve("report.json"));
		for (final Outcome o : outcomes.values()) {
			final String name = "labels-" + o.method().id();
			LabelTiffWriter.write(LabelImages.toImagePlus(o.labels(), name, image), outDir.resolve(name + ".tif"));
		}
		EvaluationHtml.write(report, outcomes, first, outDir.resolve("report.html"));
		for (final Outcome o : outcomes.values())
			if (o.method() != Method.FULL && !o.rounds().isEmpty()) notes.accept(String.format(Locale.ROOT,
				"%-15s J&F=%.3f", o.method().id(), o.rounds().get(o.rounds().size() - 1).scores().jf()));
		return report;
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
}
