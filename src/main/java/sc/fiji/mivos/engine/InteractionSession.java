package sc.fiji.mivos.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntConsumer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import sc.fiji.mivos.core.CancelToken;
import sc.fiji.mivos.core.EngineSettings;
import sc.fiji.mivos.core.FrameSource;
import sc.fiji.mivos.core.FusionSchedule;
import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.core.MivosException;
import sc.fiji.mivos.core.PixelRect;
import sc.fiji.mivos.core.Polarity;
import sc.fiji.mivos.core.ProgressListener;
import sc.fiji.mivos.core.PropagationPlan;
import sc.fiji.mivos.core.Resampler;
import sc.fiji.mivos.core.Scribble;
import sc.fiji.mivos.core.ScribbleSet;
import sc.fiji.mivos.core.StrokeRasterizer;
import sc.fiji.mivos.model.MivosNetworks;

/**
 * Interactive segmentation of one time-lapse, MiVOS style: the user corrects one frame ({@link #interact} with
 * scribbles, or {@link #setMasks} with a label image), then {@link #propagate} carries the correction through time,
 * bidirectionally, up to the neighbouring interacted frames, fusing it with the previous round where the two meet.
 * <p>
 * The session owns every piece of state: the label stack (full image size), the interacted frames with their labels
 * on the processing grid, a cache of per-frame key features (encoded once per frame, shared by all objects), and the
 * memory bank. Native memory is bounded: each step runs in its own NDManager scope, the feature cache and the memory
 * bank are capped. Not thread-safe: drive a session from one thread at a time. Close it to free native memory; the
 * networks stay open.
 */
public final class InteractionSession implements AutoCloseable {

	/** Byte budget of the per-frame feature cache. */
	static final long FEATURE_CACHE_BYTES = 512L << 20;
	/** Most frames in the per-frame feature cache. */
	static final int FEATURE_CACHE_FRAMES = 64;

	private final FrameSource frames;
	private final SessionContext ctx;
	private final Map<Integer, Interaction> interacted = new TreeMap<>();
	private final Map<Integer, int[]> before = new HashMap<>();
	private final boolean[] propagated;
	private int latest = -1;
	private int round;
	private long versions;
	private boolean closed;
	private IntConsumer frameObserver = t -> {};

	/**
	 * The state of an interacted frame.
	 *
	 * @param labels processing-grid labels
	 * @param ids objects present at full size
	 * @param version changes whenever the labels do
	 */
	private record Interaction(int[] labels, int[] ids, long version) {}

	/** The part of an interaction's S2M result that is kept: all of it, or only what lies inside a region. */
	private interface Keep {

		int[] apply(int[] old, int[] fresh);
	}

	/**
	 * @param nets the loaded networks (not closed by the session)
	 * @param frames the time-lapse, normalised to 0..1
	 * @param settings processing size, memory and top-k parameters, fusion on/off
	 * @throws MivosException when the image has a channel count the networks do not accept
	 */
	public InteractionSession(final MivosNetworks nets, final FrameSource frames, final EngineSettings settings) {
		if (frames.channels() != 1 && frames.channels() != 3) throw new MivosException("Images with " + frames
			.channels() + " channels are not supported; use 1 (grey) or 3 (RGB)");
		if (frames.frames() < 1) throw new MivosException("The image has no frames");
		this.frames = frames;
		final Resampler resampler = new Resampler(frames.width(), frames.height(), settings.processingSize());
		final NDManager manager = nets.newManager();
		final StageTimings timings = new StageTimings();
		final FeatureCache cache = new FeatureCache(frames, resampler, nets.keyEncoder(), manager, timings,
			FEATURE_CACHE_BYTES, FEATURE_CACHE_FRAMES);
		ctx = new SessionContext(nets, settings, resampler, manager, cache, new MemoryBank(manager), new LabelStack(
			frames.width(), frames.height(), frames.frames()), timings, new FrameDoubts(frames.frames()));
		propagated = new boolean[frames.frames()];
	}

