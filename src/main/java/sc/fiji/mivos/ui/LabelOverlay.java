package sc.fiji.mivos.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ij.ImagePlus;
import ij.gui.ImageCanvas;
import ij.gui.Roi;
import sc.fiji.mivos.core.PixelRect;
import sc.fiji.mivos.core.Polarity;
import sc.fiji.mivos.core.Scribble;
import sc.fiji.mivos.core.TrackedObject;

/**
 * Draws the interactive state over the image, for the frame the image shows: each object's mask filled in its
 * colour at {@link #FILL_ALPHA} with an opaque outline, the strokes of that frame (positive in the object's colour,
 * negative in {@link #NEGATIVE}), the local region, the stroke being drawn and the brush outline. It reads the
 * frame's labels from the label image whenever it paints, so it follows the T slider without any listener. It is
 * put in the canvas' show-all layer, which ImageJ neither saves with the image nor treats as a selection, and it
 * never reports containing a point, so clicks on it reach the tool.
 */
final class LabelOverlay extends Roi {

	/** Opacity of the mask fill. */
	static final double FILL_ALPHA = 0.4;
	/** Colour of negative strokes. */
	static final Color NEGATIVE = new Color(255, 40, 40);

	/** What the overlay shows, asked for at each paint. */
	interface Content {

		/** @return the 0-based time point the image shows */
		int frame();

		/** @return the label plane of frame {@code t} (short[] or float[]; replaced, never written, on change) */
		Object labelPlane(int t);

		List<TrackedObject> objects();

		List<Scribble> strokes(int t);

		/** @return the local region, or {@code null} */
		PixelRect region();

		/** @return the stroke being drawn in image coordinates, {@code [n][2]}, or {@code null} */
		double[][] liveStroke();

		/** @return colour of the stroke being drawn */
		Color liveColour();

		/** @return brush outline {x, y, radius} in image pixels, or {@code null} */
		double[] brush();
	}

	private final Content content;
	private BufferedImage layer;
	private Object layerPlane;
	private List<TrackedObject> layerObjects;

	LabelOverlay(final ImagePlus image, final Content content) {
		super(0, 0, image.getWidth(), image.getHeight());
		this.content = content;
		setName("MiVOS");
	}

	@Override
	public boolean contains(final int x, final int y) {
		return false;
	}

	@Override
	public int isHandle(final int sx, final int sy) {
		return -1;
	}

	@Override
	public void drawOverlay(final Graphics g) {
		paintOn(g);
	}

	@Override
	public void draw(final Graphics g) {
		paintOn(g);
	}

