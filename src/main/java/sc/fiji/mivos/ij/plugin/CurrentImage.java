package sc.fiji.mivos.ij.plugin;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.ImageWindow;
import ij.macro.Interpreter;

/** Makes a result image the current image, shown in a window or, in a batch-mode macro, among the hidden images. */
final class CurrentImage {

	private CurrentImage() {}

	/** Shows {@code imp} if it is not shown yet and makes it the current image; it may already be shown. */
	static void show(final ImagePlus imp) {
		if (Interpreter.isBatchMode() || IJ.isMacro() && IJ.getInstance() == null) {
			if (Interpreter.getBatchModeImage(imp.getID()) == null) imp.show();
			else {
				Interpreter.activateImage(imp);
				WindowManager.setTempCurrentImage(imp);
			}
			return;
		}
		final ImageWindow window = imp.getWindow();
		if (window == null) imp.show();
		else {
			WindowManager.setCurrentWindow(window);
			window.toFront();
		}
	}
}
