package sc.fiji.mivos.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Encodes one frame into its key and decoder features ({@code encode_key}):
 * {@code image [1,C,H,W]} → {@link KeyFeatures} {@code key [1,Ck,h,w], f16 [1,C16,h,w], f8 [1,C8,H/8,W/8],
 * f4 [1,C4,H/4,W/4]} with {@code h = H/16, w = W/16}.
 */
public final class KeyEncoder {

	private final TorchMethod method;

	KeyEncoder(final TorchMethod method) {
		this.method = method;
	}

	/** @return the frame's features, attached to {@code out} */
	public KeyFeatures encode(final NDManager out, final NDArray image) {
		StageShapes.image("encode_key", image);
		final NDList r = method.call(out, image);
		if (r.size() != 4) throw new IllegalStateException("encode_key returned " + r.size() + " tensors, expected 4");
		return new KeyFeatures(r.get(0), r.get(1), r.get(2), r.get(3));
	}
}
