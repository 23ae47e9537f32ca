package sc.fiji.mivos.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Scribble-to-Mask: turns scribbles and the previous mask of N objects on one frame into new mask logits.
 * <ul>
 * <li>{@code image [1,C,H,W]} f32 0..1, C = 1 or 3, H and W multiples of 16</li>
 * <li>{@code prev [N,1,H,W]} previous mask probability of each object</li>
 * <li>{@code pos [N,1,H,W]}, {@code neg [N,1,H,W]} 0/1 stroke maps</li>
 * <li>→ {@code logits [N,1,H,W]}</li>
 * </ul>
 */
public final class S2m {

	private final TorchMethod method;

	S2m(final TorchMethod method) {
		this.method = method;
	}

	/** @return logits {@code [N,1,H,W]}, attached to {@code out} */
	public NDArray run(final NDManager out, final NDArray image, final NDArray prev, final NDArray pos,
		final NDArray neg)
	{
		StageShapes.image("s2m", image);
		final long h = image.getShape().get(2), w = image.getShape().get(3);
		final long n = StageShapes.masks("s2m", "prev", prev, h, w);
		StageShapes.masks("s2m", "pos", pos, h, w);
		StageShapes.masks("s2m", "neg", neg, h, w);
		StageShapes.sameN("s2m", n, pos, neg);
		return method.call(out, image, prev, pos, neg).singletonOrThrow();
	}
}
