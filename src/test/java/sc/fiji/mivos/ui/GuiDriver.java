package sc.fiji.mivos.ui;

import java.awt.Component;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.lang.reflect.InvocationTargetException;

import javax.swing.SwingUtilities;


/** Pictures of the GUI for tests. */
final class GuiDriver {

	private GuiDriver() {}

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
