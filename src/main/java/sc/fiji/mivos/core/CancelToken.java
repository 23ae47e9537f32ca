package sc.fiji.mivos.core;

/**
 * A cancel flag shared between the one who asks for cancellation (a button, a command's {@code cancel}) and the
 * worker, which checks it between frames and between objects and keeps the frames it already finished.
 */
public final class CancelToken {

	private volatile String reason;

	/** Asks the worker to stop as soon as the current frame is done. */
	public void cancel(final String why) {
		reason = why == null ? "canceled" : why;
	}

	public boolean isCanceled() {
		return reason != null;
	}

	/** @return why the work was canceled, or {@code null} while it was not */
	public String reason() {
		return reason;
	}
}
