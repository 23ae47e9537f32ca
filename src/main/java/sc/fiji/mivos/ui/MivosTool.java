package sc.fiji.mivos.ui;

import java.awt.Color;
import java.awt.event.InputEvent;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;

import javax.swing.SwingUtilities;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.ImageCanvas;
import ij.gui.PointRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.gui.Toolbar;
import ij.plugin.tool.PlugInTool;
import ij.process.FloatPolygon;
import sc.fiji.mivos.core.PixelRect;
import sc.fiji.mivos.core.Polarity;
import sc.fiji.mivos.core.Scribble;
import sc.fiji.mivos.core.TrackedObject;
import sc.fiji.mivos.ij.ImagePlusImgs;
import sc.fiji.mivos.ij.RoiScribbles;

/**
 * The MiVOS toolbar tool. On an image with a MiVOS panel: left drag = positive stroke for the selected object,
 * right or alt drag = negative stroke, a click = a short stroke; in brush or eraser mode a drag paints or erases the
 * selected object; in region mode a drag sets the box later strokes are limited to (a click clears it). Each stroke
 * is sent to the panel's {@link InteractiveSegmentation} when the mouse is released; its Scribble-to-Mask response
 * time is written to the log. On other images the tool does nothing.
 */
public final class MivosTool extends PlugInTool {

	private static MivosTool instance;

	private final Map<ImagePlus, ControlPanel> panels = new WeakHashMap<>();
	private final List<double[]> path = new ArrayList<>();
	private Polarity polarity;
	private ControlPanel drawingOn;
	private volatile CompletableFuture<InteractiveSegmentation.Update> lastRequest = CompletableFuture
		.completedFuture(null);

	private MivosTool() {}

	/** @return the tool, added to ImageJ's toolbar and selected (once per ImageJ session) */
	public static synchronized MivosTool install() {
		if (instance == null) instance = new MivosTool();
		if (Toolbar.getInstance() != null && Toolbar.getPlugInTool() != instance) Toolbar.addPlugInTool(instance);
		return instance;
	}

	synchronized void attach(final ImagePlus image, final ControlPanel panel) {
		panels.put(image, panel);
	}

	synchronized void detach(final ImagePlus image) {
		panels.remove(image);
	}

	synchronized ControlPanel panel(final ImagePlus image) {
		return image == null ? null : panels.get(image);
	}

	/** @return the request of the latest stroke or edit (done once its result is in) */
	CompletableFuture<InteractiveSegmentation.Update> lastRequest() {
		return lastRequest;
	}

	@Override
	public String getToolName() {
		return "MiVOS (left: positive, right/alt: negative)";
	}

	@Override
	public String getToolIcon() {
		return "C037O11ccC0a0L3c9cLc3c9Cf00L2f6a";
	}

	@Override
	public void showOptionsDialog() {
		new MivosSettingsPlugIn().run("");
	}

	// -- Mouse --

	@Override
	public void mousePressed(final ImagePlus imp, final MouseEvent e) {
		if (begin(imp, e)) add(imp, e);
	}

	@Override
	public void mouseDragged(final ImagePlus imp, final MouseEvent e) {
		// NB: ImageJ keeps a right-button press for its pop-up menu, so a right drag may start here.
		if (drawingOn == null && !begin(imp, e)) return;
		add(imp, e);
	}

	@Override
	public void mouseReleased(final ImagePlus imp, final MouseEvent e) {
		if (drawingOn == null && !begin(imp, e)) return;
		if (path.isEmpty()) add(imp, e);
		e.consume();
		final ControlPanel panel = drawingOn;
		final List<double[]> points = new ArrayList<>(path);
		final Polarity p = polarity;
		drawingOn = null;
		path.clear();
		panel.setLiveStroke(null, null);
		finish(imp, panel, points, p);
	}

	@Override
	public void mouseMoved(final ImagePlus imp, final MouseEvent e) {
		final ControlPanel panel = panel(imp);
		if (panel == null) return;
		final ToolMode mode = panel.mode();
		final ImageCanvas c = imp.getCanvas();
		if ((mode == ToolMode.BRUSH || mode == ToolMode.ERASER) && c != null) panel.setBrushOutline(new double[] { c
			.offScreenXD(e.getX()), c.offScreenYD(e.getY()), panel.brushRadius() });
		else panel.setBrushOutline(null);
	}

	@Override
	public void mouseExited(final ImagePlus imp, final MouseEvent e) {
		final ControlPanel panel = panel(imp);
		if (panel != null) panel.setBrushOutline(null);
	}

	/** @return whether a drag on a MiVOS image starts; the event is consumed then */
	private boolean begin(final ImagePlus imp, final MouseEvent e) {
		final ControlPanel panel = panel(imp);
		if (panel == null) return false;
		e.consume();
		drawingOn = panel;
		path.clear();
		polarity = negative(e) ? Polarity.NEGATIVE : Polarity.POSITIVE;
		return true;
	}

	private static boolean negative(final MouseEvent e) {
		return e.isAltDown() || SwingUtilities.isRightMouseButton(e) || (e.getModifiersEx() &
			InputEvent.BUTTON3_DOWN_MASK) != 0;
	}

