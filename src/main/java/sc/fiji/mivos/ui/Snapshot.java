package sc.fiji.mivos.ui;

import java.util.List;

import sc.fiji.mivos.core.PackedLabels;
import sc.fiji.mivos.core.ScribbleSet;
import sc.fiji.mivos.core.TrackedObject;
import sc.fiji.mivos.engine.SessionState;

/**
 * Everything an interactive segmentation shows and continues from, at one moment. Consecutive snapshots share the
 * packed frames that did not change, so keeping many of them for undo costs only what each step changed.
 *
 * @param engine the engine's bookkeeping
 * @param frames per frame its labels (shared, immutable entries)
 * @param objects the object list
 * @param strokes every stroke drawn so far
 */
record Snapshot(SessionState engine, PackedLabels[] frames, List<TrackedObject> objects, ScribbleSet strokes) {

	Snapshot {
		frames = frames.clone();
		objects = List.copyOf(objects);
	}

	@Override
	public PackedLabels[] frames() {
		return frames.clone();
	}

	/** @return whether frame {@code t} holds another packing than in {@code other} */
	boolean frameDiffers(final Snapshot other, final int t) {
		return frames[t] != other.frames[t];
	}

	PackedLabels frame(final int t) {
		return frames[t];
	}

	int frameCount() {
		return frames.length;
	}
}