	// -- Interaction --

	/**
	 * Segments one frame from scribbles with S2M. Every object named by a scribble, plus every object already present
	 * on the frame, is updated: its previous mask is the starting point, its positive strokes add to it, and its
	 * negative strokes, "bg" strokes and the other objects' positive strokes take away from it. The objects are then
	 * merged so that each pixel belongs to at most one. The result becomes this frame's interaction for
	 * {@link #propagate}.
	 *
	 * @param frame 0-based frame
	 * @param scribblesOnFrame scribbles, all on {@code frame}; not modified
	 * @return the frame's new labels, row-major at full image size (a copy)
	 * @throws MivosException when there are no scribbles, they lie elsewhere, or they name no object and the frame
	 *           has none
	 */
	public int[] interact(final int frame, final ScribbleSet scribblesOnFrame) {
		return interact(frame, scribblesOnFrame, (old, fresh) -> fresh);
	}

	/**
	 * Like {@link #interact(int, ScribbleSet)}, but only the pixels inside {@code region} change (local refinement):
	 * S2M still sees the whole frame, and outside the region the frame keeps its labels.
	 *
	 * @param region image pixels that may change; clipped to the image
	 * @throws MivosException as {@link #interact(int, ScribbleSet)}, or when the region lies outside the image
	 */
	public int[] interact(final int frame, final ScribbleSet scribblesOnFrame, final PixelRect region) {
		final PixelRect r = region.clip(frames.width(), frames.height());
		final int w = frames.width();
		return interact(frame, scribblesOnFrame, (old, fresh) -> {
			final int[] out = old.clone();
			for (int y = r.y(); y < r.y() + r.height(); y++)
				System.arraycopy(fresh, y * w + r.x(), out, y * w + r.x(), r.width());
			return out;
		});
	}

	private int[] interact(final int frame, final ScribbleSet scribblesOnFrame, final Keep keep) {
		checkOpen();
		checkFrame(frame);
		if (scribblesOnFrame.isEmpty()) throw new MivosException("No scribbles for the interaction on frame " +
			(frame + 1));
		for (final Scribble s : scribblesOnFrame.all())
			if (s.frame() != frame) throw new MivosException("A scribble on frame " + (s.frame() + 1) +
				" was given for the interaction on frame " + (frame + 1));
		scribblesOnFrame.validate(frames.width(), frames.height(), frames.frames());
		final int[] old = ctx.labels().frame(frame);
		final SortedSet<Integer> objects = new TreeSet<>(scribblesOnFrame.objectIds());
		for (final int id : ObjectMasks.presentIds(old))
			objects.add(id);
		if (objects.isEmpty()) throw new MivosException("The scribbles on frame " + (frame + 1) +
			" name no object and the frame has none; draw a positive scribble for an object");
		final int[] ids = objects.stream().mapToInt(Integer::intValue).toArray();
		final int[] oldProc = ctx.resampler().labelsToProcessing(old);
		final ObjectMasks.Decoded d;
		try (NDManager step = ctx.manager().newSubManager()) {
			final FrameFeatures f = ctx.cache().get(frame);
			final long start = System.nanoTime();
			final StrokeMaps strokes = new StrokeMaps(scribblesOnFrame, ids);
			final NDArray prev = ObjectMasks.masks(step, oldProc, ids, ctx.height(), ctx.width());
			final NDList logits = new NDList();
			for (final int[] b : ObjectMasks.batches(ids.length)) {
				final Shape shape = new Shape(b[1] - b[0], 1, ctx.height(), ctx.width());
				logits.add(ctx.nets().s2m().run(step, f.image(), ObjectMasks.rows(step, prev, b[0], b[1]), step.create(
					strokes.positive(b[0], b[1]), shape), step.create(strokes.negative(b[0], b[1]), shape)));
			}
			d = ObjectMasks.decode(ctx.aggregate(step, logits), ids);
			ctx.timings().record(StageTimings.S2M, start);
		}
		final int[] fresh = ctx.resampler().labelsToImage(d.labels(), d.confidence());
		final int[] labels = keep.apply(old, fresh);
		record(frame, old, oldProc, labels, labels == fresh ? d.labels() : ctx.resampler().labelsToProcessing(
			labels));
		return labels.clone();
	}

