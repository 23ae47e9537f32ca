package sc.fiji.mivos.ui;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import ij.ImagePlus;
import ij.io.FileInfo;
import sc.fiji.mivos.core.CancelToken;
import sc.fiji.mivos.core.EngineSettings;
import sc.fiji.mivos.core.MivosException;
import sc.fiji.mivos.core.PackedLabels;
import sc.fiji.mivos.core.PixelRect;
import sc.fiji.mivos.core.Polarity;
import sc.fiji.mivos.core.ProgressListener;
import sc.fiji.mivos.core.Scribble;
import sc.fiji.mivos.core.ScribbleSet;
import sc.fiji.mivos.core.TrackedObject;
import sc.fiji.mivos.engine.InteractionSession;
import sc.fiji.mivos.engine.PropagationResult;
import sc.fiji.mivos.ij.ImagePlusImgs;
import sc.fiji.mivos.ij.ImageSession;
import sc.fiji.mivos.ij.LabelImages;
import sc.fiji.mivos.ij.MivosService;
import sc.fiji.mivos.io.SavedSession;
import sc.fiji.mivos.io.SessionFile;

/**
 * The interactive segmentation of one image, without any widget: strokes (Scribble-to-Mask on one frame),
 * brush and eraser edits, propagation, the object list, undo/redo and session files. The GUI and tests drive it
 * alike.
 * <p>
 * Every request runs on one worker thread, in the order asked, so the engine is never used from two threads and
 * never from the Swing event thread; each returns a future and tells the {@link Listener}s when it is done. Requests
 * are numbered (the generation); an {@link Update} says whether a newer request was made meanwhile, so views draw
 * only the newest state and discard results that newer requests already supersede.
 * <p>
 * The model is the {@link ImageSession} that {@link MivosService} keeps for the image, so the menu commands see the
 * same rounds; its label image shows the result and is updated after every step. The source image is only read.
 */
public final class InteractiveSegmentation implements AutoCloseable {

	/** Hears what the worker did; called on the worker thread. */
	public interface Listener {

		/** After each request, successful or not. */
		void updated(Update update);

		/** During a propagation, once per frame. */
		default void progress(final String status, final long done, final long total) {}
	}

	/**
	 * What one request did.
	 *
	 * @param generation the request's number
	 * @param latest whether no newer request was made while it ran
	 * @param message one line for the status bar
	 * @param error whether the request was refused or failed (then nothing changed, apart from frames a failed
	 *        propagation had already written)
	 * @param frames 0-based frames whose labels changed
	 * @param value the request's answer where it has one (new object id, suggested frame), else -1
	 * @param millis from the request until its result, queue time included
	 */
	public record Update(long generation, boolean latest, String message, boolean error, SortedSet<Integer> frames,
		int value, long millis)
	{}

	/** What a piece of work changed, apart from the engine's frames (which are compared after it ran). */
	private record Outcome(String message, Collection<Integer> touched, List<TrackedObject> objects,
		ScribbleSet strokes, int value)
	{}

	/** Work on the worker thread, given the state before it. */
	private interface Work {

		Outcome run(Snapshot before);
	}

	private final ImagePlus image;
	private final int channel;
	private final int slice;
	private final EngineSettings settings;
	private final ExecutorService worker;
	private final AtomicLong generation = new AtomicLong();
	private final History history = new History(History.DEFAULT_CAPACITY);
	private final List<Listener> listeners = new CopyOnWriteArrayList<>();
	private final CompletableFuture<Void> ready;
	private volatile Snapshot current;
	private volatile Path sessionFile;
	private volatile boolean autosave = true;
	private volatile int displayedFrame;
	private volatile CancelToken propagation;
	private ImageSession session;

	private InteractiveSegmentation(final ImagePlus image, final int channel, final int slice,
		final EngineSettings settings, final MivosService service, final SavedSession saved, final Path file)
	{
		this.image = image;
		this.channel = channel;
		this.slice = slice;
		this.settings = settings;
		this.sessionFile = file;
		worker = Executors.newSingleThreadExecutor(r -> {
			final Thread t = new Thread(r, "MiVOS worker " + image.getTitle());
			t.setDaemon(true);
			return t;
		});
		ready = CompletableFuture.runAsync(() -> open(service, saved), worker);
	}

