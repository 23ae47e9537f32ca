package sc.fiji.mivos.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Conversions between label images on the processing grid and per-object tensors, and the object batches stages run
 * on. Object order is the order of an {@code int[] ids} array (ascending object ids); tensor index {@code i} is
 * object {@code ids[i]}, and in aggregated probabilities index 0 is background and {@code i + 1} is {@code ids[i]}.
 */
final class ObjectMasks {

	/** Most objects passed to one stage call; bounds the memory a call needs. */
	static final int MAX_BATCH = 32;

	/**
	 * Objects per {@code encode_value} call. NB: with several objects per call, the value encoder of model
	 * {@code lite} 0.1.0 (whose stem convolution has 12 channels) returned NaN in up to a fifth of the calls under
	 * oneDNN's AVX2 kernels; one object per call gave none in 12000 calls. Raise it again once the value encoder's
	 * channel counts are multiples of 8.
	 */
	static final int VALUE_BATCH = 1;

	private ObjectMasks() {}

	/**
	 * A processing-grid label image with, per pixel, the probability of its label.
	 *
	 * @param labels {@code [H][W]} object ids, 0 = background
	 * @param confidence {@code [H][W]} probability of each pixel's label
	 */
	record Decoded(int[] labels, float[] confidence) {}

	/** @return index ranges {@code [from, to)} of at most {@link #MAX_BATCH} objects covering {@code 0..n-1} */
	static List<int[]> batches(final int n) {
		return batches(n, MAX_BATCH);
	}

	/** @return index ranges {@code [from, to)} of at most {@code size} objects covering {@code 0..n-1} */
	static List<int[]> batches(final int n, final int size) {
		final List<int[]> out = new ArrayList<>();
		for (int from = 0; from < n; from += size)
			out.add(new int[] { from, Math.min(n, from + size) });
		return out;
	}

	/**
	 * @param labels {@code [H][W]} processing-grid labels
	 * @param ids the objects wanted
	 * @return {@code [ids.length,1,H,W]} float 0/1 masks, in {@code m}
	 */
	static NDArray masks(final NDManager m, final int[] labels, final int[] ids, final int height, final int width) {
		try (NDManager scope = m.newSubManager()) {
			final NDArray lab = scope.create(labels, new Shape(1, 1, height, width));
			final NDArray id = scope.create(ids, new Shape(ids.length, 1, 1, 1));
			final NDArray masks = lab.eq(id).toType(DataType.FLOAT32, false);
			masks.attach(m);
			return masks;
		}
	}

	/** @return for object probabilities {@code [N,1,H,W]}, the clipped sum of all others {@code [N,1,H,W]} */
	static NDArray others(final NDArray probs) {
		return probs.sum(new int[] { 0 }, true).sub(probs).clip(0, 1);
	}

	/** @return {@code [to-from, ...]} rows {@code from..to-1} of {@code a}, in {@code m} */
	static NDArray rows(final NDManager m, final NDArray a, final int from, final int to) {
		if (from == 0 && to == a.getShape().get(0)) return a;
		return a.get(m, new NDIndex("{}:{}", from, to));
	}

	/** Concatenates per-batch results along the object axis; the result lives where the first part does. */
	static NDArray concat(final NDList parts) {
		return parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, 0);
	}

	/**
	 * Each pixel takes its most probable label (the first on a tie).
	 *
	 * @param prob {@code [N+1,1,H,W]} aggregated probabilities, background first
	 * @param ids the N objects
	 */
	static Decoded decode(final NDArray prob, final int[] ids) {
		// NB: one copy and a loop here; libtorch's argmax and max over the leading axis took about 45 % as long
		// as the whole segment stage.
		final float[] p = prob.toFloatArray();
		final int planes = ids.length + 1;
		final int size = p.length / planes;
		final int[] labels = new int[size];
		final float[] conf = new float[size];
		for (int i = 0; i < size; i++) {
			int best = 0;
			float max = p[i];
			for (int k = 1; k < planes; k++) {
				final float v = p[k * size + i];
				if (v > max) {
					max = v;
					best = k;
				}
			}
			labels[i] = best == 0 ? 0 : ids[best - 1];
			conf[i] = max;
		}
		return new Decoded(labels, conf);
	}

	/** @return ids &gt; 0 present in {@code labels}, ascending */
	static int[] presentIds(final int[] labels) {
		final SortedSet<Integer> ids = new TreeSet<>();
		int last = 0;
		for (final int v : labels) {
			// NB: labels come in long runs; only a change of value can add an id.
			if (v != last && v > 0) ids.add(v);
			last = v;
		}
		return ids.stream().mapToInt(Integer::intValue).toArray();
	}
}
