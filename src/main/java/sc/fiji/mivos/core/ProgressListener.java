package sc.fiji.mivos.core;

/**
 * Receives progress of long work, once per frame (never per pixel). Adapters connect it to the console, the
 * SciJava {@code StatusService} and Swing progress bars.
 */
public interface ProgressListener {

	/** Does nothing; the default where no one listens. */
	ProgressListener NONE = (status, done, total) -> {};

	/**
	 * @param status short human-readable text, e.g. "propagating forward"
	 * @param done units of work finished so far
	 * @param total units of work in all (0 if unknown)
	 */
	void progress(String status, long done, long total);
}