	/**
	 * Starts segmenting an image, continuing the rounds {@link MivosService} already holds for it with these
	 * settings (from the menu commands or an earlier panel). Loading the networks happens on the worker; a failure
	 * is reported by {@link #ready()} and by every later request.
	 *
	 * @param channel 1-based channel used as input
	 * @param slice 1-based Z slice segmented
	 */
	public static InteractiveSegmentation start(final ImagePlus image, final int channel, final int slice,
		final EngineSettings settings, final MivosService service)
	{
		return new InteractiveSegmentation(image, channel, slice, settings, service, null, defaultSessionFile(image));
	}

	/**
	 * Reopens a saved session: the image is found by {@code images}, the engine continues from the saved state
	 * with the saved settings, exactly as if it had never been closed.
	 *
	 * @param images finds (opens) the image a saved session names
	 * @throws MivosException when the file cannot be read or the image does not match it
	 */
	public static InteractiveSegmentation resume(final Path file, final MivosService service,
		final Function<SavedSession, ImagePlus> images)
	{
		final SavedSession saved = SessionFile.read(file);
		final ImagePlus image = images.apply(saved);
		if (image.getWidth() != saved.width() || image.getHeight() != saved.height() || ImagePlusImgs.frameCount(
			image) != saved.frames()) throw new MivosException("Image '" + image.getTitle() + "' is " + image.getWidth() +
				"x" + image.getHeight() + " with " + ImagePlusImgs.frameCount(image) + " frames, but session " + file +
				" is for " + saved.width() + "x" + saved.height() + " with " + saved.frames() + " frames");
		return new InteractiveSegmentation(image, saved.channel(), saved.slice(), saved.settings(), service, saved,
			file);
	}

	/** @return where the session is saved next to the image file, or {@code null} for an image without a file */
	static Path defaultSessionFile(final ImagePlus image) {
		final Path p = imagePath(image);
		return p == null ? null : SessionFile.besideImage(p);
	}

	/** @return the file an image was read from, or {@code null} */
	static Path imagePath(final ImagePlus image) {
		final FileInfo fi = image.getOriginalFileInfo();
		if (fi == null || fi.fileName == null || fi.fileName.isEmpty() || fi.directory == null || fi.directory
			.isEmpty()) return null;
		return Paths.get(fi.directory, fi.fileName).toAbsolutePath();
	}

	private void open(final MivosService service, final SavedSession saved) {
		if (saved != null) service.discard(image.getID());
		session = service.session(image, settings, channel, slice);
		final InteractionSession engine = session.engine();
		final int n = ImagePlusImgs.frameCount(image);
		final PackedLabels[] frames = new PackedLabels[n];
		if (saved != null) {
			final Map<Integer, int[]> all = new HashMap<>();
			for (int t = 0; t < n; t++) {
				frames[t] = saved.labels().get(t);
				all.put(t, frames[t].unpack());
			}
			engine.restore(saved.engine(), all);
			session.refreshLabels();
			current = new Snapshot(engine.state(), frames, saved.objects(), saved.strokes());
			return;
		}
		for (int t = 0; t < n; t++)
			frames[t] = PackedLabels.pack(engine.labels(t));
		final List<TrackedObject> objects = new ArrayList<>();
		for (final int id : engine.labels().objectIds())
			objects.add(defaultObject(id));
		if (objects.isEmpty()) objects.add(defaultObject(1));
		current = new Snapshot(engine.state(), frames, objects, ScribbleSet.empty());
	}

	/** @return object {@code id} named after its id, in its label-image colour */
	static TrackedObject defaultObject(final int id) {
		return new TrackedObject(id, "object " + id, LabelImages.lut().getRGB(1 + (id - 1) % 255));
	}

	// -- Requests --

	/**
	 * Applies one stroke with Scribble-to-Mask on its frame: the stroke's object grows (positive) or shrinks
	 * (negative), every other object on the frame is re-segmented around it.
	 *
	 * @param region only this part of the frame may change, or {@code null} for the whole frame
	 */
	public CompletableFuture<Update> stroke(final Scribble stroke, final PixelRect region) {
		return request("stroke on frame " + (stroke.frame() + 1), before -> {
			final int t = stroke.frame();
			if (!stroke.isBackground()) requireListed(before, stroke.objectId());
			if (stroke.polarity() == Polarity.NEGATIVE && !stroke.isBackground() && !before.frame(t).contains(stroke
				.objectId())) throw new MivosException("Object " + stroke.objectId() + " has no mask on frame " + (t + 1) +
					" yet: draw a positive stroke (left button) for it first");
			final ScribbleSet one = new ScribbleSet(List.of(stroke));
			if (region == null) engine().interact(t, one);
			else engine().interact(t, one, region);
			return new Outcome("Scribble-to-Mask on frame " + (t + 1) + (region == null ? "" : " inside " + region), List
				.of(t), before.objects(), before.strokes().with(one), -1);
		});
	}

