package sc.fiji.mivos.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import sc.fiji.mivos.core.CancelToken;
import sc.fiji.mivos.core.EngineSettings;
import sc.fiji.mivos.core.FrameSource;
import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.core.MivosException;
import sc.fiji.mivos.core.ProgressListener;
import sc.fiji.mivos.core.eval.EvaluationScores;
import sc.fiji.mivos.core.eval.FrameChooser;
import sc.fiji.mivos.core.eval.InteractionHistory;
import sc.fiji.mivos.core.eval.InteractionProtocol;
import sc.fiji.mivos.core.eval.InteractionStep;
import sc.fiji.mivos.core.eval.ScribbleRobot;
import sc.fiji.mivos.model.MivosNetworks;

/**
 * Runs a simulated user against the engine on a sequence with ground truth: each interaction the protocol decides
 * (frame, strokes or masks) is applied to a fresh session, the result is scored against the ground truth, and the
 * rounds are returned with their scores and times. Also runs the baselines the full method is compared with.
 */
public final class RobotEvaluation {

	/** What is evaluated: the full method or one of the baselines. */
	public enum Method {
		/** S2M, propagation and difference-aware fusion. */
		FULL("mivos"),
		/** S2M and propagation; between two interactions each round blends with the earlier one by temporal distance. */
		NO_FUSION("no_fusion"),
		/** S2M on the interacted frames only; every other frame copies the nearest interacted frame. */
		NO_PROPAGATION("no_propagation");

		private final String id;

		Method(final String id) {
			this.id = id;
		}

		public String id() {
			return id;
		}
	}

	/** How the robot picks a new frame to correct. */
	public enum FrameChoice {
		/** The frame with the lowest J against the ground truth. */
		ORACLE,
		/** The engine's own suggestion ({@link InteractionSession#suggestFrame()}), as a user would see it. */
		SUGGEST;

		public static FrameChoice parse(final String s) {
			for (final FrameChoice c : values())
				if (c.name().equalsIgnoreCase(s == null ? "" : s.trim())) return c;
			throw new MivosException("Unknown frame choice '" + s + "': use oracle or suggest");
		}

		public String id() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/**
	 * One interaction and the state after it.
	 *
	 * @param frame 0-based frame interacted with
	 * @param oracleFrame for rounds on a new frame, the frame the oracle would pick (else -1)
	 * @param chosenFrameJ mean J of the chosen frame before this round (NaN at the first interaction)
	 * @param oracleFrameJ mean J of the oracle's frame before this round (NaN when there was no choice)
	 * @param seconds engine time of all rounds so far
	 * @param framesPropagated frames written by propagation in this round
	 */
	public record Round(int interaction, int frame, boolean newFrame, int oracleFrame, double chosenFrameJ,
		double oracleFrameJ, EvaluationScores scores, double seconds, int framesPropagated, long propagationMillis)
	{}

	/** All rounds of one method, the final labels and the mean time per stage call. */
	public record Outcome(Method method, List<Round> rounds, LabelStack labels, Map<String, Double> stageMs,
		Map<String, Long> stageCalls)
	{

		/** @return J&amp;F after every round */
		public double[] jfPerRound() {
			return rounds.stream().mapToDouble(r -> r.scores().jf()).toArray();
		}

		/** @return propagation seconds per propagated frame over all rounds; NaN when nothing was propagated */
		public double secondsPerFrame() {
			final long frames = rounds.stream().mapToLong(Round::framesPropagated).sum();
			final long millis = rounds.stream().mapToLong(Round::propagationMillis).sum();
			return frames == 0 ? Double.NaN : millis / 1000.0 / frames;
		}
	}

	private final MivosNetworks networks;
	private final FrameSource frames;
	private final EngineSettings settings;
	private final LabelStack truth;
	private final SortedSet<Integer> scored;

	/**
	 * @param truth ground truth, same size as {@code frames}; 0 where unannotated
	 * @param scored 0-based frames that carry ground truth
	 */
	public RobotEvaluation(final MivosNetworks networks, final FrameSource frames, final EngineSettings settings,
		final LabelStack truth, final SortedSet<Integer> scored)
	{
		if (truth.width() != frames.width() || truth.height() != frames.height() || truth.frames() != frames
			.frames()) throw new MivosException("The ground truth (" + truth.width() + "x" + truth.height() + ", " +
				truth.frames() + " frames) does not match the images (" + frames.width() + "x" + frames.height() + ", " +
				frames.frames() + " frames)");
		if (scored.isEmpty()) throw new MivosException("The ground truth annotates no frame");
		this.networks = networks;
		this.frames = frames;
		this.settings = settings;
		this.truth = truth;
		this.scored = scored;
	}

