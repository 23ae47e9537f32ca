package sc.fiji.mivos.model;

import sc.fiji.mivos.core.MivosException;

/**
 * A network stage kept returning NaN or infinite values for finite inputs. Callers that can do without the result
 * (fusion, adding a frame to the memory) catch it and carry on; others let it reach the user.
 */
public class NonFiniteOutputException extends MivosException {

	private static final long serialVersionUID = 1L;

	/** @param stage the stage's method name, e.g. "encode_value" */
	public NonFiniteOutputException(final String stage, final int attempts) {
		super("The " + stage + " stage returned NaN or infinite values " + attempts +
			" times in a row; try fewer threads or check the input image");
	}
}