	/**
	 * Paints (or erases) object pixels directly: the edited frame becomes an interaction, as if drawn by S2M.
	 *
	 * @param pixels row-major indices {@code y * width + x} of the pixels under the brush
	 * @param erase whether to clear the object's pixels instead of painting them
	 */
	public CompletableFuture<Update> brush(final int frame, final int objectId, final int[] pixels,
		final boolean erase)
	{
		return request((erase ? "eraser" : "brush") + " on frame " + (frame + 1), before -> {
			requireListed(before, objectId);
			final int[] labels = engine().labels(frame);
			int changed = 0;
			for (final int i : pixels) {
				if (i < 0 || i >= labels.length) continue;
				if (erase ? labels[i] == objectId : labels[i] != objectId) {
					labels[i] = erase ? 0 : objectId;
					changed++;
				}
			}
			if (changed == 0) throw new MivosException(erase ? "Object " + objectId + " has no pixels under the " +
				"eraser on frame " + (frame + 1) : "The brush changed nothing on frame " + (frame + 1));
			engine().setMasks(frame, labels);
			return new Outcome((erase ? "Erased " : "Painted ") + changed + " pixels of object " + objectId +
				" on frame " + (frame + 1), List.of(frame), before.objects(), before.strokes(), -1);
		});
	}

	/**
	 * Propagates the latest interaction through the stack in both directions (later rounds fuse and stop at earlier
	 * interacted frames as the engine's settings say). {@link #cancel()} stops it and keeps the frames done.
	 */
	public CompletableFuture<Update> propagate() {
		final CancelToken token = new CancelToken();
		return request("propagation", before -> {
			propagation = token;
			try {
				final PropagationResult r = engine().propagate(progress(), token);
				final SortedSet<Integer> tracked = engine().objectIds();
				final List<Integer> missing = new ArrayList<>();
				for (final TrackedObject o : before.objects())
					if (!tracked.contains(o.id())) missing.add(o.id());
				return new Outcome("MiVOS: " + r.message() + (missing.isEmpty() ? "" : "; objects without a mask were " +
					"not propagated: " + missing), null, before.objects(), before.strokes(), -1);
			}
			finally {
				propagation = null;
			}
		});
	}

	/** Stops a running propagation after its current frame; frames already done stay. */
	public void cancel() {
		final CancelToken t = propagation;
		if (t != null) t.cancel("canceled by the user");
	}

	/** Adds an object with the next free id; its id is the update's value. */
	public CompletableFuture<Update> addObject() {
		return request("new object", before -> {
			int max = 0;
			for (final TrackedObject o : before.objects())
				max = Math.max(max, o.id());
			for (final int id : before.engine().interacted().values().stream().flatMapToInt(i -> Arrays.stream(i
				.ids())).toArray())
				max = Math.max(max, id);
			final TrackedObject o = defaultObject(max + 1);
			final List<TrackedObject> objects = new ArrayList<>(before.objects());
			objects.add(o);
			return new Outcome("Added " + o.name(), List.of(), objects, before.strokes(), o.id());
		});
	}

	public CompletableFuture<Update> rename(final int objectId, final String name) {
		return request("rename object " + objectId, before -> {
			requireListed(before, objectId);
			final TrackedObject renamed = find(before, objectId).withName(name == null ? "" : name.trim());
			return new Outcome("Object " + objectId + " is now '" + renamed.name() + "'", List.of(), replace(before,
				renamed), before.strokes(), objectId);
		});
	}

	public CompletableFuture<Update> recolour(final int objectId, final int rgb) {
		return request("colour of object " + objectId, before -> {
			requireListed(before, objectId);
			return new Outcome("New colour for object " + objectId, List.of(), replace(before, find(before, objectId)
				.withColour(rgb)), before.strokes(), objectId);
		});
	}

