package sc.fiji.mivos.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.GraphicsEnvironment;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.scijava.Context;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.ImageCanvas;
import ij.gui.Toolbar;
import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.core.Polarity;
import sc.fiji.mivos.core.Scribble;
import sc.fiji.mivos.ij.LabelImages;
import sc.fiji.mivos.ij.MivosService;
import sc.fiji.mivos.ij.OverlayRenderer;
import sc.fiji.mivos.model.ShippedModel;

/**
 * The interactive tool driven like a user on the sample stack: mouse drags on the image canvas (two objects),
 * propagation from the panel, one correction, undo and redo, with the label image checked after each step; saves a
 * screenshot of the image with its overlay beside the panel to {@code target/gui/interactive.png}.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InteractiveGuiTest {

	private static Context context;
	private static LabelStack truth;

	@BeforeAll
	static void start() {
		assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display: run under xvfb-run");
		ShippedModel.assumePresent();
		context = new Context(MivosService.class);
		truth = SampleStack.truth();
		TestImageJ.start();
	}

	@AfterAll
	static void stop() {
		TestImageJ.quit();
		if (context != null) context.dispose();
	}

	private static LabelStack labels(final ControlPanel panel) {
		return LabelImages.toLabelStack(panel.segmentation().labelImage());
	}

	private static InteractiveSegmentation.Update await(final MivosTool tool) {
		final InteractiveSegmentation.Update u = tool.lastRequest().join();
		assertNotNull(u, "the tool sent a request");
		assertFalse(u.error(), u.message());
		return u;
	}

	private static double iou(final LabelStack l, final int id, final int t) {
		return SampleStack.iou(truth.frame(t), l.frame(t), id);
	}

	@Test
	void scribblePropagateCorrectUndoRedo() throws Exception {
		final ImagePlus image = SampleStack.image();
		final Object sourcePixels = ((short[]) image.getStack().getPixels(5)).clone();
		image.show();
		IJ.wait(300);
		final List<String> refused = new ArrayList<>();
		final ControlPanel panel = InteractiveMivosPlugIn.start(image, InteractiveSegmentationTest.SETTINGS, context
			.service(MivosService.class), ScriptedPrompts.refusing(refused));
		assertNotNull(panel, () -> "refused: " + refused);
		panel.segmentation().setAutosave(false);
		panel.segmentation().ready().join();
		final MivosTool tool = MivosTool.install();
		assertSame(tool, Toolbar.getPlugInTool(), "the MiVOS tool is selected");
		final ImageCanvas canvas = image.getCanvas();

		// object 1: a left drag through its centre on frame 1
		StrokeBench.drag(canvas, SampleStack.strokeThrough(truth, 1, 0, 1, Polarity.POSITIVE, 6), MouseEvent.BUTTON1,
			false);
		await(tool);
		final LabelStack s1 = labels(panel);
		assertTrue(iou(s1, 1, 0) > 0.5, "object 1 found on frame 1: IoU " + iou(s1, 1, 0));
		assertEquals(0, iou(s1, 1, 5), 1e-9, "other frames are untouched before propagation");

		// object 2: added, selected, a left drag
		final int second = panel.segmentation().addObject().join().value();
		panel.selectObject(second);
		StrokeBench.drag(canvas, SampleStack.strokeThrough(truth, 2, 0, second, Polarity.POSITIVE, 5),
			MouseEvent.BUTTON1, false);
		await(tool);
		final LabelStack s2 = labels(panel);
		assertTrue(iou(s2, 2, 0) > 0.5, "object 2 found on frame 1: IoU " + iou(s2, 2, 0));
		assertTrue(iou(s2, 1, 0) > 0.5, "object 1 stays");

		// a click (short stroke) with the right button is negative: here on the background next to object 2
		final int[] c2 = SampleStack.centre(truth, 2, 0);
		StrokeBench.drag(canvas, new Scribble(0, second, Polarity.NEGATIVE, new int[] { c2[0] + 14 }, new int[] { c2[1] }),
			MouseEvent.BUTTON3, false);
		await(tool);
		final Scribble last = panel.segmentation().strokes().all().get(panel.segmentation().strokes().all().size() - 1);
		assertEquals(Polarity.NEGATIVE, last.polarity());
		assertEquals(second, last.objectId());
		final LabelStack s3 = labels(panel);

		// propagation from the panel
		final double before = SampleStack.meanIou(truth, s3, 1, 2);
		final InteractiveSegmentation.Update p = panel.propagate().join();
		assertFalse(p.error(), p.message());
		final LabelStack propagated = labels(panel);
		final double after = SampleStack.meanIou(truth, propagated, 1, 2);
		assertTrue(after > before + 0.3, "propagation raises mean IoU over the stack: " + before + " -> " + after);

		// one correction on the frame MiVOS suggests, with an alt drag (negative) across object 1's edge
		final int t = panel.segmentation().suggestFrame().join().value();
		assertTrue(t > 0, "a propagated frame is suggested");
		ControlPanel.onEdt(() -> panel.showFrame(t));
		assertEquals(t, MivosTool.timePoint(image));
		panel.selectObject(1);
		StrokeBench.drag(canvas, SampleStack.strokeThrough(truth, 1, t, 1, Polarity.POSITIVE, 4), MouseEvent.BUTTON1,
			false);
		await(tool);
		final LabelStack corrected = labels(panel);
		assertNotEquals(propagated, corrected, "the correction changes frame " + (t + 1));
		for (int f = 0; f < SampleStack.FRAMES; f++)
			if (f != t) assertArrayEquals(propagated.frame(f), corrected.frame(f), "only the corrected frame changes");

		// undo restores the exact propagated labels, redo the corrected ones
		assertFalse(panel.segmentation().undo().join().error());
		assertEquals(propagated, labels(panel));
		assertFalse(panel.segmentation().redo().join().error());
		assertEquals(corrected, labels(panel));

		ControlPanel.onEdt(() -> {
			panel.showFrame(0);
			// NB: twice the size for a readable picture; only the canvas is painted, so the window can stay as it is.
			canvas.setMagnification(2);
			canvas.setSize(2 * image.getWidth(), 2 * image.getHeight());
		});
		IJ.wait(500);
		final BufferedImage shot = GuiDriver.sideBySide(canvas, panel.getContentPane());
		final Path png = Paths.get("target/gui/interactive.png");
		OverlayRenderer.writePng(shot, png);
		assertTrue(Files.size(png) > 1000);

		assertArrayEquals((short[]) sourcePixels, (short[]) image.getStack().getPixels(5), "the source is untouched");
		assertEquals(null, image.getOverlay(), "the source image gets no overlay");
		ControlPanel.onEdt(panel::dispose);
		assertEquals(null, tool.panel(image), "a closed panel releases its image");
		image.changes = false;
		image.close();
	}
}
