package sc.fiji.mivos.io;

import java.nio.file.Path;
import java.util.Locale;

import ij.gui.Roi;

/**
 * Reads scribbles from any file the product accepts: an ImageJ {@code .roi}, a ROI-Manager {@code .zip} or a
 * {@code .json} stroke file — all as named, positioned ROIs, so one scribble convention covers them.
 */
public final class ScribbleFiles {

	private ScribbleFiles() {}

	/** @throws sc.fiji.mivos.core.MivosException when the file is missing, unreadable or of another kind */
	public static Roi[] read(final Path file) {
		return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? ScribbleJson.toRois(
			ScribbleJson.read(file)) : RoiFiles.read(file);
	}
}
