package sc.fiji.mivos.ui;

import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;

/** The questions and messages of starting the interactive tool; tests answer them without dialogs. */
interface Prompts {

	/** Reports why the tool did not start. */
	void refuse(String message);

	/** Says something on the status bar. */
	void status(String message);

	/** @return 1-based {channel, slice} to segment, or {@code null} when the user canceled */
	int[] channelAndSlice(ImagePlus image);

	/** @return whether to continue the session saved in {@code file} */
	boolean resume(Path file);

	/** ImageJ dialogs; channel and slice record as macro keys {@code channel} and {@code slice}. */
	Prompts DIALOGS = new Prompts() {

		@Override
		public void refuse(final String message) {
			IJ.error("Interactive MiVOS", message);
		}

		@Override
		public void status(final String message) {
			IJ.showStatus(message);
		}

		@Override
		public int[] channelAndSlice(final ImagePlus image) {
			final GenericDialog gd = new GenericDialog("Interactive MiVOS");
			gd.addMessage("'" + image.getTitle() + "' has " + image.getNChannels() + " channel(s), " + image
				.getNSlices() + " slice(s) and " + image.getNFrames() + " frame(s).\nMiVOS segments one channel of one " +
				"slice over time.");
			gd.addSlider("Channel", 1, image.getNChannels(), image.getC());
			gd.addSlider("Slice", 1, image.getNSlices(), image.getZ());
			gd.showDialog();
			if (gd.wasCanceled()) return null;
			final int c = (int) gd.getNextNumber(), z = (int) gd.getNextNumber();
			if (c < 1 || c > image.getNChannels() || z < 1 || z > image.getNSlices()) {
				refuse("Channel " + c + " / slice " + z + " does not exist in '" + image.getTitle() + "'");
				return null;
			}
			return new int[] { c, z };
		}

		@Override
		public boolean resume(final Path file) {
			final GenericDialog gd = new GenericDialog("Interactive MiVOS");
			gd.addMessage("A saved MiVOS session lies next to this image:\n" + file + "\nContinue it?");
			gd.enableYesNoCancel("Continue it", "Start afresh");
			gd.showDialog();
			return !gd.wasCanceled() && gd.wasOKed();
		}
	};
}