	/** Removes an object from the list, from every frame and from every interaction, with its strokes. */
	public CompletableFuture<Update> removeObject(final int objectId) {
		return request("remove object " + objectId, before -> {
			requireListed(before, objectId);
			final SortedSet<Integer> changed = engine().removeObject(objectId);
			final List<TrackedObject> objects = new ArrayList<>(before.objects());
			objects.removeIf(o -> o.id() == objectId);
			final List<Scribble> strokes = new ArrayList<>(before.strokes().all());
			strokes.removeIf(s -> s.objectId() == objectId);
			return new Outcome("Removed object " + objectId + " from " + changed.size() + " frame(s)", changed, objects,
				new ScribbleSet(strokes), -1);
		});
	}

	/** Undoes the newest step; the update says which. */
	public CompletableFuture<Update> undo() {
		return travel(true);
	}

	/** Redoes the newest undone step. */
	public CompletableFuture<Update> redo() {
		return travel(false);
	}

	/** The frame to correct next (the update's value, 0-based; -1 before the first propagation). */
	public CompletableFuture<Update> suggestFrame() {
		return query(() -> {
			final int t = engine().suggestFrame();
			return new Outcome(t < 0 ? "No frame to suggest yet: propagate first" : "Suggested frame: " + (t + 1) +
				" (the networks were least sure there)", List.of(), null, null, t);
		});
	}

	/** Writes the session to {@code file}, which then also receives the autosaves. */
	public CompletableFuture<Update> save(final Path file) {
		return query(() -> {
			write(file);
			sessionFile = file;
			return new Outcome("Session saved to " + file, List.of(), null, null, -1);
		});
	}

	// -- State for views (any thread) --

	/** @return the newest state (objects, strokes, packed labels) the worker finished */
	Snapshot current() {
		return current;
	}

	/** @return the objects, in list order */
	public List<TrackedObject> objects() {
		final Snapshot s = current;
		return s == null ? List.of() : s.objects();
	}

	/** @return every stroke drawn (0-based frames) */
	public ScribbleSet strokes() {
		final Snapshot s = current;
		return s == null ? ScribbleSet.empty() : s.strokes();
	}

	/** @return the labels of frame {@code t} as the newest finished step left them, row-major */
	public int[] labels(final int t) {
		return current.frame(t).unpack();
	}

	/** @return the label image kept up to date with every step (separate from the source image) */
	public ImagePlus labelImage() {
		ready.join();
		return session.labels();
	}

	public ImagePlus image() {
		return image;
	}

	public int channel() {
		return channel;
	}

	public int slice() {
		return slice;
	}

	public EngineSettings settings() {
		return settings;
	}

	/** @return completes once the networks are loaded and the session is open (exceptionally if that failed) */
	public CompletableFuture<Void> ready() {
		return ready;
	}

	/** @return the name of the step undo would revert, or {@code null} */
	public String nextUndo() {
		return history.nextUndo();
	}

	/** @return the name of the step redo would repeat, or {@code null} */
	public String nextRedo() {
		return history.nextRedo();
	}

	/** @return where the session is (auto)saved, or {@code null} when the image has no file and none was chosen */
	public Path sessionFile() {
		return sessionFile;
	}

	/** Whether every finished step is also written to {@link #sessionFile()} (on by default). */
	public void setAutosave(final boolean on) {
		autosave = on;
	}

	/** Tells the worker which frame the user looks at, so a running propagation shows it as soon as it is done. */
	public void setDisplayedFrame(final int t) {
		displayedFrame = t;
	}

	public void addListener(final Listener l) {
		listeners.add(l);
	}

	public void removeListener(final Listener l) {
		listeners.remove(l);
	}

	/** Cancels a propagation, lets queued requests finish and stops the worker; the session stays with the service. */
	@Override
	public void close() {
		cancel();
		listeners.clear();
		worker.shutdown();
	}

	// -- Worker side --

	private InteractionSession engine() {
		return session.engine();
	}

	private ProgressListener progress() {
		return (status, done, total) -> {
			final int t = displayedFrame;
			if (t >= 0 && t < current.frameCount()) session.refreshLabels(List.of(t));
			for (final Listener l : listeners)
				l.progress(status, done, total);
		};
	}

