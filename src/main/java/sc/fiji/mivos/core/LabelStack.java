package sc.fiji.mivos.core;

import java.util.Arrays;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A label image over time: for each frame and pixel the id of the object there, 0 for background. Each pixel
 * belongs to at most one object by construction. Frames are stored row-major ({@code y * width + x}).
 */
public final class LabelStack {

	private final int width;
	private final int height;
	private final int[][] frames;

	/** Creates an all-background stack. */
	public LabelStack(final int width, final int height, final int frames) {
		if (width <= 0 || height <= 0 || frames <= 0) throw new IllegalArgumentException("empty label stack " +
			width + "x" + height + "x" + frames);
		this.width = width;
		this.height = height;
		this.frames = new int[frames][width * height];
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	public int frames() {
		return frames.length;
	}

	/** @return a copy of frame {@code t}'s labels, row-major */
	public int[] frame(final int t) {
		return frames[t].clone();
	}

	/** Replaces frame {@code t}'s labels with a copy of {@code labels} (row-major, length width*height). */
	public void setFrame(final int t, final int[] labels) {
		if (labels.length != width * height) throw new IllegalArgumentException("frame has " + labels.length +
			" pixels, expected " + width * height);
		frames[t] = labels.clone();
	}

	public int get(final int x, final int y, final int t) {
		return frames[t][y * width + x];
	}

	public void set(final int x, final int y, final int t, final int label) {
		frames[t][y * width + x] = label;
	}

	/** @return all non-zero labels present in any frame, ascending */
	public SortedSet<Integer> objectIds() {
		final SortedSet<Integer> ids = new TreeSet<>();
		for (final int[] f : frames)
			for (final int v : f)
				if (v != 0) ids.add(v);
		return ids;
	}

	/** @return the largest label, 0 if all background */
	public int maxLabel() {
		int max = 0;
		for (final int[] f : frames)
			for (final int v : f)
				max = Math.max(max, v);
		return max;
	}

	/** @return a deep copy */
	public LabelStack copy() {
		final LabelStack c = new LabelStack(width, height, frames.length);
		for (int t = 0; t < frames.length; t++)
			c.frames[t] = frames[t].clone();
		return c;
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof LabelStack l && l.width == width && l.height == height && Arrays.deepEquals(l.frames,
			frames);
	}

	@Override
	public int hashCode() {
		return Arrays.deepHashCode(frames) * 31 + width * 7 + height;
	}
}
