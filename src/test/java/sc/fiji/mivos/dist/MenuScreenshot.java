package sc.fiji.mivos.dist;

import ij.IJ;
import ij.ImageJ;
import ij.Menus;

import java.awt.EventQueue;
import java.awt.Menu;
import java.awt.MenuBar;
import java.awt.MenuItem;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * Starts ImageJ in an installed Fiji-like folder, opens a menu path with the keyboard (F10, arrows) and saves a
 * screenshot of the ImageJ window with the open menus, cropped to what is drawn on the (black) virtual screen. Run in
 * its own JVM on an X display: {@code MenuScreenshot APP_DIR OUT.png "Plugins>Segmentation>MiVOS"}.
 */
public final class MenuScreenshot {

	private static final int KEY_PAUSE_MS = 300;

	private MenuScreenshot() {}

	public static void main(final String[] args) throws Exception {
		ImageJ.main(new String[] { "-ijpath", args[0] });
		final long deadline = System.currentTimeMillis() + 30_000;
		while (IJ.getInstance() == null || !IJ.getInstance().isShowing()) {
			if (System.currentTimeMillis() > deadline) throw new IllegalStateException("ImageJ did not show its window");
			Thread.sleep(100);
		}
		EventQueue.invokeAndWait(() -> {
			IJ.getInstance().setLocation(0, 0);
			IJ.getInstance().toFront();
		});
		final Robot robot = new Robot();
		robot.waitForIdle();
		Thread.sleep(1000);
		for (final int key : keys(Menus.getMenuBar(), args[2].split(">"))) {
			robot.keyPress(key);
			robot.keyRelease(key);
			robot.waitForIdle();
			Thread.sleep(KEY_PAUSE_MS);
		}
		Thread.sleep(500);
		final BufferedImage screen = robot.createScreenCapture(new Rectangle(Toolkit.getDefaultToolkit()
			.getScreenSize()));
		ImageIO.write(cropped(screen), "png", new File(args[1]));
		System.exit(0);
	}

	/**
	 * The key strokes that open {@code path} in AWT's menus under X11: F10 opens the first menu with its first item
	 * selected; RIGHT on an item with a submenu opens that submenu, otherwise it moves to the next menu; DOWN selects
	 * the next item, skipping separators.
	 */
	static List<Integer> keys(final MenuBar bar, final String[] path) {
		final List<Integer> keys = new ArrayList<>(List.of(KeyEvent.VK_F10));
		final int top = menuIndex(bar, path[0]);
		for (int m = 0; m < top; m++)
			for (int i = 0; i <= firstItemDepth(bar.getMenu(m)); i++)
				keys.add(KeyEvent.VK_RIGHT);
		Menu menu = bar.getMenu(top);
		for (int level = 1; level < path.length; level++) {
			int steps = 0;
			Menu next = null;
			for (int i = 0; i < menu.getItemCount() && next == null; i++) {
				final MenuItem item = menu.getItem(i);
				if (item instanceof Menu sub && sub.getLabel().equals(path[level])) next = sub;
				else if (!item.getLabel().equals("-")) steps++;
			}
			if (next == null) throw new IllegalArgumentException("No submenu " + path[level] + " in " + menu.getLabel());
			for (int i = 0; i < steps; i++)
				keys.add(KeyEvent.VK_DOWN);
			keys.add(KeyEvent.VK_RIGHT);
			menu = next;
		}
		return keys;
	}

	private static int menuIndex(final MenuBar bar, final String label) {
		for (int m = 0; m < bar.getMenuCount(); m++)
			if (bar.getMenu(m).getLabel().equals(label)) return m;
		throw new IllegalArgumentException("No menu " + label);
	}

	/** @return how many submenus deep the chain of first items of {@code menu} goes */
	private static int firstItemDepth(final Menu menu) {
		return menu.getItemCount() > 0 && menu.getItem(0) instanceof Menu sub ? 1 + firstItemDepth(sub) : 0;
	}

	/** @return the screen cut to the box of its non-black pixels, with a small margin */
	private static BufferedImage cropped(final BufferedImage screen) throws IOException {
		int x0 = screen.getWidth(), y0 = screen.getHeight(), x1 = -1, y1 = -1;
		for (int y = 0; y < screen.getHeight(); y++)
			for (int x = 0; x < screen.getWidth(); x++)
				if ((screen.getRGB(x, y) & 0xffffff) != 0) {
					x0 = Math.min(x0, x);
					y0 = Math.min(y0, y);
					x1 = Math.max(x1, x);
					y1 = Math.max(y1, y);
				}
		if (x1 < 0) throw new IOException("The screen is empty");
		final int margin = 4;
		x1 = Math.min(screen.getWidth() - 1, x1 + margin);
		y1 = Math.min(screen.getHeight() - 1, y1 + margin);
		return screen.getSubimage(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
	}
}
