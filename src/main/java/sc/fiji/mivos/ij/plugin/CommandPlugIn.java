package sc.fiji.mivos.ij.plugin;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.plugin.PlugIn;
import sc.fiji.mivos.core.MivosException;

/**
 * The ImageJ 1.x entry point of one SciJava command: it gives the command a menu entry through
 * {@code plugins.config}, in plain ImageJ as in Fiji, and makes it recordable and replayable as
 * {@code run("Title", "key=value ...")}. It takes the current image, asks for (or reads from the macro options) the
 * command's other inputs under their parameter names, refuses unknown keys, runs the command synchronously in the
 * {@link SharedContext} and presents its outputs. All the work is the command's.
 */
public abstract class CommandPlugIn implements PlugIn {

	private final Class<? extends Command> command;
	private final String title;
	private final String currentImageKey;

	/**
	 * @param command the SciJava command run
	 * @param title the menu label, also the dialog title and the name used in messages
	 * @param currentImageKey the command's image input that receives the current image
	 */
	protected CommandPlugIn(final Class<? extends Command> command, final String title,
		final String currentImageKey)
	{
		this.command = command;
		this.title = title;
		this.currentImageKey = currentImageKey;
	}

	@Override
	public void run(final String arg) {
		try {
			runOnCurrentImage();
		}
		catch (final RuntimeException e) {
			// NB: ImageJ would print the exception and let the macro go on; a failed step must stop it.
			IJ.log(title + " failed:\n" + stackTrace(e));
			IJ.error(title, title + " failed: " + e + " (details in the Log window)");
		}
	}

	private void runOnCurrentImage() {
		final ImagePlus current = WindowManager.getCurrentImage();
		if (current == null) {
			IJ.noImage();
			return;
		}
		final Context context = SharedContext.get();
		final CommandService commands = context.service(CommandService.class);
		final CommandInfo info = commands.getCommand(command);
		final Module defaults = context.service(ModuleService.class).createModule(info);
		final CommandDialog dialog = new CommandDialog(title, defaults, Set.of(currentImageKey), key ->
			defaultImageTitle(key, current));
		final String unknown = dialog.unknownKeyMessage(Macro.getOptions());
		if (unknown != null) {
			IJ.error(title, unknown);
			return;
		}
		final Map<String, Object> inputs;
		try {
			inputs = dialog.ask();
		}
		catch (final MivosException e) {
			IJ.error(title, e.getMessage());
			return;
		}
		if (inputs == null) return;
		inputs.put(currentImageKey, current);
		final CommandModule module = runSynchronously(commands, inputs);
		if (module.isCanceled()) IJ.error(title, module.getCancelReason());
		else present(module, current);
	}

	/**
	 * Shows or reports the command's outputs.
	 *
	 * @param current the image the command ran on
	 */
	protected abstract void present(CommandModule module, ImagePlus current);

	/**
	 * @return the title preselected for an image input other than the current image; null for the first open image
	 */
	protected String defaultImageTitle(final String key, final ImagePlus current) {
		return null;
	}

	/** @return the menu label */
	protected String title() {
		return title;
	}

	private static String stackTrace(final Throwable e) {
		final StringWriter text = new StringWriter();
		e.printStackTrace(new PrintWriter(text));
		return text.toString();
	}

	private CommandModule runSynchronously(final CommandService commands, final Map<String, Object> inputs) {
		try {
			// NB: no pre- or postprocessing — the dialog is ours, and Fiji would otherwise display outputs twice.
			return commands.run(command, false, inputs).get();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(title + " was interrupted", e);
		}
		catch (final ExecutionException e) {
			throw new IllegalStateException(title + " failed: " + e.getCause(), e.getCause());
		}
	}
}