	/**
	 * Makes a label image the interaction on a frame, as if the user had drawn it.
	 *
	 * @param frame 0-based frame
	 * @param labels row-major labels at full image size, 0 = background; not modified
	 */
	public void setMasks(final int frame, final int[] labels) {
		checkOpen();
		checkFrame(frame);
		if (labels.length != frames.width() * frames.height()) throw new MivosException("The mask of frame " +
			(frame + 1) + " has " + labels.length + " pixels; the image has " + frames.width() + "x" + frames
				.height());
		for (final int v : labels)
			if (v < 0) throw new MivosException("The mask of frame " + (frame + 1) + " has a negative label " + v);
		final int[] old = ctx.labels().frame(frame);
		record(frame, old, ctx.resampler().labelsToProcessing(old), labels.clone(), ctx.resampler()
			.labelsToProcessing(labels));
	}

	private void record(final int frame, final int[] oldLabels, final int[] oldProc, final int[] labels,
		final int[] proc)
	{
		ctx.labels().setFrame(frame, labels);
		// NB: fusion compares with the state before the first interaction since the last propagation.
		before.putIfAbsent(frame, oldProc);
		interacted.put(frame, new Interaction(proc, ObjectMasks.presentIds(labels), ++versions));
		ctx.doubts().clear(frame);
		latest = frame;
		round++;
	}

	// -- Propagation --

	/**
	 * Propagates the latest interaction forward and backward until the neighbouring interacted frames or the ends of
	 * the sequence. Frames between the new interacted frame and an earlier one that an earlier round wrote are merged
	 * with that round: by the fusion network when fusion is on, else by temporal distance ({@link TemporalBlend}).
	 * Each frame is written as soon as it is done; cancel is checked between
	 * frames and keeps the frames already written.
	 *
	 * @throws MivosException when no frame was interacted with yet
	 */
	public PropagationResult propagate(final ProgressListener listener, final CancelToken cancel) {
		return propagate(0, frames.frames() - 1, listener, cancel);
	}

	/**
	 * Like {@link #propagate(ProgressListener, CancelToken)}, but writes only frames within the 0-based range
	 * {@code first..last}, which must contain the latest interacted frame.
	 *
	 * @throws MivosException when no frame was interacted with yet or the range misses the latest interaction
	 */
	public PropagationResult propagate(final int first, final int last, final ProgressListener listener,
		final CancelToken cancel)
	{
		checkOpen();
		if (latest < 0) throw new MivosException("Nothing to propagate: interact with a frame first");
		if (first < 0 || last >= frames.frames() || first > last) throw new MivosException("Frame range " + (first +
			1) + ".." + (last + 1) + " is not within frames 1.." + frames.frames());
		if (latest < first || latest > last) throw new MivosException("The latest interaction (frame " + (latest +
			1) + ") lies outside frames " + (first + 1) + ".." + (last + 1));
		final long start = System.currentTimeMillis();
		final int origin = latest;
		final PropagationPlan plan = PropagationPlan.of(origin, frames.frames(), interactedFrames(), first, last);
		final FusionSchedule schedule = FusionSchedule.of(plan);
		final int[] ids = objectIds().stream().mapToInt(Integer::intValue).toArray();
		final Propagator.Progress p;
		if (ids.length == 0) p = clear(plan, cancel, listener);
		else {
			rememberInteractedFrames(ids);
			try (RoundFusion fuser = schedule.size() == 0 ? null : roundFusion(ids, origin)) {
				p = new Propagator(ctx, ids, interactedFrames()).run(plan, fuser, schedule, propagated, listener,
					cancel, frameObserver);
			}
			finally {
				ctx.bank().retain(interacted.keySet());
			}
		}
		for (final int t : plan.forward().subList(0, Math.min(p.done, plan.forward().size())))
			propagated[t] = true;
		for (final int t : plan.backward().subList(0, Math.max(0, p.done - plan.forward().size())))
			propagated[t] = true;
		final boolean canceled = p.done < plan.size();
		if (!canceled) before.clear();
		final String message = (canceled ? "canceled after " + p.done + " of " + plan.size() + " frames"
			: "propagated " + p.done + " frames") + " from frame " + (origin + 1) + (p.fused > 0 ? " (" + p.fused +
				" fused)" : "");
		return new PropagationResult(origin, plan.size(), p.done, p.fused, canceled, message, System
			.currentTimeMillis() - start);
	}

