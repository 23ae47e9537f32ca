package sc.fiji.mivos.ij;

import ij.ImagePlus;
import ij.gui.Line;
import ij.gui.Overlay;
import ij.gui.PointRoi;
import ij.gui.Roi;
import ij.process.FloatPolygon;

import java.awt.Point;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import sc.fiji.mivos.core.MivosException;
import sc.fiji.mivos.core.Scribble;
import sc.fiji.mivos.core.ScribbleName;
import sc.fiji.mivos.core.ScribbleSet;

/**
 * Turns ImageJ ROIs into scribbles.
 * <p>
 * <b>Object and polarity</b> come from the ROI's name, read by {@link ScribbleName#parse} ({@code 3}, {@code 3+},
 * {@code 3-}, {@code bg}).
 * <p>
 * <b>Frame</b> (1-based in ImageJ, 0-based in the returned {@link Scribble}): the ROI's T position when it has a
 * hyperstack position (for an image whose slices serve as time, see {@link ImagePlusImgs}, its Z position, else
 * its T position); otherwise its plain stack position converted to a time point through the image (for a
 * one-channel, one-slice time-lapse the position is the frame); position 0 means the image's current time point. A
 * multi-point ROI whose points lie on different stack positions gives one scribble per time point.
 * <p>
 * <b>Pixels</b>: for straight, segmented, freehand lines and angles the pixels along the line, one pixel wide
 * whatever the line width (ImageJ's thin-line stepping between consecutive vertices); for points the pixels holding
 * them; for areas (rectangle, oval, polygon, freehand, traced, composite) every pixel inside. Pixels outside the
 * image are dropped and each pixel is kept once.
 */
public final class RoiScribbles {

	private RoiScribbles() {}

	/**
	 * Reads ROIs into scribbles, in the order given.
	 *
	 * @param rois the ROIs, for instance from the ROI Manager or a ROI file; not modified
	 * @param imp the image they were drawn on, for its size, dimensions and current position
	 * @throws MivosException naming the ROI when it has no name or a bad name, lies entirely outside the image or
	 *         sits on a frame beyond the last one
	 */
	public static ScribbleSet fromRois(final Roi[] rois, final ImagePlus imp) {
		final List<Scribble> out = new ArrayList<>();
		for (int i = 0; i < rois.length; i++)
			out.addAll(fromRoi(rois[i], i, imp));
		return new ScribbleSet(out);
	}

	/**
	 * Picks the ROIs of one Z slice, for segmenting a hyperstack slice by slice: those positioned on that slice, and
	 * those with no Z position (hyperstack Z 0, or plain position 0), which count for every slice.
	 *
	 * @param slice 1-based Z slice of {@code imp}
	 * @throws MivosException naming a multi-point ROI whose points lie on different positions
	 */
	public static Roi[] onSlice(final Roi[] rois, final ImagePlus imp, final int slice) {
		final List<Roi> out = new ArrayList<>();
		for (final Roi roi : rois) {
			if (roi instanceof PointRoi points && !roi.hasHyperStackPosition() && points
				.getPosition() == PointRoi.POINTWISE_POSITION) throw new MivosException("ROI '" + roi.getName() +
					"' has points on several stack positions; to segment slice by slice, give each slice its own ROI");
			final int z;
			if (roi.hasHyperStackPosition()) z = roi.getZPosition();
			else if (roi.getPosition() <= 0 || roi.getPosition() > imp.getStackSize()) z = 0;
			else z = imp.convertIndexToPosition(roi.getPosition())[1];
			if (z == 0 || z == slice) out.add(roi);
		}
		return out.toArray(Roi[]::new);
	}

	/**
	 * Reads the ROIs of the image's overlay.
	 *
	 * @return the scribbles, empty when the image has no overlay
	 * @throws MivosException as {@link #fromRois}
	 */
	public static ScribbleSet fromOverlay(final ImagePlus imp) {
		final Overlay overlay = imp.getOverlay();
		return overlay == null ? ScribbleSet.empty() : fromRois(overlay.toArray(), imp);
	}

