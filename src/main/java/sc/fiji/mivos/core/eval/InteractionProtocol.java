package sc.fiji.mivos.core.eval;

import java.util.HashSet;
import java.util.Locale;
import java.util.SortedMap;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.core.MivosException;
import sc.fiji.mivos.core.ScribbleSet;

/**
 * How a simulated user interacts with a sequence during evaluation, and the decision of what to do next. A runner
 * (in a higher layer) loops {@code interaction = 1 .. interactions()}: it asks {@link #next} for the step, hands the
 * step to the engine, stores the new prediction and updates the history with {@link InteractionHistory#after}.
 * <ul>
 * <li>{@link #DAVIS}: 8 interactions. Interaction 1 draws first strokes ({@link ScribbleRobot#firstInteraction}) on
 * the scored frame with the most objects ({@link FrameChooser#firstFrame}). A new frame is chosen only at
 * interactions 1, 4 and 7 (the frame with the lowest mean J not interacted yet, {@link FrameChooser#worstFrame});
 * in between the corrections ({@link ScribbleRobot#correction}) go to the same frame.</li>
 * <li>{@link #CELLS}: like DAVIS, but whenever a frame is worked on, objects present there in the ground truth that
 * were never annotated (for example daughters after a division) get first strokes instead of corrections.</li>
 * <li>{@link #SEMI}: one round: the ground-truth mask of each object on the first scored frame where it appears is
 * given as input, and the engine only propagates.</li>
 * </ul>
 */
public enum InteractionProtocol {

	DAVIS("davis", 8), CELLS("cells", 8), SEMI("semi", 1);

	/** Interactions between two choices of a new frame in the scribble protocols. */
	private static final int FRAME_PERIOD = 3;

	private final String id;
	private final int interactions;

	InteractionProtocol(final String id, final int interactions) {
		this.id = id;
		this.interactions = interactions;
	}

	/**
	 * @param name {@code davis}, {@code cells} or {@code semi}, any case, surrounding spaces ignored
	 * @throws MivosException naming the valid protocols when {@code name} is none of them
	 */
	public static InteractionProtocol parse(final String name) {
		final String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
		for (final InteractionProtocol p : values())
			if (p.id.equals(key)) return p;
		throw new MivosException("Unknown interaction protocol '" + name + "': use davis, cells or semi");
	}

	/** @return the lower-case name used on the command line and in reports */
	public String id() {
		return id;
	}

	/** @return number of interactions of the protocol (8 for davis and cells, 1 for semi) */
	public int interactions() {
		return interactions;
	}

	/**
	 * @param interaction 1-based interaction number
	 * @return whether a new frame is chosen at this interaction: 1, 4, 7 (every third, continuing past
	 *         {@link #interactions()}) for the scribble protocols; only 1 for {@link #SEMI}
	 */
	public boolean newFrameAt(final int interaction) {
		checkInteraction(interaction);
		return this == SEMI ? interaction == 1 : (interaction - 1) % FRAME_PERIOD == 0;
	}

	/** @return whether the protocol gives ground-truth masks instead of scribbles */
	public boolean usesMasks() {
		return this == SEMI;
	}

	/**
	 * Decides the next interaction.
	 *
	 * @param interaction 1-based interaction number; must equal {@code history.interactions() + 1}; {@link #SEMI}
	 *          has only interaction 1
	 * @param gt ground truth (0 where no annotation)
	 * @param predicted the current prediction, same size; not read at interaction 1 or by {@link #SEMI} (may be
	 *          {@code null} there)
	 * @param scoredFrames 0-based frames that carry ground truth; frames are only chosen among these
	 * @param history what was done before
	 * @param robot draws the strokes (its random state advances)
	 * @return the frame, strokes and masks of this interaction
	 * @throws MivosException when there is no scored frame, or {@link #SEMI} finds no object
	 */
	public InteractionStep next(final int interaction, final LabelStack gt, final LabelStack predicted,
		final SortedSet<Integer> scoredFrames, final InteractionHistory history, final ScribbleRobot robot)
	{
		return next(interaction, gt, predicted, scoredFrames, history, robot, excluded -> FrameChooser.worstFrame(gt,
			predicted, scoredFrames, excluded));
	}

	/**
	 * Like {@link #next(int, LabelStack, LabelStack, SortedSet, InteractionHistory, ScribbleRobot)}, with the choice
	 * of a new frame (after interaction 1) left to {@code newFrame}, given the frames interacted with so far — for
	 * instance the engine's own suggestion instead of the ground-truth oracle.
	 */
	public InteractionStep next(final int interaction, final LabelStack gt, final LabelStack predicted,
		final SortedSet<Integer> scoredFrames, final InteractionHistory history, final ScribbleRobot robot,
		final ToIntFunction<Set<Integer>> newFrame)
	{
		checkInteraction(interaction);
		if (history.interactions() != interaction - 1) throw new IllegalArgumentException("interaction " +
			interaction + " after " + history.interactions() + " recorded interactions");
		if (this == SEMI) {
			if (interaction != 1) throw new IllegalArgumentException("the semi protocol has a single interaction");
			return firstMasks(gt, scoredFrames);
		}
		final int w = gt.width(), h = gt.height();
		if (interaction == 1) {
			final int frame = FrameChooser.firstFrame(gt, scoredFrames);
			final int[] g = gt.frame(frame);
			return new InteractionStep(1, frame, true, robot.firstInteraction(frame, g, w, h, ObjectIds.in(g)),
				new TreeMap<>());
		}
		final boolean isNew = newFrameAt(interaction);
		final int frame = isNew ? newFrame.applyAsInt(new HashSet<>(history.frames())) : history.lastFrame();
		final int[] g = gt.frame(frame), p = predicted.frame(frame);
		final SortedSet<Integer> objects = ObjectIds.in(g);
		objects.addAll(ObjectIds.in(p));
		ScribbleSet scribbles = ScribbleSet.empty();
		if (this == CELLS) {
			final SortedSet<Integer> fresh = ObjectIds.in(g);
			fresh.removeAll(history.annotatedObjects());
			scribbles = robot.firstInteraction(frame, g, w, h, fresh);
			objects.removeAll(fresh);
		}
		return new InteractionStep(interaction, frame, isNew, scribbles.with(robot.correction(frame, g, p, w, h,
			objects)), new TreeMap<>());
	}

	/** Each object's ground-truth mask on the first scored frame where it appears. */
	private static InteractionStep firstMasks(final LabelStack gt, final SortedSet<Integer> scoredFrames) {
		ScoredFrames.check(gt, scoredFrames);
		final SortedMap<Integer, int[]> masks = new TreeMap<>();
		final SortedSet<Integer> seen = new TreeSet<>();
		for (final int t : scoredFrames) {
			final int[] g = gt.frame(t);
			final SortedSet<Integer> fresh = ObjectIds.in(g);
			fresh.removeAll(seen);
			if (fresh.isEmpty()) continue;
			for (int i = 0; i < g.length; i++)
				if (!fresh.contains(g[i])) g[i] = 0;
			masks.put(t, g);
			seen.addAll(fresh);
		}
		if (masks.isEmpty()) throw new MivosException("The ground truth has no object to start from");
		return new InteractionStep(1, masks.firstKey(), true, ScribbleSet.empty(), masks);
	}

	private static void checkInteraction(final int interaction) {
		if (interaction < 1) throw new IllegalArgumentException("interactions are numbered from 1, got " +
			interaction);
	}
}
