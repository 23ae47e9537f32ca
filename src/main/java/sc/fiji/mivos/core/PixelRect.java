package sc.fiji.mivos.core;

/**
 * An axis-aligned rectangle of image pixels, {@code [x, x + width) × [y, y + height)}, for instance the region a
 * local refinement may change.
 *
 * @param x left column
 * @param y top row
 * @param width columns, &ge; 1
 * @param height rows, &ge; 1
 */
public record PixelRect(int x, int y, int width, int height) {

	public PixelRect {
		if (width < 1 || height < 1) throw new MivosException("A region needs at least one pixel, not " + width + "x" +
			height);
	}

	/** @return the rectangle spanned by two corner pixels, both inside it, in any order */
	public static PixelRect spanning(final int x0, final int y0, final int x1, final int y1) {
		return new PixelRect(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0) + 1, Math.abs(y1 - y0) + 1);
	}

	public boolean contains(final int px, final int py) {
		return px >= x && py >= y && px < x + width && py < y + height;
	}

	/**
	 * @return the part of this rectangle inside a {@code imageWidth × imageHeight} image
	 * @throws MivosException when no part is inside
	 */
	public PixelRect clip(final int imageWidth, final int imageHeight) {
		final int x0 = Math.max(0, x), y0 = Math.max(0, y);
		final int x1 = Math.min(imageWidth, x + width), y1 = Math.min(imageHeight, y + height);
		if (x1 <= x0 || y1 <= y0) throw new MivosException("The region " + this + " lies outside the " + imageWidth +
			"x" + imageHeight + " image");
		return new PixelRect(x0, y0, x1 - x0, y1 - y0);
	}

	@Override
	public String toString() {
		return width + "x" + height + " at (" + x + ", " + y + ")";
	}
}
