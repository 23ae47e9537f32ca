package sc.fiji.mivos.ij;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Line;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.process.ByteProcessor;

/**
 * A small 8-bit time-lapse for command and macro tests: two bright discs (radius 8) on a dark background, drifting
 * right by one pixel per frame, and the strokes that mark them on frame 1.
 */
public final class TwoDiscs {

	public static final int SIZE = 64, FRAMES = 6;

	private TwoDiscs() {}

	/** @return the time-lapse, titled "two-discs", {@value #FRAMES} frames along T */
	public static ImagePlus image() {
		final ImageStack stack = new ImageStack(SIZE, SIZE);
		for (int t = 0; t < FRAMES; t++) {
			final ByteProcessor bp = new ByteProcessor(SIZE, SIZE);
			bp.setColor(20);
			bp.fill();
			bp.setColor(220);
			bp.fillOval(8 + t, 24, 16, 16);
			bp.fillOval(36 + t, 24, 16, 16);
			stack.addSlice(bp);
		}
		final ImagePlus imp = new ImagePlus("two-discs", stack);
		imp.setDimensions(1, 1, FRAMES);
		return imp;
	}

	/** @return positive strokes for disc 1 (left) and disc 2 (right) and two background strokes, all on frame 1 */
	public static Roi[] strokes() {
		return new Roi[] { named(new Line(12, 32, 20, 32), "1+"), named(new Line(40, 32, 48, 32), "2+"), named(
			new Line(2, 6, 60, 6), "bg"), named(new Line(2, 56, 60, 56), "bg") };
	}

	/** @return {@link #strokes()} as an overlay */
	public static Overlay strokeOverlay() {
		final Overlay o = new Overlay();
		for (final Roi r : strokes())
			o.add(r);
		return o;
	}

	private static Roi named(final Roi roi, final String name) {
		roi.setName(name);
		roi.setPosition(0, 0, 1);
		return roi;
	}
}
