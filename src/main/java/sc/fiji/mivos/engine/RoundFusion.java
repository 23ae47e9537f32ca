package sc.fiji.mivos.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import sc.fiji.mivos.core.FusionSchedule;

/**
 * How one propagation round merges its new masks, on a frame between the new interacted frame and an earlier one,
 * with what the earlier round left there. Close it when the round ends.
 */
interface RoundFusion extends AutoCloseable {

	/**
	 * @param out manager of the result
	 * @param t the target frame
	 * @param frame its features
	 * @param cur {@code [N+1,1,H,W]} new propagation probabilities, background first
	 * @param d the frame's distances to the two interactions
	 * @return {@code [N+1,1,H,W]} merged probabilities, or {@code null} when there is no usable result (the caller
	 *         keeps the new propagation)
	 */
	NDArray fuse(NDManager out, int t, FrameFeatures frame, NDArray cur, FusionSchedule.Distances d);

	/** Frees what the merge holds for the round (nothing by default). */
	@Override
	default void close() {}
}
