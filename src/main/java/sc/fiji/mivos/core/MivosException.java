package sc.fiji.mivos.core;

/**
 * A problem the user can fix: bad input, a missing or corrupted model file, an unsupported image. The message is
 * one line that names the offending input; it is shown as-is in the status bar, a dialog or on stderr.
 */
public class MivosException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public MivosException(final String message) {
		super(message);
	}

	public MivosException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
