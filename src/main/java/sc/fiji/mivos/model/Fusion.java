package sc.fiji.mivos.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Difference-aware fusion of the previous round's and the new propagation's masks on a frame between two
 * interactions ({@code fuse}):
 * <ul>
 * <li>{@code image [1,C,H,W]}; {@code key [1,Ck,h,w]} of the target frame; {@code ikey [1,Ck,h,w]} of the new
 * interacted frame</li>
 * <li>{@code prev [N,1,H,W]} previous round, {@code cur [N,1,H,W]} new propagation (probabilities)</li>
 * <li>{@code dpos [N,1,H,W]}, {@code dneg [N,1,H,W]} mask gained / lost at the interacted frame in this round</li>
 * <li>{@code dist [N,2]} frames to the new / to the earlier interacted frame</li>
 * <li>→ {@code logits [N,1,H,W]}</li>
 * </ul>
 */
public final class Fusion {

	private final TorchMethod method;

	Fusion(final TorchMethod method) {
		this.method = method;
	}

	/** @return fused logits {@code [N,1,H,W]}, attached to {@code out} */
	public NDArray fuse(final NDManager out, final NDArray image, final NDArray key, final NDArray ikey,
		final NDArray prev, final NDArray cur, final NDArray dpos, final NDArray dneg, final NDArray dist)
	{
		StageShapes.image("fuse", image);
		final long h = image.getShape().get(2), w = image.getShape().get(3);
		final long n = StageShapes.masks("fuse", "prev", prev, h, w);
		StageShapes.masks("fuse", "cur", cur, h, w);
		StageShapes.masks("fuse", "dpos", dpos, h, w);
		StageShapes.masks("fuse", "dneg", dneg, h, w);
		StageShapes.sameN("fuse", n, cur, dpos, dneg, dist);
		if (!key.getShape().equals(ikey.getShape())) throw new IllegalArgumentException("fuse: key " + key
			.getShape() + " and ikey " + ikey.getShape() + " differ");
		if (dist.getShape().dimension() != 2 || dist.getShape().get(1) != 2) throw new IllegalArgumentException(
			"fuse: dist must be [N,2], got " + dist.getShape());
		return method.call(out, image, key, ikey, prev, cur, dpos, dneg, dist).singletonOrThrow();
	}
}
