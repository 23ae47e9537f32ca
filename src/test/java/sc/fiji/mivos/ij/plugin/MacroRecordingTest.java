package sc.fiji.mivos.ij.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.Button;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.TextField;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import ij.Executer;
import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.plugin.frame.Recorder;
import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.ij.LabelImages;
import sc.fiji.mivos.ij.TwoDiscs;
import sc.fiji.mivos.io.ImageFiles;
import sc.fiji.mivos.io.RoiFiles;

/**
 * Running <em>Propagate</em> by hand with the Recorder open records a {@code run("Propagate", "...")} call whose keys
 * are the command's parameter names, and replaying that call in a macro gives the same labels. The dialog is filled
 * and confirmed by a helper thread, as a user would.
 */
class MacroRecordingTest {

	@TempDir
	Path dir;

	@Test
	@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void aRecordedPropagateReplaysToTheSameLabels() throws Exception {
		assumeFalse(GraphicsEnvironment.isHeadless(), "the dialog needs a display; run under xvfb-run");
		ImageJMacros.install();
		final Path image = dir.resolve("two-discs.tif");
		final Path strokes = dir.resolve("strokes.zip");
		IJ.saveAsTiff(TwoDiscs.image(), image.toString());
		RoiFiles.write(TwoDiscs.strokes(), strokes);

		final Recorder recorder = new Recorder(false);
		final String recorded;
		final LabelStack byHand;
		try {
			final Thread user = new Thread(() -> confirm("Propagate", strokes.toString()), "dialog user");
			user.start();
			final ImagePlus source = ImageFiles.open(image);
			// NB: as the menu does: the command runs on a thread of its own, which the Recorder records
			new Executer("Propagate", source);
			user.join();
			final long deadline = System.currentTimeMillis() + 240_000;
			while (!recorder.getText().contains("run(\"Propagate\"") && System.currentTimeMillis() < deadline)
				IJ.wait(50);
			recorded = recorder.getText();
			final ImagePlus labels = WindowManager.getImage("two-discs-labels");
			assertNotNull(labels, "the label image opens in a window");
			byHand = LabelImages.toLabelStack(labels);
			labels.close();
		}
		finally {
			recorder.close();
		}
		final Matcher call = Pattern.compile("run\\(\"Propagate\", \"([^\"]*)\"\\);").matcher(recorded);
		assertTrue(call.find(), recorded);
		final String options = call.group(1);
		for (final String key : new String[] { "scribbles=", "channel=", "slice=", "first_frame=", "last_frame=",
			"max_memory_frames=", "processing_size=" })
			assertTrue(options.contains(key), key + " missing from " + options);

		final ImageJMacros.Outcome replay = ImageJMacros.run("setBatchMode(true);\nopen(\"" + image + "\");\n" + call
			.group() + "\nsaveAs(\"Tiff\", \"" + dir.resolve("replayed.tif") + "\");\n", "");
		assertNull(replay.error());
		assertEquals(byHand, LabelImages.toLabelStack(ImageFiles.open(dir.resolve("replayed.tif"))));
	}

	/**
	 * Waits for the dialog titled {@code title}, types the scribble file into its first text field (the command's own
	 * inputs come first), presses OK.
	 */
	private static void confirm(final String title, final String scribbles) {
		final long deadline = System.currentTimeMillis() + 120_000;
		while (System.currentTimeMillis() < deadline) {
			for (final Window w : Window.getWindows())
				if (w instanceof GenericDialog gd && gd.isVisible() && title.equals(gd.getTitle())) {
					final TextField field = (TextField) gd.getStringFields().get(0);
					final Button ok = gd.getButtons()[0];
					assertNotNull(ok);
					EventQueue.invokeLater(() -> {
						field.setText(scribbles);
						gd.actionPerformed(new ActionEvent(ok, ActionEvent.ACTION_PERFORMED, ok.getLabel()));
					});
					return;
				}
			IJ.wait(50);
		}
	}
}
