package sc.fiji.mivos.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * What {@link KeyEncoder} computes for one frame; computed once per frame and shared by all objects.
 *
 * @param key {@code [1,Ck,h,w]} key for memory reads and fusion alignment
 * @param f16 {@code [1,C16,h,w]} stride-16 features (value encoding, decoding)
 * @param f8 {@code [1,C8,H/8,W/8]} skip features
 * @param f4 {@code [1,C4,H/4,W/4]} skip features
 */
public record KeyFeatures(NDArray key, NDArray f16, NDArray f8, NDArray f4) {

	/** @return the four arrays, e.g. to attach them to another manager */
	public NDList asList() {
		return new NDList(key, f16, f8, f4);
	}

	/** @return bytes held by the four arrays */
	public long bytes() {
		long n = 0;
		for (final NDArray a : asList())
			n += a.size() * a.getDataType().getNumOfBytes();
		return n;
	}
}
