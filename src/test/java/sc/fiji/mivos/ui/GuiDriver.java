package sc.fiji.mivos.ui;

import java.awt.Component;
import java.awt.Graphics2D;
import java.awt.event.InputEvent;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.lang.reflect.InvocationTargetException;

import javax.swing.SwingUtilities;

import ij.gui.ImageCanvas;
import sc.fiji.mivos.core.Scribble;

/** Drives the MiVOS tool with synthetic mouse events sent to an image canvas, as a user's drags would be. */
final class GuiDriver {

	private GuiDriver() {}

	/** Drags along a scribble's pixels with the left button, the right button or alt + left. */
	static void drag(final ImageCanvas canvas, final Scribble path, final int button, final boolean alt) {
		final int mask = (button == MouseEvent.BUTTON3 ? InputEvent.BUTTON3_DOWN_MASK : InputEvent.BUTTON1_DOWN_MASK) |
			(alt ? InputEvent.ALT_DOWN_MASK : 0);
		final int n = path.size();
		send(canvas, MouseEvent.MOUSE_PRESSED, path.xs()[0], path.ys()[0], mask, button);
		for (int i = 1; i < n; i++)
			send(canvas, MouseEvent.MOUSE_DRAGGED, path.xs()[i], path.ys()[i], mask, MouseEvent.NOBUTTON);
		send(canvas, MouseEvent.MOUSE_RELEASED, path.xs()[n - 1], path.ys()[n - 1], alt ? InputEvent.ALT_DOWN_MASK : 0,
			button);
	}

	private static void send(final ImageCanvas canvas, final int id, final int x, final int y, final int mods,
		final int button)
	{
		final int sx = canvas.screenX(x) + Math.max(0, (int) (canvas.getMagnification() / 2));
		final int sy = canvas.screenY(y) + Math.max(0, (int) (canvas.getMagnification() / 2));
		onEdt(() -> canvas.dispatchEvent(new MouseEvent(canvas, id, System.currentTimeMillis(), mods, sx, sy, 1,
			id == MouseEvent.MOUSE_PRESSED && button == MouseEvent.BUTTON3, button)));
	}

	/** @return the components painted side by side, top-aligned */
	static BufferedImage sideBySide(final Component... parts) {
		final int[] w = new int[parts.length];
		int width = 0, height = 0;
		for (int i = 0; i < parts.length; i++) {
			w[i] = parts[i].getWidth();
			width += w[i] + (i > 0 ? 8 : 0);
			height = Math.max(height, parts[i].getHeight());
		}
		final BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		final int total = width, tall = height;
		onEdt(() -> {
			final Graphics2D g = out.createGraphics();
			g.setColor(java.awt.Color.WHITE);
			g.fillRect(0, 0, total, tall);
			int x = 0;
			for (int i = 0; i < parts.length; i++) {
				final Graphics2D gi = (Graphics2D) g.create(x, 0, w[i], parts[i].getHeight());
				parts[i].paint(gi);
				gi.dispose();
				x += w[i] + 8;
			}
			g.dispose();
		});
		return out;
	}

	static void onEdt(final Runnable r) {
		try {
			if (SwingUtilities.isEventDispatchThread()) r.run();
			else SwingUtilities.invokeAndWait(r);
		}
		catch (InterruptedException | InvocationTargetException e) {
			throw new IllegalStateException(e);
		}
	}
}