	/** @return the merge of a round from {@code origin} with the previous one: the fusion network or the blend */
	private RoundFusion roundFusion(final int[] ids, final int origin) {
		if (!ctx.settings().fusion()) return new TemporalBlend(ctx, ids);
		final int[] now = interacted.get(origin).labels();
		return new Fuser(ctx, ids, origin, before.getOrDefault(origin, now), now);
	}

	/** Writes background on every planned frame: no object is left to propagate. */
	private Propagator.Progress clear(final PropagationPlan plan, final CancelToken cancel,
		final ProgressListener listener)
	{
		final Propagator.Progress p = new Propagator.Progress();
		final int[] empty = new int[frames.width() * frames.height()];
		final List<Integer> all = new ArrayList<>(plan.forward());
		all.addAll(plan.backward());
		for (final int t : all) {
			if (cancel.isCanceled()) break;
			ctx.labels().setFrame(t, empty);
			frameObserver.accept(t);
			p.done++;
			listener.progress("clearing", p.done, all.size());
		}
		return p;
	}

	/** Puts every interacted frame's key and values into the memory bank, re-encoding only what changed. */
	private void rememberInteractedFrames(final int[] ids) {
		final List<Integer> objects = new ArrayList<>();
		for (final int id : ids)
			objects.add(id);
		for (final Map.Entry<Integer, Interaction> e : interacted.entrySet()) {
			final int t = e.getKey();
			final Object tag = List.of(objects, e.getValue().version());
			if (ctx.bank().holds(t, tag)) continue;
			try (NDManager step = ctx.manager().newSubManager()) {
				final FrameFeatures f = ctx.cache().get(t);
				final NDArray masks = ObjectMasks.masks(step, e.getValue().labels(), ids, ctx.height(), ctx.width());
				final NDArray value = ctx.encodeValues(step, f, masks);
				ctx.bank().put(t, f.features().key().duplicate(), value, tag);
			}
		}
	}

	// -- Editing, undo and resume --

	/**
	 * Takes object {@code id} out of every frame and every interaction, as if it had never been segmented; the round
	 * count and the latest interaction stay.
	 *
	 * @return the 0-based frames whose labels changed
	 */
	public SortedSet<Integer> removeObject(final int id) {
		checkOpen();
		final SortedSet<Integer> changed = new TreeSet<>();
		for (int t = 0; t < frames.frames(); t++) {
			final int[] f = ctx.labels().frame(t);
			boolean hit = false;
			for (int i = 0; i < f.length; i++)
				if (f[i] == id) {
					f[i] = 0;
					hit = true;
				}
			if (hit) {
				ctx.labels().setFrame(t, f);
				changed.add(t);
			}
		}
		for (final Map.Entry<Integer, Interaction> e : interacted.entrySet()) {
			final Interaction i = e.getValue();
			if (Arrays.stream(i.ids()).noneMatch(v -> v == id)) continue;
			final int[] proc = i.labels().clone();
			for (int k = 0; k < proc.length; k++)
				if (proc[k] == id) proc[k] = 0;
			e.setValue(new Interaction(proc, ObjectMasks.presentIds(ctx.labels().frame(e.getKey())), ++versions));
		}
		return changed;
	}

