package sc.fiji.mivos.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Encodes the masks of N objects on one frame into memory values ({@code encode_value}):
 * <ul>
 * <li>{@code image [1,C,H,W]}, {@code f16 [1,C16,h,w]} (from {@link KeyEncoder})</li>
 * <li>{@code mask [N,1,H,W]} probability of each object</li>
 * <li>{@code others [N,1,H,W]} sum of the other objects' probabilities, clipped to 1</li>
 * <li>→ {@code value [N,Cv,h,w]}; with {@linkplain MivosNetworks#objectMemoryKeys() per-object memory keys}
 * {@code [N,Ck+Cv,h,w]}, each object's memory key first (and {@code f16} unused)</li>
 * </ul>
 */
public final class ValueEncoder {

	private final TorchMethod method;

	ValueEncoder(final TorchMethod method) {
		this.method = method;
	}

	/** @return values {@code [N,Cv,h,w]}, attached to {@code out} */
	public NDArray encode(final NDManager out, final NDArray image, final NDArray f16, final NDArray mask,
		final NDArray others)
	{
		StageShapes.image("encode_value", image);
		final long h = image.getShape().get(2), w = image.getShape().get(3);
		final long n = StageShapes.masks("encode_value", "mask", mask, h, w);
		StageShapes.masks("encode_value", "others", others, h, w);
		StageShapes.sameN("encode_value", n, others);
		return method.call(out, image, f16, mask, others).singletonOrThrow();
	}
}
