package sc.fiji.mivos.engine;

/**
 * What one propagation round did.
 *
 * @param startFrame 0-based interacted frame it started from
 * @param framesPlanned frames the round was to write (both directions)
 * @param framesDone frames written; all of them are kept even when canceled
 * @param framesFused frames merged with the previous round by difference-aware fusion
 * @param canceled whether it stopped early on request
 * @param message one line for the user, e.g. "propagated 40 frames from frame 12 (8 fused)"
 * @param millis wall-clock duration
 */
public record PropagationResult(int startFrame, int framesPlanned, int framesDone, int framesFused,
	boolean canceled, String message, long millis)
{}
