package sc.fiji.mivos.ij;

import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;

import sc.fiji.mivos.core.MivosException;

/**
 * Base of every MiVOS command: bad input, thrown as {@link MivosException}, is logged in one line and cancels the
 * command with that line as its reason, instead of surfacing as a stack trace. Menu entries come from the ImageJ 1.x
 * plug-ins of {@code sc.fiji.mivos.ij.plugin} (see {@link EngineCommand}).
 */
public abstract class MivosCommand extends ContextCommand {

	@Parameter
	protected LogService log;

	/** Does the command's work; bad input is thrown as {@link MivosException}. */
	protected abstract void execute();

	@Override
	public final void run() {
		try {
			execute();
		}
		catch (final MivosException e) {
			log.error("MiVOS: " + e.getMessage());
			cancel(e.getMessage());
		}
	}
}
