package sc.fiji.mivos.ij;

import ij.process.LUT;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.imageio.ImageIO;

import sc.fiji.mivos.core.FrameSource;
import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.core.MivosException;

/**
 * Renders frames with their labels on top, for reports and quick visual checks: a grid of tiles, each a frame shown
 * in grey (or colour for RGB sources) with every object filled in its {@link LabelImages#lut()} colour at
 * {@link #FILL_ALPHA} opacity and its outline drawn opaque.
 */
public final class OverlayRenderer {

	/** Opacity of the label fill, 0..1. */
	public static final double FILL_ALPHA = 0.4;

	/** Pixels between tiles. */
	public static final int GAP = 2;

	private static final int GAP_COLOUR = 0x404040;

	private OverlayRenderer() {}

	/**
	 * Draws up to {@code maxTiles} evenly spaced frames (the first and the last included, see {@link #tileFrames}),
	 * left to right and top to bottom in a grid of {@code ceil(sqrt(n))} columns, tiles {@link #GAP} pixels apart.
	 *
	 * @param frames normalised frames (values 0..1); one channel is drawn grey, three as RGB, otherwise the first
	 * @param labels labels of the same size and frame count, or null for frames only
	 * @param maxTiles most tiles to draw, &ge; 1
	 * @return an RGB image at the frames' pixel size
	 * @throws MivosException if {@code maxTiles} &lt; 1 or the labels do not match the frames
	 */
	public static BufferedImage montage(final FrameSource frames, final LabelStack labels, final int maxTiles) {
		if (maxTiles < 1) throw new MivosException("A montage needs at least one tile, not " + maxTiles);
		final int w = frames.width();
		final int h = frames.height();
		if (labels != null && (labels.width() != w || labels.height() != h || labels.frames() != frames.frames()))
			throw new MivosException("Labels are " + labels.width() + "x" + labels.height() + " with " + labels
				.frames() + " frames but the image is " + w + "x" + h + " with " + frames.frames() + " frames");
		final int[] shown = tileFrames(frames.frames(), maxTiles);
		final int cols = (int) Math.ceil(Math.sqrt(shown.length));
		final int rows = (shown.length + cols - 1) / cols;
		final long outW = (long) cols * w + (long) (cols - 1) * GAP;
		final long outH = (long) rows * h + (long) (rows - 1) * GAP;
		if (outW * outH > Integer.MAX_VALUE - 8) throw new MivosException("A montage of " + shown.length + " tiles of " +
			w + "x" + h + " is too large; ask for fewer tiles");
		final BufferedImage out = new BufferedImage((int) outW, (int) outH, BufferedImage.TYPE_INT_RGB);
		final int[] data = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
		Arrays.fill(data, GAP_COLOUR);
		final LUT lut = LabelImages.lut();
		for (int i = 0; i < shown.length; i++) {
			final int[] tile = tile(frames, labels, shown[i], lut);
			final int x0 = (i % cols) * (w + GAP);
			final int y0 = (i / cols) * (h + GAP);
			for (int y = 0; y < h; y++)
				System.arraycopy(tile, y * w, data, (y0 + y) * out.getWidth() + x0, w);
		}
		return out;
	}

	/**
	 * The frames a montage shows: {@code min(frames, maxTiles)} indices spread evenly from the first to the last
	 * frame (just the first when one tile is asked for), ascending.
	 *
	 * @return 0-based frame indices
	 */
	public static int[] tileFrames(final int frames, final int maxTiles) {
		final int n = Math.max(1, Math.min(frames, maxTiles));
		final int[] out = new int[n];
		for (int i = 1; i < n; i++)
			out[i] = (int) Math.round((double) i * (frames - 1) / (n - 1));
		return out;
	}

	/** @return packed RGB pixels of one frame with its labels drawn on top, row-major */
	private static int[] tile(final FrameSource frames, final LabelStack labels, final int t, final LUT lut) {
		final int w = frames.width();
		final int n = w * frames.height();
		final float[] v = frames.frame(t);
		final boolean rgb = frames.channels() == 3;
		final int[] px = new int[n];
		for (int i = 0; i < n; i++) {
			final int r = byteOf(v[i]);
			px[i] = rgb ? r << 16 | byteOf(v[n + i]) << 8 | byteOf(v[2 * n + i]) : r << 16 | r << 8 | r;
		}
		if (labels == null) return px;
		final int[] l = labels.frame(t);
		for (int i = 0; i < n; i++) {
			if (l[i] == 0) continue;
			final int colour = lut.getRGB(1 + (l[i] - 1) % 255) & 0xffffff;
			final int x = i % w;
			final boolean edge = x == 0 || x == w - 1 || i < w || i >= n - w || l[i - 1] != l[i] || l[i + 1] != l[i] ||
				l[i - w] != l[i] || l[i + w] != l[i];
			px[i] = edge ? colour : blend(px[i], colour);
		}
		return px;
	}

	private static int byteOf(final float v) {
		return v > 0 ? Math.min(255, Math.round(v * 255)) : 0;
	}

	private static int blend(final int base, final int colour) {
		int out = 0;
		for (int shift = 0; shift <= 16; shift += 8) {
			final double c = (1 - FILL_ALPHA) * (base >> shift & 0xff) + FILL_ALPHA * (colour >> shift & 0xff);
			out |= (int) Math.round(c) << shift;
		}
		return out;
	}

	/**
	 * Saves an image as PNG, creating parent folders.
	 *
	 * @throws MivosException naming the path when it cannot be written
	 */
	public static void writePng(final BufferedImage image, final Path png) {
		try {
			final Path parent = png.toAbsolutePath().getParent();
			if (parent != null) Files.createDirectories(parent);
			if (!ImageIO.write(image, "png", png.toFile())) throw new MivosException("Cannot write " + png +
				": no PNG writer for this image type");
		}
		catch (final IOException e) {
			throw new MivosException("Cannot write " + png + ": " + e.getMessage(), e);
		}
	}
}
