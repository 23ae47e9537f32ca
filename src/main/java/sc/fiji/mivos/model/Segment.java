package sc.fiji.mivos.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Reads the memory with top-k attention and decodes mask logits for a query frame ({@code segment}):
 * <ul>
 * <li>query {@link KeyFeatures}: {@code key [1,Ck,h,w], f16, f8, f4}</li>
 * <li>{@code memKeys [1,Ck,T,h,w]}, {@code memValues [N,Cv,T,h,w]} for T memory frames (with
 * {@linkplain MivosNetworks#objectMemoryKeys() per-object memory keys} the keys are read from the first Ck channels of
 * the values and {@code memKeys} only has to have its shape)</li>
 * <li>{@code topK}: memory entries each query position reads, clamped inside to the positions it searches
 * ({@code T·h·w}, or {@code T·S} for a network with a spatial prior, which only searches a window of S cells around
 * each query)</li>
 * <li>→ {@code logits [N,1,H,W]}</li>
 * </ul>
 */
public final class Segment {

	private final TorchMethod method;

	Segment(final TorchMethod method) {
		this.method = method;
	}

	/** @return logits {@code [N,1,H,W]}, attached to {@code out} */
	public NDArray run(final NDManager out, final KeyFeatures query, final NDArray memKeys,
		final NDArray memValues, final int topK)
	{
		final Shape k = query.key().getShape(), mk = memKeys.getShape(), mv = memValues.getShape();
		if (mk.dimension() != 5 || mk.get(0) != 1 || mk.get(1) != k.get(1) || mk.get(3) != k.get(2) || mk.get(4) != k
			.get(3)) throw new IllegalArgumentException("segment: memKeys must be [1," + k.get(1) + ",T," + k.get(2) +
				"," + k.get(3) + "], got " + mk);
		if (mv.dimension() != 5 || mv.get(2) != mk.get(2) || mv.get(3) != mk.get(3) || mv.get(4) != mk.get(4))
			throw new IllegalArgumentException("segment: memValues must be [N,Cv," + mk.get(2) + "," + mk.get(3) + "," +
				mk.get(4) + "], got " + mv);
		if (topK < 1) throw new IllegalArgumentException("segment: top_k must be positive, got " + topK);
		try (NDManager scope = out.newSubManager()) {
			final NDArray k64 = scope.create((long) topK);
			return method.call(out, query.key(), query.f16(), query.f8(), query.f4(), memKeys, memValues, k64)
				.singletonOrThrow();
		}
	}
}
