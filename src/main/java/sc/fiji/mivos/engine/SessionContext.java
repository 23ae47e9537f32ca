package sc.fiji.mivos.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import sc.fiji.mivos.core.EngineSettings;
import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.core.Resampler;
import sc.fiji.mivos.model.MivosNetworks;

/**
 * What the parts of one session share: networks, settings, grids, the session's manager and caches, the labels and
 * the stage timings, and how unsure each frame's masks are.
 */
record SessionContext(MivosNetworks nets, EngineSettings settings, Resampler resampler, NDManager manager,
	FeatureCache cache, MemoryBank bank, LabelStack labels, StageTimings timings, FrameDoubts doubts)
{

	int height() {
		return resampler.paddedHeight();
	}

	int width() {
		return resampler.paddedWidth();
	}

	/**
	 * Encodes the memory values of all objects on one frame, in batches.
	 *
	 * @param out manager of the result
	 * @param frame the frame's features
	 * @param probs {@code [N,1,H,W]} object probabilities (no background)
	 * @return {@code [N,Cv,h,w]}
	 */
	NDArray encodeValues(final NDManager out, final FrameFeatures frame, final NDArray probs) {
		final long start = System.nanoTime();
		try (NDManager scope = out.newSubManager()) {
			final NDArray others = ObjectMasks.others(probs);
			final NDList parts = new NDList();
			for (final int[] b : ObjectMasks.batches((int) probs.getShape().get(0), ObjectMasks.VALUE_BATCH))
				parts.add(nets.valueEncoder().encode(scope, frame.image(), frame.features().f16(), ObjectMasks.rows(
					scope, probs, b[0], b[1]), ObjectMasks.rows(scope, others, b[0], b[1])));
			final NDArray value = ObjectMasks.concat(parts);
			value.attach(out);
			timings.record(StageTimings.VALUE, start);
			return value;
		}
	}

	/** @return {@code [N,1,H,W]} 0/1 masks of the objects {@code ids} in the labels frame {@code t} now holds */
	NDArray currentMasks(final NDManager out, final int t, final int[] ids) {
		return ObjectMasks.masks(out, resampler.labelsToProcessing(labels.frame(t)), ids, height(), width());
	}

	/** @return {@code [N+1,1,H,W]} soft-aggregated probabilities of per-batch logits, in {@code out} */
	NDArray aggregate(final NDManager out, final NDList logits) {
		try (NDManager scope = out.newSubManager()) {
			logits.attach(scope);
			return nets.aggregate().run(out, ObjectMasks.concat(logits));
		}
	}
}