	/** @return this session's bookkeeping now (without label frames and caches); see {@link SessionState} */
	public SessionState state() {
		checkOpen();
		final Map<Integer, SessionState.Interacted> out = new TreeMap<>();
		for (final Map.Entry<Integer, Interaction> e : interacted.entrySet())
			out.put(e.getKey(), new SessionState.Interacted(e.getValue().labels(), e.getValue().ids(), e.getValue()
				.version()));
		return new SessionState(ctx.width(), ctx.height(), out, before, propagated, latest, round, versions, ctx
			.doubts().values());
	}

	/**
	 * Returns to an earlier {@link #state()} of this session or of an equal session (same image, settings and
	 * networks), for undo, redo and resuming a saved session, and writes the label frames that differ. Memory
	 * entries made from interactions that no longer match are dropped; the memory is re-encoded from the
	 * interacted frames at the next propagation, so later rounds give what they would have given without the detour.
	 *
	 * @param frameLabels per 0-based frame, its labels at full size (row-major); frames not given keep theirs
	 * @throws MivosException when the state or a frame does not fit this session's image and processing grid
	 */
	public void restore(final SessionState state, final Map<Integer, int[]> frameLabels) {
		checkOpen();
		final int n = frames.frames();
		if (state.width() != ctx.width() || state.height() != ctx.height() || state.propagated().length != n || state
			.doubts().length != n) throw new MivosException("The saved state is for a " + state.width() + "x" + state
				.height() + " processing grid with " + state.propagated().length + " frames, not " + ctx.width() + "x" +
				ctx.height() + " with " + n);
		final int gridPixels = ctx.width() * ctx.height();
		for (final Map.Entry<Integer, SessionState.Interacted> e : state.interacted().entrySet()) {
			checkFrame(e.getKey());
			if (e.getValue().labels().length != gridPixels) throw new MivosException("The saved interaction on frame " +
				(e.getKey() + 1) + " is not on the processing grid");
		}
		for (final Map.Entry<Integer, int[]> e : frameLabels.entrySet()) {
			checkFrame(e.getKey());
			if (e.getValue().length != frames.width() * frames.height()) throw new MivosException("The labels of frame " +
				(e.getKey() + 1) + " do not match the " + frames.width() + "x" + frames.height() + " image");
		}
		for (final Map.Entry<Integer, int[]> e : frameLabels.entrySet())
			ctx.labels().setFrame(e.getKey(), e.getValue());
		interacted.clear();
		for (final Map.Entry<Integer, SessionState.Interacted> e : state.interacted().entrySet())
			interacted.put(e.getKey(), new Interaction(e.getValue().labels(), e.getValue().ids(), e.getValue()
				.version()));
		before.clear();
		before.putAll(state.before());
		System.arraycopy(state.propagated(), 0, propagated, 0, n);
		latest = state.latest();
		round = state.round();
		// NB: versions only grow, so a version never names two different masks in the memory bank.
		versions = Math.max(versions, state.versions());
		ctx.doubts().restore(state.doubts());
		ctx.bank().retain(interacted.keySet());
	}

	// -- Queries --

	/** @return a copy of all labels, full image size */
	public LabelStack labels() {
		return ctx.labels().copy();
	}

	/** @return a copy of frame {@code t}'s labels, row-major at full image size */
	public int[] labels(final int t) {
		checkFrame(t);
		return ctx.labels().frame(t);
	}

	/** @return number of interactions so far ({@link #interact} and {@link #setMasks} calls) */
	public int round() {
		return round;
	}

	/** @return the interacted frames, ascending */
	public SortedSet<Integer> interactedFrames() {
		return Collections.unmodifiableSortedSet(new TreeSet<>(interacted.keySet()));
	}

	/** @return ids of the objects present on any interacted frame, ascending: the objects propagation tracks */
	public SortedSet<Integer> objectIds() {
		final SortedSet<Integer> ids = new TreeSet<>();
		for (final Interaction i : interacted.values())
			for (final int id : i.ids())
				ids.add(id);
		return Collections.unmodifiableSortedSet(ids);
	}