	private static List<Scribble> fromRoi(final Roi roi, final int index, final ImagePlus imp) {
		if (roi.getName() == null || roi.getName().isBlank()) throw new MivosException("ROI number " + (index + 1) +
			" (" + roi.getTypeAsString() + ") has no name; name it after the object it marks: " +
			ScribbleName.CONVENTION);
		final String label = "'" + roi.getName() + "'";
		final ScribbleName name = ScribbleName.parse(roi.getName());
		// 1-based time point -> pixels on it, in first-seen order
		final Map<Integer, Pixels> byFrame = new LinkedHashMap<>();
		if (roi instanceof PointRoi points && !roi.hasHyperStackPosition() && points
			.getPosition() == PointRoi.POINTWISE_POSITION)
		{
			final Point[] p = points.getContainedPoints();
			for (int i = 0; i < p.length; i++)
				byFrame.computeIfAbsent(plainFrame(points.getPointPosition(i), imp, label), k -> new Pixels(imp)).add(
					p[i].x, p[i].y);
		}
		else {
			final Pixels pixels = new Pixels(imp);
			collect(roi, pixels);
			byFrame.put(frameOf(roi, imp, label), pixels);
		}
		final int frames = ImagePlusImgs.frameCount(imp);
		final List<Scribble> out = new ArrayList<>();
		for (final Map.Entry<Integer, Pixels> e : byFrame.entrySet()) {
			if (e.getKey() > frames) throw new MivosException("ROI " + label + " is on frame " + e.getKey() +
				" but image '" + imp.getTitle() + "' has " + frames + " frame(s)");
			if (e.getValue().size() > 0) out.add(new Scribble(e.getKey() - 1, name.objectId(), name.polarity(), e
				.getValue().xs(), e.getValue().ys()));
		}
		if (out.isEmpty() && byFrame.values().stream().allMatch(p -> p.offered == 0)) throw new MivosException("ROI " +
			label + " covers no pixel");
		if (out.isEmpty()) throw new MivosException("ROI " + label + " lies entirely outside the " + imp.getWidth() +
			"x" + imp.getHeight() + " image '" + imp.getTitle() + "'");
		return out;
	}

	/** Adds the pixels a ROI marks. */
	private static void collect(final Roi roi, final Pixels pixels) {
		if (roi instanceof PointRoi) {
			for (final Point p : roi.getContainedPoints())
				pixels.add(p.x, p.y);
		}
		else if (roi instanceof Line line) {
			segment(line.x1d, line.y1d, line.x2d, line.y2d, pixels);
		}
		else if (roi.isLine() || roi.getType() == Roi.ANGLE) {
			final FloatPolygon p = roi.getFloatPolygon();
			if (p.npoints == 1) segment(p.xpoints[0], p.ypoints[0], p.xpoints[0], p.ypoints[0], pixels);
			for (int i = 0; i + 1 < p.npoints; i++)
				segment(p.xpoints[i], p.ypoints[i], p.xpoints[i + 1], p.ypoints[i + 1], pixels);
		}
		else {
			for (final Point p : roi.getContainedPoints())
				pixels.add(p.x, p.y);
		}
	}

	private static void segment(final double x1, final double y1, final double x2, final double y2,
		final Pixels pixels)
	{
		final Iterator<Point> it = new Line.PointIterator(x1, y1, x2, y2);
		while (it.hasNext()) {
			final Point p = it.next();
			pixels.add(p.x, p.y);
		}
	}

	/** @return the 1-based time point of a ROI that is not point-wise positioned */
	private static int frameOf(final Roi roi, final ImagePlus imp, final String label) {
		if (roi.hasHyperStackPosition()) {
			int t = roi.getTPosition();
			if (ImagePlusImgs.zIsTime(imp) && roi.getZPosition() > 0) t = roi.getZPosition();
			return t > 0 ? t : currentFrame(imp);
		}
		return plainFrame(roi.getPosition(), imp, label);
	}

	/** @return the 1-based time point of a plain 1-based stack position (0 = current) */
	private static int plainFrame(final int position, final ImagePlus imp, final String label) {
		if (position <= 0) return currentFrame(imp);
		if (position > imp.getStackSize()) throw new MivosException("ROI " + label + " is on stack position " +
			position + " but image '" + imp.getTitle() + "' has " + imp.getStackSize() + " plane(s)");
		final int[] czt = imp.convertIndexToPosition(position);
		return ImagePlusImgs.zIsTime(imp) ? czt[1] : czt[2];
	}

	private static int currentFrame(final ImagePlus imp) {
		final int[] czt = imp.convertIndexToPosition(Math.max(1, imp.getCurrentSlice()));
		return ImagePlusImgs.zIsTime(imp) ? czt[1] : czt[2];
	}

	/** Distinct pixels inside the image, in the order first added. */
	private static final class Pixels {

		private final int width;
		private final int height;
		private final Set<Integer> seen = new HashSet<>();
		private final List<Integer> order = new ArrayList<>();
		/** Pixels offered, inside the image or not. */
		private int offered;

		Pixels(final ImagePlus imp) {
			width = imp.getWidth();
			height = imp.getHeight();
		}

		void add(final int x, final int y) {
			offered++;
			if (x < 0 || y < 0 || x >= width || y >= height) return;
			final int key = y * width + x;
			if (seen.add(key)) order.add(key);
		}

		int size() {
			return order.size();
		}

		int[] xs() {
			return order.stream().mapToInt(k -> k % width).toArray();
		}

		int[] ys() {
			return order.stream().mapToInt(k -> k / width).toArray();
		}
	}
}
