package sc.fiji.mivos.engine;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import sc.fiji.mivos.core.FusionSchedule;
import sc.fiji.mivos.model.NonFiniteOutputException;

/**
 * Difference-aware fusion for one propagation round: merges, on a frame between the new interacted frame and an
 * earlier one, the previous round's masks with the new propagation, guided by how the masks changed at the new
 * interacted frame ({@code dpos}: gained, {@code dneg}: lost). Holds its own copies of the interacted frame's key (or,
 * for networks with per-object memory keys, of its memory values) and of the change masks; close it when the round
 * ends.
 */
final class Fuser implements RoundFusion {

	/** Largest distance between two interactions in the fusion network's training clips. */
	static final int TRAINED_SPAN = 6;

	private final SessionContext ctx;
	private final NDManager manager;
	private final int[] ids;
	private final NDArray ikey;
	private final NDArray dpos;
	private final NDArray dneg;

	/**
	 * @param ids the objects, ascending
	 * @param origin the new interacted frame; with per-object memory keys its memory values must be in the bank
	 * @param before processing-grid labels of the interacted frame before this round's interaction
	 * @param after processing-grid labels of the interacted frame now
	 */
	Fuser(final SessionContext ctx, final int[] ids, final int origin, final int[] before, final int[] after) {
		this.ctx = ctx;
		this.ids = ids;
		manager = ctx.manager().newSubManager();
		try {
			if (ctx.nets().objectMemoryKeys()) {
				final NDArray values = ctx.bank().values(manager, List.of(origin), 0, ids.length);
				ikey = values.squeeze(2);
				values.close();
			}
			else {
				ikey = ctx.cache().get(origin).features().key().duplicate();
				ikey.attach(manager);
			}
			final NDArray b = ObjectMasks.masks(manager, before, ids, ctx.height(), ctx.width());
			final NDArray a = ObjectMasks.masks(manager, after, ids, ctx.height(), ctx.width());
			dpos = a.sub(b).clip(0, 1);
			dneg = b.sub(a).clip(0, 1);
			b.close();
			a.close();
		}
		catch (final RuntimeException e) {
			manager.close();
			throw e;
		}
	}

	/** Runs the fusion network; {@code null} when it gave no usable result. */
	@Override
	public NDArray fuse(final NDManager out, final int t, final FrameFeatures frame, final NDArray cur,
		final FusionSchedule.Distances d)
	{
		final long start = System.nanoTime();
		try (NDManager scope = out.newSubManager()) {
			final NDArray prev = ctx.currentMasks(scope, t, ids);
			final NDArray objects = cur.get(scope, new NDIndex("1:"));
			final float[] dist = new float[ids.length * 2];
			// NB: the fusion network saw interactions at most TRAINED_SPAN frames apart; longer gaps are scaled down
			// to that span, keeping where the frame lies between the two interactions.
			final float scale = Math.min(1f, (float) TRAINED_SPAN / (d.toNew() + d.toEarlier()));
			for (int i = 0; i < ids.length; i++) {
				dist[2 * i] = d.toNew() * scale;
				dist[2 * i + 1] = d.toEarlier() * scale;
			}
			final NDArray distances = scope.create(dist, new Shape(ids.length, 2));
			final NDList logits = new NDList();
			try {
				for (final int[] b : ObjectMasks.batches(ids.length))
					logits.add(ctx.nets().fusion().fuse(scope, frame.image(), frame.features().key(), ctx.nets()
						.objectMemoryKeys() ? ObjectMasks.rows(scope, ikey, b[0], b[1]) : ikey, ObjectMasks
						.rows(scope, prev, b[0], b[1]), ObjectMasks.rows(scope, objects, b[0], b[1]), ObjectMasks.rows(scope,
							dpos, b[0], b[1]), ObjectMasks.rows(scope, dneg, b[0], b[1]), ObjectMasks.rows(scope, distances,
								b[0], b[1])));
			}
			catch (final NonFiniteOutputException e) {
				return null;
			}
			final NDArray fused = ctx.aggregate(out, logits);
			ctx.timings().record(StageTimings.FUSION, start);
			return fused;
		}
	}

	@Override
	public void close() {
		manager.close();
	}
}