	/** @return mean time per call of each stage so far (a snapshot) */
	public StageTimings timings() {
		return ctx.timings().snapshot();
	}

	/** @return processing width {@code W} (multiple of 16) */
	public int processingWidth() {
		return ctx.width();
	}

	/** @return processing height {@code H} (multiple of 16) */
	public int processingHeight() {
		return ctx.height();
	}

	/** @return native arrays this session owns now (feature cache, memory bank and any step in progress) */
	public long nativeArrayCount() {
		return closed ? 0 : ctx.manager().getManagedArrays().size();
	}

	/**
	 * Suggests the frame to correct next: among the frames segmented by propagation and not interacted with, the
	 * one whose masks the networks were least sure of.
	 *
	 * @return 0-based frame, or -1 when nothing was propagated yet
	 */
	public int suggestFrame() {
		return ctx.doubts().worst(interactedFrames());
	}

	/** @return frames in the memory bank now (between propagations: the interacted frames) */
	public int memoryFrames() {
		return ctx.bank().size();
	}

	/** Lets tests watch which frames a propagation writes, in order, as they are written. */
	void observeFrames(final IntConsumer observer) {
		frameObserver = observer;
	}

	@Override
	public void close() {
		if (closed) return;
		closed = true;
		ctx.cache().close();
		ctx.bank().close();
		ctx.manager().close();
	}

	private void checkOpen() {
		if (closed) throw new IllegalStateException("session is closed");
	}

	private void checkFrame(final int t) {
		if (t < 0 || t >= frames.frames()) throw new MivosException("Frame " + (t + 1) + " is outside 1.." + frames
			.frames());
	}

	/**
	 * The S2M stroke maps of one interaction on the processing grid: per object, its positive strokes, and its
	 * negative strokes together with "bg" strokes and the other objects' positive strokes.
	 */
	private final class StrokeMaps {

		private final int size = ctx.width() * ctx.height();
		private final float[][] positive;
		private final float[][] ownNegative;
		private final float[] background;
		private final int[] positiveCount;

		StrokeMaps(final ScribbleSet scribbles, final int[] ids) {
			positive = new float[ids.length][];
			ownNegative = new float[ids.length][];
			background = map(scribbles.all().stream().filter(Scribble::isBackground).toList());
			positiveCount = new int[size];
			for (int i = 0; i < ids.length; i++) {
				final int id = ids[i];
				positive[i] = map(scribbles.all().stream().filter(s -> s.objectId() == id && s
					.polarity() == Polarity.POSITIVE).toList());
				ownNegative[i] = map(scribbles.all().stream().filter(s -> s.objectId() == id && s
					.polarity() == Polarity.NEGATIVE).toList());
				if (positive[i] != null) for (int k = 0; k < size; k++)
					if (positive[i][k] != 0) positiveCount[k]++;
			}
		}

		/** @return {@code [to-from][H][W]} positive maps */
		float[] positive(final int from, final int to) {
			final float[] out = new float[(to - from) * size];
			for (int i = from; i < to; i++)
				if (positive[i] != null) System.arraycopy(positive[i], 0, out, (i - from) * size, size);
			return out;
		}

		/** @return {@code [to-from][H][W]} negative maps */
		float[] negative(final int from, final int to) {
			final float[] out = new float[(to - from) * size];
			for (int i = from; i < to; i++) {
				final int o = (i - from) * size;
				for (int k = 0; k < size; k++) {
					final boolean own = positive[i] != null && positive[i][k] != 0;
					final boolean others = positiveCount[k] > (own ? 1 : 0);
					if (others || (ownNegative[i] != null && ownNegative[i][k] != 0) || (background != null &&
						background[k] != 0)) out[o + k] = 1;
				}
			}
			return out;
		}

		/** @return the stroke map of {@code strokes}, or {@code null} when there are none */
		private float[] map(final List<Scribble> strokes) {
			return strokes.isEmpty() ? null : StrokeRasterizer.strokeMap(strokes, ctx.width(), ctx.height(), ctx
				.resampler().scale());
		}
	}
}
