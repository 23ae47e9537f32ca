package sc.fiji.mivos.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Difference-aware fusion of the previous round's and the new propagation's masks on a frame between two
 * interactions ({@code fuse}):
 * <ul>
 * <li>{@code image [1,C,H,W]}; {@code key [1,Ck,h,w]} of the target frame; {@code ikey} of the new interacted
 * frame: its key {@code [1,Ck,h,w]}, or with {@linkplain MivosNetworks#objectMemoryKeys() per-object memory keys} its
 * memory values {@code [N,Ck+Cv,h,w]} (or {@code [1,Ck+Cv,h,w]} for all objects)</li>
 * <li>{@code prev [N,1,H,W]} previous round, {@code cur [N,1,H,W]} new propagation (probabilities)</li>
 * <li>{@code dpos [N,1,H,W]}, {@code dneg [N,1,H,W]} mask gained / lost at the interacted frame in this round</li>
 * <li>{@code dist [N,2]} frames to the new / to the earlier interacted frame</li>
 * <li>→ {@code logits [N,1,H,W]}</li>
 * </ul>
 */
public final class Fusion {

	private final TorchMethod method;
	private final boolean objectMemoryKeys;

	Fusion(final TorchMethod method, final boolean objectMemoryKeys) {
		this.method = method;
		this.objectMemoryKeys = objectMemoryKeys;
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
		final Shape k = key.getShape(), ik = ikey.getShape();
		if (objectMemoryKeys) {
			if (ik.dimension() != 4 || (ik.get(0) != 1 && ik.get(0) != n) || ik.get(1) <= k.get(1) || ik.get(2) != k
				.get(2) || ik.get(3) != k.get(3)) throw new IllegalArgumentException("fuse: ikey must be the memory values [" +
					n + ",Ck+Cv," + k.get(2) + "," + k.get(3) + "] with Ck = " + k.get(1) + ", got " + ik);
		}
		else if (!k.equals(ik)) throw new IllegalArgumentException("fuse: key " + k + " and ikey " + ik + " differ");
		if (dist.getShape().dimension() != 2 || dist.getShape().get(1) != 2) throw new IllegalArgumentException(
			"fuse: dist must be [N,2], got " + dist.getShape());
		return method.call(out, image, key, ikey, prev, cur, dpos, dneg, dist).singletonOrThrow();
	}
}