	/**
	 * @param interactions number of interactions (the protocol's own count for {@code semi})
	 * @param seed seed of the simulated user's strokes
	 */
	public Outcome run(final Method method, final InteractionProtocol protocol, final int interactions,
		final FrameChoice choice, final long seed, final ProgressListener progress, final CancelToken cancel)
	{
		final int rounds = protocol.usesMasks() ? protocol.interactions() : interactions;
		final EngineSettings s = settings.toBuilder().optFusion(method == Method.FULL).build();
		final ScribbleRobot robot = new ScribbleRobot(seed);
		final List<Round> done = new ArrayList<>();
		InteractionHistory history = InteractionHistory.empty();
		LabelStack predicted = new LabelStack(frames.width(), frames.height(), frames.frames());
		double seconds = 0;
		try (InteractionSession session = new InteractionSession(networks, frames, s)) {
			for (int i = 1; i <= rounds && !cancel.isCanceled(); i++) {
				progress.progress(method.id() + ": interaction " + i + " of " + rounds, i - 1, rounds);
				final LabelStack before = predicted;
				final int[] oracle = { -1 };
				final InteractionStep step = protocol.next(i, truth, before, scored, history, robot, excluded -> {
					oracle[0] = FrameChooser.worstFrame(truth, before, scored, excluded);
					final int suggested = choice == FrameChoice.SUGGEST ? session.suggestFrame() : -1;
					return suggested >= 0 && scored.contains(suggested) && !excluded.contains(suggested) ? suggested
						: oracle[0];
				});
				final long start = System.nanoTime();
				final long[] propagation = apply(step, method, session, cancel);
				seconds += (System.nanoTime() - start) / 1e9;
				predicted = method == Method.NO_PROPAGATION ? nearestInteracted(session) : session.labels();
				final boolean chose = oracle[0] >= 0;
				done.add(new Round(i, step.frame(), step.newFrame(), oracle[0], i == 1 ? Double.NaN : frameJ(before,
					step.frame()), chose ? frameJ(before, oracle[0]) : Double.NaN, EvaluationScores.compute(truth,
						predicted, scored), seconds, (int) propagation[0], propagation[1]));
				history = history.after(step);
			}
			return new Outcome(method, done, predicted, session.timings().asMap(), calls(session.timings()));
		}
	}

	/** @return {frames propagated, propagation milliseconds} */
	private long[] apply(final InteractionStep step, final Method method, final InteractionSession session,
		final CancelToken cancel)
	{
		final long[] propagation = new long[2];
		final Runnable propagate = () -> {
			if (method == Method.NO_PROPAGATION) return;
			final PropagationResult r = session.propagate((text, d, t) -> {}, cancel);
			propagation[0] += r.framesDone();
			propagation[1] += r.millis();
		};
		for (final Map.Entry<Integer, int[]> e : step.masks().entrySet()) {
			// NB: objects starting on a later frame join the labels already propagated there.
			final int[] merged = session.labels(e.getKey());
			final int[] mask = e.getValue();
			for (int p = 0; p < merged.length; p++)
				if (mask[p] != 0) merged[p] = mask[p];
			session.setMasks(e.getKey(), merged);
			propagate.run();
		}
		if (!step.scribbles().isEmpty()) {
			session.interact(step.frame(), step.scribbles());
			propagate.run();
		}
		return propagation;
	}

	/** The no-propagation baseline: every frame takes the labels of the nearest interacted frame (earlier on a tie). */
	private LabelStack nearestInteracted(final InteractionSession session) {
		final LabelStack out = new LabelStack(frames.width(), frames.height(), frames.frames());
		final SortedSet<Integer> made = session.interactedFrames();
		if (made.isEmpty()) return out;
		final Map<Integer, int[]> cache = new LinkedHashMap<>();
		for (int t = 0; t < frames.frames(); t++) {
			final SortedSet<Integer> after = made.tailSet(t), beforeT = made.headSet(t);
			final int next = after.isEmpty() ? Integer.MAX_VALUE : after.first();
			final int prev = beforeT.isEmpty() ? Integer.MIN_VALUE / 2 : beforeT.last();
			final int source = t - prev <= next - t ? prev : next;
			out.setFrame(t, cache.computeIfAbsent(source, session::labels));
		}
		return out;
	}

	private double frameJ(final LabelStack predicted, final int frame) {
		final var perFrame = EvaluationScores.compute(truth, predicted, new TreeSet<>(List.of(frame)))
			.perFrame();
		return perFrame.isEmpty() ? Double.NaN : perFrame.values().iterator().next().j();
	}

	private static Map<String, Long> calls(final StageTimings timings) {
		final Map<String, Long> calls = new LinkedHashMap<>();
		for (final String stage : timings.asMap().keySet())
			calls.put(stage, timings.calls(stage));
		return calls;
	}
}
