package sc.fiji.mivos.ui;

import ij.IJ;
import ij.ImageJ;

/**
 * An ImageJ instance (hidden) for GUI tests, which the MiVOS tool needs for its toolbar. It must be quit after the
 * tests: while an instance exists, ImageJ reports errors in modal dialogs, which would stop later tests in the
 * same JVM.
 */
final class TestImageJ {

	private TestImageJ() {}

	static void start() {
		if (IJ.getInstance() == null) new ImageJ(ImageJ.NO_SHOW);
	}

	/** Quits the instance (closing every window) and waits until it is gone. */
	static void quit() {
		final ImageJ ij = IJ.getInstance();
		if (ij == null) return;
		ij.quit();
		for (int i = 0; i < 200 && IJ.getInstance() != null; i++)
			IJ.wait(50);
	}
}
