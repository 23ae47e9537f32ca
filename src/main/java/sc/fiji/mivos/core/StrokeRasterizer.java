package sc.fiji.mivos.core;

import java.util.List;

/**
 * Draws scribbles into the binary maps the S2M network reads: 1 on the stroke, 0 elsewhere. A scribble is the set of
 * image pixels it covers (a line's pixels in order, the clicks of a point ROI, or every pixel of an area); each is
 * drawn {@value #WIDTH} pixels wide at map resolution, and consecutive pixels that touch in the image are joined, so
 * a stroke stays connected and equally thick whatever the scale. Pixels that do not touch (separate clicks, the
 * rows of an area) are never joined, so no line is drawn where the user drew nothing.
 */
public final class StrokeRasterizer {

	/** Stroke width in map pixels. */
	public static final int WIDTH = 3;

	private StrokeRasterizer() {}

	/**
	 * @param scribbles strokes to draw; their {@code xs}/{@code ys} are image pixel coordinates
	 * @param mapWidth width of the map in pixels
	 * @param mapHeight height of the map in pixels
	 * @param scale map pixels per image pixel ({@code mapWidth / imageWidth} for a plain resize)
	 * @return the map, row-major ({@code y * mapWidth + x}), values 0 or 1; parts outside the map are clipped
	 */
	public static float[] strokeMap(final List<Scribble> scribbles, final int mapWidth, final int mapHeight,
		final double scale)
	{
		if (mapWidth <= 0 || mapHeight <= 0) throw new IllegalArgumentException("empty map " + mapWidth + "x" +
			mapHeight);
		if (!(scale > 0)) throw new IllegalArgumentException("scale must be positive: " + scale);
		final float[] map = new float[mapWidth * mapHeight];
		for (final Scribble s : scribbles) {
			int px = 0, py = 0;
			for (int i = 0; i < s.size(); i++) {
				// NB: pixel centres map onto pixel centres: x + 0.5 image pixels = (x' + 0.5) / scale.
				final int x = (int) Math.floor((s.xs()[i] + 0.5) * scale);
				final int y = (int) Math.floor((s.ys()[i] + 0.5) * scale);
				if (i == 0 || !touching(s, i - 1, i)) stamp(map, mapWidth, mapHeight, x, y);
				else line(map, mapWidth, mapHeight, px, py, x, y);
				px = x;
				py = y;
			}
		}
		return map;
	}

	/** @return whether pixels {@code a} and {@code b} of {@code s} are 8-neighbours (or the same) in the image */
	private static boolean touching(final Scribble s, final int a, final int b) {
		return Math.abs(s.xs()[a] - s.xs()[b]) <= 1 && Math.abs(s.ys()[a] - s.ys()[b]) <= 1;
	}

	/** Bresenham line from (x0,y0) to (x1,y1), stamping every step; the start point is already drawn. */
	private static void line(final float[] map, final int w, final int h, int x0, int y0, final int x1,
		final int y1)
	{
		final int dx = Math.abs(x1 - x0), sx = x0 < x1 ? 1 : -1;
		final int dy = -Math.abs(y1 - y0), sy = y0 < y1 ? 1 : -1;
		int err = dx + dy;
		while (x0 != x1 || y0 != y1) {
			final int e2 = 2 * err;
			if (e2 >= dy) {
				err += dy;
				x0 += sx;
			}
			if (e2 <= dx) {
				err += dx;
				y0 += sy;
			}
			stamp(map, w, h, x0, y0);
		}
	}

	/** Sets the {@value #WIDTH}×{@value #WIDTH} square centred on (x,y), clipped to the map. */
	private static void stamp(final float[] map, final int w, final int h, final int x, final int y) {
		final int r = WIDTH / 2;
		for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++)
			for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++)
				map[yy * w + xx] = 1f;
	}
}
