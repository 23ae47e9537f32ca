package sc.fiji.mivos.ui;

import sc.fiji.mivos.ij.plugin.SharedContext;
import java.awt.event.InputEvent;
import java.awt.event.MouseEvent;
import java.lang.reflect.InvocationTargetException;
import java.util.List;

import javax.swing.SwingUtilities;

import ij.ImagePlus;
import ij.gui.ImageCanvas;
import sc.fiji.mivos.core.EngineSettings;
import sc.fiji.mivos.core.MivosException;
import sc.fiji.mivos.core.Polarity;
import sc.fiji.mivos.core.Scribble;

/**
 * Measures how fast the interactive tool answers a stroke: opens the MiVOS panel on a shown image, draws strokes
 * as mouse drags on its canvas and records, for each, the time from the mouse release to the Scribble-to-Mask
 * result (the figure the tool also logs). For {@code ./mivos gui --bench-strokes N}; needs a display.
 */
public final class StrokeBench {

	private StrokeBench() {}

	/**
	 * @param image a shown time-lapse
	 * @param strokes the strokes to draw, in order; each object they name is added to the list first
	 * @return milliseconds per stroke
	 * @throws MivosException when the tool refuses the image or a stroke
	 */
	public static long[] measure(final ImagePlus image, final EngineSettings settings, final List<Scribble> strokes) {
		final ControlPanel panel = InteractiveMivosPlugIn.start(image, settings, SharedContext.service(), Prompts.DIALOGS);
		if (panel == null) throw new MivosException("Interactive MiVOS did not start on " + image.getTitle());
		try {
			final InteractiveSegmentation seg = panel.segmentation();
			seg.setAutosave(false);
			seg.ready().join();
			final int most = strokes.stream().mapToInt(Scribble::objectId).max().orElse(1);
			while (seg.objects().stream().mapToInt(o -> o.id()).max().orElse(0) < most)
				seg.addObject().join();
			final MivosTool tool = MivosTool.install();
			final long[] millis = new long[strokes.size()];
			for (int i = 0; i < millis.length; i++) {
				final Scribble s = strokes.get(i);
				panel.selectObject(s.objectId());
				drag(image.getCanvas(), s, s.polarity() == Polarity.NEGATIVE ? MouseEvent.BUTTON3 : MouseEvent.BUTTON1,
					false);
				final InteractiveSegmentation.Update u = tool.lastRequest().join();
				if (u == null || u.error()) throw new MivosException("Stroke " + (i + 1) + " failed: " + (u == null
					? "no request" : u.message()));
				millis[i] = u.millis();
			}
			return millis;
		}
		finally {
			ControlPanel.onEdt(panel::dispose);
		}
	}

	/**
	 * Drags along a scribble's pixels on a canvas, as the mouse would: pressed on the first pixel, dragged through
	 * the others, released on the last (a one-pixel scribble is a click).
	 *
	 * @param button {@link MouseEvent#BUTTON1} or {@link MouseEvent#BUTTON3}
	 * @param alt whether the alt key is held
	 */
	static void drag(final ImageCanvas canvas, final Scribble path, final int button, final boolean alt) {
		final int held = (button == MouseEvent.BUTTON3 ? InputEvent.BUTTON3_DOWN_MASK : InputEvent.BUTTON1_DOWN_MASK) |
			(alt ? InputEvent.ALT_DOWN_MASK : 0);
		final int n = path.size();
		send(canvas, MouseEvent.MOUSE_PRESSED, path.xs()[0], path.ys()[0], held, button);
		for (int i = 1; i < n; i++)
			send(canvas, MouseEvent.MOUSE_DRAGGED, path.xs()[i], path.ys()[i], held, MouseEvent.NOBUTTON);
		send(canvas, MouseEvent.MOUSE_RELEASED, path.xs()[n - 1], path.ys()[n - 1], alt ? InputEvent.ALT_DOWN_MASK : 0,
			button);
	}

	private static void send(final ImageCanvas canvas, final int id, final int x, final int y, final int modifiers,
		final int button)
	{
		final int sx = (int) canvas.screenXD(x + 0.5), sy = (int) canvas.screenYD(y + 0.5);
		final Runnable r = () -> canvas.dispatchEvent(new MouseEvent(canvas, id, System.currentTimeMillis(), modifiers,
			sx, sy, 1, id == MouseEvent.MOUSE_PRESSED && button == MouseEvent.BUTTON3, button));
		try {
			if (SwingUtilities.isEventDispatchThread()) r.run();
			else SwingUtilities.invokeAndWait(r);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (final InvocationTargetException e) {
			throw new IllegalStateException(e.getCause());
		}
	}
}