	private void paintOn(final Graphics graphics) {
		final ImageCanvas canvas = imp == null ? null : imp.getCanvas();
		if (canvas == null) return;
		final Graphics2D g = (Graphics2D) graphics.create();
		try {
			final int t = content.frame();
			final Rectangle src = canvas.getSrcRect();
			final double mag = canvas.getMagnification();
			final BufferedImage masks = layer(t);
			if (masks != null) g.drawImage(masks, 0, 0, (int) Math.round(src.width * mag), (int) Math.round(src.height *
				mag), src.x, src.y, src.x + src.width, src.y + src.height, null);
			final Map<Integer, Color> colours = colours(content.objects());
			final float width = (float) Math.max(3, 1.2 * mag);
			for (final Scribble s : content.strokes(t)) {
				// NB: a dark rim keeps a stroke visible on a mask of its own colour.
				drawStroke(g, canvas, s, Color.BLACK, width + 2);
				drawStroke(g, canvas, s, s.polarity() == Polarity.NEGATIVE ? NEGATIVE : colours.getOrDefault(s.objectId(),
					Color.WHITE), width);
			}
			final double[][] live = content.liveStroke();
			if (live != null && live.length > 0) {
				g.setColor(content.liveColour());
				g.setStroke(new BasicStroke(Math.max(2f, (float) mag), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
				final Path2D path = new Path2D.Double();
				path.moveTo(canvas.screenXD(live[0][0] + 0.5), canvas.screenYD(live[0][1] + 0.5));
				for (final double[] p : live)
					path.lineTo(canvas.screenXD(p[0] + 0.5), canvas.screenYD(p[1] + 0.5));
				g.draw(path);
			}
			final PixelRect r = content.region();
			if (r != null) {
				g.setColor(Color.YELLOW);
				g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] { 6f,
					4f }, 0f));
				g.drawRect(canvas.screenX(r.x()), canvas.screenY(r.y()), (int) Math.round(r.width() * mag), (int) Math
					.round(r.height() * mag));
			}
			final double[] b = content.brush();
			if (b != null) {
				g.setColor(Color.WHITE);
				g.setStroke(new BasicStroke(1f));
				final double rr = b[2] * mag;
				g.drawOval((int) Math.round(canvas.screenXD(b[0] + 0.5) - rr), (int) Math.round(canvas.screenYD(b[1] +
					0.5) - rr), (int) Math.round(2 * rr), (int) Math.round(2 * rr));
			}
		}
		finally {
			g.dispose();
		}
	}

	/** Draws a scribble's pixels: consecutive touching pixels joined by lines, lone pixels as dots. */
	private static void drawStroke(final Graphics2D g, final ImageCanvas canvas, final Scribble s, final Color colour,
		final float width)
	{
		g.setColor(colour);
		g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		final Path2D path = new Path2D.Double();
		for (int i = 0; i < s.size(); i++) {
			final double x = canvas.screenXD(s.xs()[i] + 0.5), y = canvas.screenYD(s.ys()[i] + 0.5);
			final boolean joinedBefore = i > 0 && touching(s, i - 1, i);
			final boolean joinedAfter = i + 1 < s.size() && touching(s, i, i + 1);
			if (!joinedBefore && !joinedAfter) {
				// NB: a click is drawn as a dot larger than the line width, to be seen at all.
				final double d = 2 * width;
				g.fill(new Ellipse2D.Double(x - d / 2, y - d / 2, d, d));
			}
			if (!joinedBefore) path.moveTo(x, y);
			else path.lineTo(x, y);
		}
		g.draw(path);
	}

	private static boolean touching(final Scribble s, final int a, final int b) {
		return Math.abs(s.xs()[a] - s.xs()[b]) <= 1 && Math.abs(s.ys()[a] - s.ys()[b]) <= 1;
	}

	/** @return the mask layer of frame {@code t}, rebuilt only when its labels or the object colours changed */
	private BufferedImage layer(final int t) {
		final Object plane = content.labelPlane(t);
		if (plane == null) return null;
		final List<TrackedObject> objects = content.objects();
		if (plane == layerPlane && objects == layerObjects) return layer;
		final int w = getBounds().width, h = getBounds().height;
		final BufferedImage img = layer != null && layer.getWidth() == w && layer.getHeight() == h ? layer
			: new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
		fill(((DataBufferInt) img.getRaster().getDataBuffer()).getData(), labels(plane), w, rgb(objects));
		layer = img;
		layerPlane = plane;
		layerObjects = objects;
		return img;
	}

	/** Fills ARGB pixels: transparent background, translucent object interiors, opaque object outlines. */
	static void fill(final int[] argb, final int[] labels, final int w, final Map<Integer, Integer> rgb) {
		final int n = labels.length;
		final int fillAlpha = (int) Math.round(FILL_ALPHA * 255) << 24;
		for (int i = 0; i < n; i++) {
			final int l = labels[i];
			if (l == 0) {
				argb[i] = 0;
				continue;
			}
			final Integer c = rgb.get(l);
			final int colour = c != null ? c : InteractiveSegmentation.defaultObject(l).rgb();
			final int x = i % w;
			final boolean edge = x == 0 || x == w - 1 || i < w || i >= n - w || labels[i - 1] != l || labels[i + 1] != l ||
				labels[i - w] != l || labels[i + w] != l;
			argb[i] = (edge ? 0xff000000 : fillAlpha) | colour;
		}
	}

	private static int[] labels(final Object plane) {
		if (plane instanceof short[] s) {
			final int[] out = new int[s.length];
			for (int i = 0; i < s.length; i++)
				out[i] = s[i] & 0xffff;
			return out;
		}
		final float[] f = (float[]) plane;
		final int[] out = new int[f.length];
		for (int i = 0; i < f.length; i++)
			out[i] = (int) f[i];
		return out;
	}

	private static Map<Integer, Integer> rgb(final List<TrackedObject> objects) {
		final Map<Integer, Integer> out = new HashMap<>();
		for (final TrackedObject o : objects)
			out.put(o.id(), o.rgb());
		return out;
	}

	private static Map<Integer, Color> colours(final List<TrackedObject> objects) {
		final Map<Integer, Color> out = new HashMap<>();
		for (final TrackedObject o : objects)
			out.put(o.id(), new Color(o.rgb()));
		return out;
	}
}
