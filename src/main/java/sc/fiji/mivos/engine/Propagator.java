package sc.fiji.mivos.engine;

import java.util.List;
import java.util.SortedSet;
import java.util.function.IntConsumer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import sc.fiji.mivos.core.CancelToken;
import sc.fiji.mivos.core.FusionSchedule;
import sc.fiji.mivos.core.MemoryPolicy;
import sc.fiji.mivos.core.ProgressListener;
import sc.fiji.mivos.core.PropagationPlan;
import sc.fiji.mivos.model.NonFiniteOutputException;

/**
 * Runs one propagation round: the forward then the backward pass of a {@link PropagationPlan}, each frame segmented
 * from the memory bank with top-k attention, fused with the previous round where the {@link FusionSchedule} says so,
 * written to the label stack at once, and admitted to the memory as the {@link MemoryPolicy} decides. Every frame runs
 * in its own sub-manager; cancel is checked before each frame.
 */
final class Propagator {

	/** Most bytes the memory bank may hold; lowers the memory frame cap when many objects make frames large. */
	static final long BANK_BUDGET_BYTES = 2L << 30;

	private final SessionContext ctx;
	private final int[] ids;
	private final SortedSet<Integer> interacted;
	private final int topK;

	/**
	 * @param ids the objects, ascending
	 * @param interacted all interacted frames; their values must be in the bank already
	 */
	Propagator(final SessionContext ctx, final int[] ids, final SortedSet<Integer> interacted) {
		this.ctx = ctx;
		this.ids = ids;
		this.interacted = interacted;
		this.topK = ctx.settings().effectiveTopK(ctx.height(), ctx.width());
	}

	/** Counts of one run. */
	static final class Progress {

		int done;
		int fused;
		int maxBankSize;
	}

	/**
	 * @param fuser the merge of this round with the previous one, or {@code null} when no frame is fused
	 * @param schedule frames to fuse (only those with {@code hasPrevious} set are)
	 * @param hasPrevious per frame, whether an earlier round wrote it
	 * @param onFrame told each frame right after it is written
	 */
	Progress run(final PropagationPlan plan, final RoundFusion fuser, final FusionSchedule schedule,
		final boolean[] hasPrevious, final ProgressListener listener, final CancelToken cancel,
		final IntConsumer onFrame)
	{
		final Progress p = new Progress();
		final int cap = memoryCap(plan.origin());
		final int total = plan.size();
		for (final List<Integer> pass : List.of(plan.forward(), plan.backward())) {
			final MemoryPolicy policy = new MemoryPolicy(ctx.settings().memEvery(), cap, interacted, plan.origin());
			ctx.bank().retain(policy.frames());
			final String status = pass == plan.forward() ? "propagating forward" : "propagating backward";
			for (int i = 0; i < pass.size(); i++) {
				if (cancel.isCanceled()) return p;
				final int t = pass.get(i);
				final boolean fuse = fuser != null && schedule.fuses(t) && hasPrevious[t];
				final boolean fused = step(t, policy, i == pass.size() - 1, fuse ? fuser : null, schedule);
				p.done++;
				if (fused) p.fused++;
				p.maxBankSize = Math.max(p.maxBankSize, ctx.bank().size());
				onFrame.accept(t);
				listener.progress(status, p.done, total);
			}
		}
		return p;
	}

	/** The memory frame cap: the setting, lowered so the bank stays within {@link #BANK_BUDGET_BYTES}. */
	private int memoryCap(final int origin) {
		final long perFrame = Math.max(1, ctx.bank().bytes(origin));
		return (int) Math.max(2, Math.min(ctx.settings().maxMemoryFrames(), BANK_BUDGET_BYTES / perFrame));
	}

	/** @return whether the frame was fused */
	private boolean step(final int t, final MemoryPolicy policy, final boolean last, final RoundFusion fuser,
		final FusionSchedule schedule)
	{
		boolean fusedFrame = fuser != null;
		try (NDManager step = ctx.manager().newSubManager()) {
			final FrameFeatures frame = ctx.cache().get(t);
			final List<Integer> memory = policy.frames();
			final long start = System.nanoTime();
			final NDArray memKeys = ctx.bank().keys(step, memory);
			final NDList logits = new NDList();
			for (final int[] b : ObjectMasks.batches(ids.length)) {
				final NDArray memValues = ctx.bank().values(step, memory, b[0], b[1]);
				logits.add(ctx.nets().segment().run(step, frame.features(), memKeys, memValues, topK));
				memValues.close();
			}
			NDArray prob = ctx.aggregate(step, logits);
			ctx.timings().record(StageTimings.SEGMENT, start);
			if (fuser != null) {
				final NDArray fused = fuser.fuse(step, t, frame, prob, schedule.distances(t));
				if (fused != null) prob = fused;
				else fusedFrame = false;
			}
			final ObjectMasks.Decoded d = ObjectMasks.decode(prob, ids);
			ctx.labels().setFrame(t, ctx.resampler().labelsToImage(d.labels(), d.confidence()));
			ctx.doubts().record(t, d.labels(), d.confidence());
			// NB: the last frame of a pass is never read from memory, so it is not encoded.
			if (!last && policy.admit(t) != null) {
				try {
					final NDArray value = ctx.encodeValues(step, frame, prob.get(step, new NDIndex("1:")));
					ctx.bank().retain(policy.frames());
					ctx.bank().put(t, frame.features().key().duplicate(), value, null);
				}
				catch (final NonFiniteOutputException e) {
					// NB: the frame is segmented already; the memory just does without it.
					policy.forget(t);
				}
			}
			ctx.bank().retain(policy.frames());
			return fusedFrame;
		}
	}
}