	/** Runs a step on the worker and records it for undo; frames are compared with the state before it. */
	private CompletableFuture<Update> request(final String name, final Work work) {
		final long gen = generation.incrementAndGet();
		final long start = System.nanoTime();
		return CompletableFuture.supplyAsync(() -> {
			ready.join();
			final Snapshot before = current;
			Outcome o = null;
			String error = null;
			try {
				o = work.run(before);
			}
			catch (final MivosException e) {
				error = e.getMessage();
			}
			// NB: a refused request changed nothing, but a propagation that failed midway kept the frames it wrote.
			final Collection<Integer> touched = o == null ? null : o.touched();
			final SortedSet<Integer> changed = new TreeSet<>();
			final PackedLabels[] frames = before.frames();
			for (int t = 0; t < frames.length; t++) {
				if (touched != null && !touched.contains(t)) continue;
				final PackedLabels p = PackedLabels.pack(engine().labels(t));
				if (!p.equals(frames[t])) {
					frames[t] = p;
					changed.add(t);
				}
			}
			final boolean recorded = o != null || !changed.isEmpty();
			if (recorded) {
				final Snapshot after = new Snapshot(engine().state(), frames, o == null ? before.objects() : o.objects(),
					o == null ? before.strokes() : o.strokes());
				history.push(new Step(o == null ? name + " (failed midway)" : name, before, after));
				current = after;
				session.refreshLabels(changed);
			}
			final Update u = finish(gen, start, error != null ? error : o.message(), error != null, changed, o == null
				? -1 : o.value());
			if (recorded) autosave();
			return u;
		}, worker);
	}

	/** Runs a request that changes nothing (a question or a save) on the worker. */
	private CompletableFuture<Update> query(final Supplier<Outcome> work) {
		final long gen = generation.incrementAndGet();
		final long start = System.nanoTime();
		return CompletableFuture.supplyAsync(() -> {
			ready.join();
			try {
				final Outcome o = work.get();
				return finish(gen, start, o.message(), false, new TreeSet<>(), o.value());
			}
			catch (final MivosException e) {
				return finish(gen, start, e.getMessage(), true, new TreeSet<>(), -1);
			}
		}, worker);
	}

	/** Moves through the history: back (undo) or forward (redo). */
	private CompletableFuture<Update> travel(final boolean back) {
		final long gen = generation.incrementAndGet();
		final long start = System.nanoTime();
		return CompletableFuture.supplyAsync(() -> {
			ready.join();
			final Step s = back ? history.undo() : history.redo();
			if (s == null) return finish(gen, start, back ? "Nothing to undo" : "Nothing to redo", true, new TreeSet<>(),
				-1);
			final Snapshot target = back ? s.before() : s.after();
			final Snapshot from = current;
			final Map<Integer, int[]> frames = new HashMap<>();
			final SortedSet<Integer> changed = new TreeSet<>();
			for (int t = 0; t < target.frameCount(); t++)
				if (target.frameDiffers(from, t)) {
					frames.put(t, target.frame(t).unpack());
					changed.add(t);
				}
			engine().restore(target.engine(), frames);
			current = target;
			session.refreshLabels(changed);
			final Update u = finish(gen, start, (back ? "Undid: " : "Redid: ") + s.name(), false, changed, -1);
			autosave();
			return u;
		}, worker);
	}

	private Update finish(final long gen, final long start, final String message, final boolean error,
		final SortedSet<Integer> frames, final int value)
	{
		final Update u = new Update(gen, gen == generation.get(), message, error, frames, value, (System.nanoTime() -
			start) / 1_000_000);
		for (final Listener l : listeners)
			l.updated(u);
		return u;
	}

	private void autosave() {
		final Path file = sessionFile;
		if (!autosave || file == null) return;
		try {
			write(file);
		}
		catch (final MivosException e) {
			for (final Listener l : listeners)
				l.updated(new Update(generation.get(), false, "Autosave failed: " + e.getMessage(), true, new TreeSet<>(),
					-1, 0));
		}
	}

	private void write(final Path file) {
		final Snapshot s = current;
		final Path img = imagePath(image);
		SessionFile.write(file, new SavedSession(img == null ? null : img.toString(), image.getTitle(), image
			.getWidth(), image.getHeight(), s.frameCount(), channel, slice, settings, s.objects(), s.strokes(), s
				.engine(), List.of(s.frames())));
	}

	private static void requireListed(final Snapshot s, final int objectId) {
		if (find(s, objectId) == null) throw new MivosException("Object " + objectId + " is not in the object list; " +
			"add it first");
	}

	private static TrackedObject find(final Snapshot s, final int objectId) {
		for (final TrackedObject o : s.objects())
			if (o.id() == objectId) return o;
		return null;
	}

	private static List<TrackedObject> replace(final Snapshot s, final TrackedObject changed) {
		final List<TrackedObject> out = new ArrayList<>(s.objects());
		out.replaceAll(o -> o.id() == changed.id() ? changed : o);
		return out;
	}
}
