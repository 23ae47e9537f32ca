package sc.fiji.mivos.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import sc.fiji.mivos.core.FusionSchedule;

/**
 * The merge used without the fusion network: each frame between two interactions takes the new propagation and the
 * earlier round's masks in proportion to how near it lies to the respective interaction, so that a correction far
 * away does not overwrite frames an earlier interaction already made good.
 */
final class TemporalBlend implements RoundFusion {

	private final SessionContext ctx;
	private final int[] ids;

	/** @param ids the objects, ascending */
	TemporalBlend(final SessionContext ctx, final int[] ids) {
		this.ctx = ctx;
		this.ids = ids;
	}

	@Override
	public NDArray fuse(final NDManager out, final int t, final FrameFeatures frame, final NDArray cur,
		final FusionSchedule.Distances d)
	{
		final float toNew = d.toNew(), toEarlier = d.toEarlier();
		final float weightOfNew = toEarlier / (toNew + toEarlier);
		try (NDManager scope = out.newSubManager()) {
			final NDArray objects = ctx.currentMasks(scope, t, ids);
			final NDArray background = objects.sum(new int[] { 0 }, true).neg().add(1);
			final NDArray prev = background.concat(objects, 0);
			final NDArray blended = cur.mul(weightOfNew).add(prev.mul(1 - weightOfNew));
			blended.attach(out);
			return blended;
		}
	}
}
