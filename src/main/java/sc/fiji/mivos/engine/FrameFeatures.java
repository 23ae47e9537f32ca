package sc.fiji.mivos.engine;

import ai.djl.ndarray.NDArray;
import sc.fiji.mivos.model.KeyFeatures;

/**
 * One frame as the networks see it, computed once and shared by all objects and rounds.
 *
 * @param image {@code [1,C,H,W]} normalised, resized and padded pixels
 * @param features key and decoder features of the image
 */
record FrameFeatures(NDArray image, KeyFeatures features) {

	/** @return bytes held */
	long bytes() {
		return image.size() * 4 + features.bytes();
	}
}
