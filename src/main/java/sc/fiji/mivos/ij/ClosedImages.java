package sc.fiji.mivos.ij;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ij.ImagePlus;
import ij.ImageListener;

/**
 * Tells which watched images are gone, so that what was kept for them (their interactive sessions) can be released:
 * an image whose window was closed, or an image no longer referenced anywhere — a batch-mode macro closes images
 * without telling listeners, and a folder of stacks would otherwise pile up one session per stack.
 */
final class ClosedImages implements ImageListener {

	/** A weak handle on an image, remembering its id after the image is collected. */
	private static final class Handle extends WeakReference<ImagePlus> {

		final int id;

		Handle(final ImagePlus imp, final ReferenceQueue<ImagePlus> queue) {
			super(imp, queue);
			id = imp.getID();
		}
	}

	private final ReferenceQueue<ImagePlus> collected = new ReferenceQueue<>();
	private final Map<Integer, Handle> watched = new HashMap<>();
	private final List<Integer> closed = new ArrayList<>();

	/** Starts watching {@code imp}. */
	synchronized void watch(final ImagePlus imp) {
		watched.put(imp.getID(), new Handle(imp, collected));
	}

	/** @return the ids of watched images closed or collected since the last call; they are no longer watched */
	synchronized List<Integer> gone() {
		final List<Integer> ids = new ArrayList<>(closed);
		closed.clear();
		for (Object ref; (ref = collected.poll()) != null;)
			ids.add(((Handle) ref).id);
		ids.forEach(watched::remove);
		return ids;
	}

	// -- ImageListener --

	@Override
	public synchronized void imageClosed(final ImagePlus imp) {
		if (watched.containsKey(imp.getID())) closed.add(imp.getID());
	}

	@Override
	public void imageOpened(final ImagePlus imp) {}

	@Override
	public void imageUpdated(final ImagePlus imp) {}
}
