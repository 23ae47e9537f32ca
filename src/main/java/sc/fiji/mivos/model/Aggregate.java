package sc.fiji.mivos.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Soft aggregation of N objects' logits into probabilities that sum to one per pixel ({@code aggregate}):
 * {@code logits [N,1,H,W]} → {@code prob [N+1,1,H,W]}, index 0 = background.
 */
public final class Aggregate {

	private final TorchMethod method;

	Aggregate(final TorchMethod method) {
		this.method = method;
	}

	/** @return probabilities {@code [N+1,1,H,W]}, attached to {@code out} */
	public NDArray run(final NDManager out, final NDArray logits) {
		if (logits.getShape().dimension() != 4 || logits.getShape().get(1) != 1) throw new IllegalArgumentException(
			"aggregate: logits must be [N,1,H,W], got " + logits.getShape());
		return method.call(out, logits).singletonOrThrow();
	}
}
