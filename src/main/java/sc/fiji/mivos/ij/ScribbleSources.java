package sc.fiji.mivos.ij;

import java.io.File;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.macro.Interpreter;
import ij.plugin.frame.RoiManager;
import sc.fiji.mivos.core.MivosException;
import sc.fiji.mivos.io.ScribbleFiles;

/**
 * Where the commands find scribble ROIs: a file when one is given, else the ROI Manager (also the hidden one of a
 * batch-mode macro) when it holds ROIs, else the image's overlay.
 */
public final class ScribbleSources {

	private ScribbleSources() {}

	/**
	 * @param file a {@code .roi}, {@code .zip} or {@code .json} scribble file, or {@code null}
	 * @throws MivosException when no source holds any ROI
	 */
	public static Roi[] find(final ImagePlus image, final File file) {
		if (file != null && !file.getPath().isEmpty()) return ScribbleFiles.read(file.toPath());
		RoiManager manager = RoiManager.getInstance();
		if (manager == null && Interpreter.isBatchMode()) manager = Interpreter.getBatchModeRoiManager();
		if (manager != null && manager.getCount() > 0) return manager.getRoisAsArray();
		final Overlay overlay = image.getOverlay();
		if (overlay != null && overlay.size() > 0) return overlay.toArray();
		throw new MivosException("No scribbles: draw ROIs named like 1+, 1-, bg into the ROI Manager or the " +
			"overlay of " + image.getTitle() + ", or give a scribble file");
	}
}
