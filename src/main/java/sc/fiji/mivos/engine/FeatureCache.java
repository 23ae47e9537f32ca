package sc.fiji.mivos.engine;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import sc.fiji.mivos.core.FrameSource;
import sc.fiji.mivos.core.Resampler;
import sc.fiji.mivos.model.KeyEncoder;
import sc.fiji.mivos.model.KeyFeatures;

/**
 * Per-frame image tensors and key features, encoded once and reused by every object, stage and round. Least recently
 * used frames leave when the cache holds more than its byte budget or frame count; each frame's arrays live in their
 * own sub-manager, closed on eviction. Arrays obtained from {@link #get} stay valid until the next {@code get} of a
 * different frame may evict them; callers that keep one longer take a copy.
 */
final class FeatureCache implements AutoCloseable {

	private final FrameSource frames;
	private final Resampler resampler;
	private final KeyEncoder encoder;
	private final NDManager manager;
	private final StageTimings timings;
	private final long budgetBytes;
	private final int maxFrames;
	private final Map<Integer, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
	private long bytes;

	private record Entry(NDManager manager, FrameFeatures features) {}

	/**
	 * @param manager parent of the per-frame managers
	 * @param budgetBytes most bytes held (at least one frame is always held)
	 * @param maxFrames most frames held, &ge; 1
	 */
	FeatureCache(final FrameSource frames, final Resampler resampler, final KeyEncoder encoder,
		final NDManager manager, final StageTimings timings, final long budgetBytes, final int maxFrames)
	{
		this.frames = frames;
		this.resampler = resampler;
		this.encoder = encoder;
		this.manager = manager;
		this.timings = timings;
		this.budgetBytes = budgetBytes;
		this.maxFrames = maxFrames;
	}

	/** @return the processing-size image {@code [1,C,H,W]} of frame {@code t}, with its features */
	FrameFeatures get(final int t) {
		final Entry cached = entries.get(t);
		if (cached != null) return cached.features();
		final NDManager m = manager.newSubManager();
		try {
			final NDArray image = m.create(resampler.toProcessing(frames.frame(t), frames.channels()), new Shape(1,
				frames.channels(), resampler.paddedHeight(), resampler.paddedWidth()));
			final long start = System.nanoTime();
			final KeyFeatures f = encoder.encode(m, image);
			timings.record(StageTimings.KEY, start);
			final FrameFeatures ff = new FrameFeatures(image, f);
			entries.put(t, new Entry(m, ff));
			bytes += ff.bytes();
			evict(t);
			return ff;
		}
		catch (final RuntimeException e) {
			m.close();
			throw e;
		}
	}

	/** @return number of frames held */
	int size() {
		return entries.size();
	}

	private void evict(final int keep) {
		final Iterator<Map.Entry<Integer, Entry>> it = entries.entrySet().iterator();
		while ((bytes > budgetBytes || entries.size() > maxFrames) && it.hasNext()) {
			final Map.Entry<Integer, Entry> e = it.next();
			if (e.getKey() == keep) continue;
			bytes -= e.getValue().features().bytes();
			e.getValue().manager().close();
			it.remove();
		}
	}

	@Override
	public void close() {
		for (final Entry e : entries.values())
			e.manager().close();
		entries.clear();
		bytes = 0;
	}
}
