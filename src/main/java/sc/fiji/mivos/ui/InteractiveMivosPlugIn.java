package sc.fiji.mivos.ui;

import sc.fiji.mivos.ij.plugin.SharedContext;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.WindowManager;
import ij.plugin.PlugIn;
import sc.fiji.mivos.core.EngineSettings;
import sc.fiji.mivos.ij.MivosService;

/**
 * <em>Interactive MiVOS</em>: opens the MiVOS panel and selects the MiVOS tool for the current image. Refuses, with
 * a message, when there is no image, a single time point or an indexed-colour image; asks for the channel and
 * slice of a hyperstack; offers to continue a session saved next to the image. The source image is only read.
 */
public final class InteractiveMivosPlugIn implements PlugIn {

	@Override
	public void run(final String arg) {
		start(WindowManager.getCurrentImage(), SettingsPrefs.load(), SharedContext.service(), Prompts.DIALOGS);
	}

	/**
	 * Opens the tool on a shown image with the given settings, asking with ImageJ dialogs where needed (for the
	 * command line's {@code ./mivos gui}).
	 */
	public static void open(final ImagePlus image, final EngineSettings settings) {
		start(image, settings, SharedContext.service(), Prompts.DIALOGS);
	}

	/**
	 * @return the panel, or {@code null} when the image was refused or the user canceled
	 */
	static ControlPanel start(final ImagePlus image, final EngineSettings settings, final MivosService service,
		final Prompts prompts)
	{
		final String problem = TimeLapseInput.problem(image);
		if (problem != null) {
			prompts.refuse(problem);
			return null;
		}
		final ControlPanel open = MivosTool.install().panel(image);
		if (open != null) {
			ControlPanel.onEdt(open::toFront);
			return open;
		}
		final Path saved = InteractiveSegmentation.defaultSessionFile(image);
		if (saved != null && Files.isRegularFile(saved) && prompts.resume(saved)) {
			try {
				return ControlPanel.open(InteractiveSegmentation.resume(saved, service, s -> image));
			}
			catch (final RuntimeException e) {
				prompts.refuse(e.getMessage());
				return null;
			}
		}
		int[] cz = { 1, 1 };
		if (TimeLapseInput.needsChannelAndSlice(image)) {
			cz = prompts.channelAndSlice(image);
			if (cz == null) {
				prompts.status("Interactive MiVOS canceled");
				return null;
			}
		}
		return ControlPanel.open(InteractiveSegmentation.start(image, cz[0], cz[1], settings, service));
	}
}