	private void add(final ImagePlus imp, final MouseEvent e) {
		e.consume();
		final ImageCanvas c = imp.getCanvas();
		final double x = c == null ? e.getX() : c.offScreenXD(e.getX());
		final double y = c == null ? e.getY() : c.offScreenYD(e.getY());
		path.add(new double[] { Math.floor(x), Math.floor(y) });
		final TrackedObject o = drawingOn.selectedObject();
		final Color colour = drawingOn.mode() == ToolMode.REGION ? Color.YELLOW : polarity == Polarity.NEGATIVE ||
			drawingOn.mode() == ToolMode.ERASER ? LabelOverlay.NEGATIVE : o == null ? Color.WHITE : new Color(o.rgb());
		drawingOn.setLiveStroke(path.toArray(new double[0][]), colour);
	}

	private void finish(final ImagePlus imp, final ControlPanel panel, final List<double[]> points,
		final Polarity p)
	{
		final ToolMode mode = panel.mode();
		if (mode == ToolMode.REGION) {
			final double[] a = points.get(0), b = points.get(points.size() - 1);
			if (Math.abs(a[0] - b[0]) < 2 && Math.abs(a[1] - b[1]) < 2) panel.setRegion(null);
			else panel.setRegion(PixelRect.spanning((int) a[0], (int) a[1], (int) b[0], (int) b[1]).clip(imp.getWidth(),
				imp.getHeight()));
			return;
		}
		if (panel.busy()) {
			panel.showStatus("Propagation is running: wait for it or press Cancel", true);
			return;
		}
		final TrackedObject o = panel.selectedObject();
		if (o == null) {
			panel.showStatus("Select an object in the MiVOS panel first (or add one)", true);
			return;
		}
		final int t = timePoint(imp);
		final InteractiveSegmentation seg = panel.segmentation();
		if (mode == ToolMode.SCRIBBLE) {
			final Scribble s;
			try {
				s = scribble(points, t, o.id(), p, imp);
			}
			catch (final RuntimeException ex) {
				panel.showStatus(ex.getMessage(), true);
				return;
			}
			lastRequest = seg.stroke(s, panel.region()).whenComplete((u, ex) -> {
				if (u != null && !u.error()) IJ.log(String.format("MiVOS: S2M response %d ms (frame %d, %dx%d, %d " +
					"object(s))", u.millis(), t + 1, imp.getWidth(), imp.getHeight(), seg.objects().size()));
			});
		}
		else lastRequest = seg.brush(t, o.id(), brushPixels(points, panel.brushRadius(), imp.getWidth(), imp
			.getHeight()), mode == ToolMode.ERASER);
	}

	/** @return the 0-based time point an image shows (its Z for a stack whose slices are time, see ImagePlusImgs) */
	static int timePoint(final ImagePlus imp) {
		final int[] czt = imp.convertIndexToPosition(Math.max(1, imp.getCurrentSlice()));
		return (ImagePlusImgs.zIsTime(imp) ? czt[1] : czt[2]) - 1;
	}

	/** @return the stroke through {@code points} (image pixels) as a scribble on frame {@code t} */
	static Scribble scribble(final List<double[]> points, final int t, final int id, final Polarity p,
		final ImagePlus imp)
	{
		final Roi roi;
		if (points.size() == 1) roi = new PointRoi(points.get(0)[0], points.get(0)[1]);
		else {
			final FloatPolygon poly = new FloatPolygon();
			for (final double[] q : points)
				poly.addPoint(q[0], q[1]);
			roi = new PolygonRoi(poly, Roi.FREELINE);
		}
		roi.setName(id + (p == Polarity.POSITIVE ? "+" : "-"));
		final int channel = 1;
		roi.setPosition(ImagePlusImgs.zIsTime(imp) ? imp.getStackIndex(channel, t + 1, 1) : imp.getStackIndex(channel,
			1, t + 1));
		return RoiScribbles.fromRois(new Roi[] { roi }, imp).all().get(0);
	}

	/** @return row-major indices of the pixels within {@code radius} of the path through {@code points} */
	static int[] brushPixels(final List<double[]> points, final double radius, final int w, final int h) {
		final Set<Integer> out = new LinkedHashSet<>();
		for (int i = 0; i < points.size(); i++) {
			final double[] a = points.get(i), b = points.get(Math.max(0, i - 1));
			final int steps = (int) Math.ceil(Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1])));
			for (int s = 0; s <= steps; s++) {
				final double f = steps == 0 ? 1 : s / (double) steps;
				stamp(b[0] + f * (a[0] - b[0]), b[1] + f * (a[1] - b[1]), radius, w, h, out);
			}
		}
		return out.stream().mapToInt(Integer::intValue).toArray();
	}

	private static void stamp(final double cx, final double cy, final double r, final int w, final int h,
		final Set<Integer> out)
	{
		final int r0 = (int) Math.ceil(r);
		for (int y = (int) cy - r0; y <= (int) cy + r0; y++)
			for (int x = (int) cx - r0; x <= (int) cx + r0; x++)
				if (x >= 0 && y >= 0 && x < w && y < h && (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r + 0.25) out
					.add(y * w + x);
	}
}
