package sc.fiji.mivos.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Line;
import ij.gui.OvalRoi;
import ij.gui.Overlay;
import ij.gui.PointRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.gui.ShapeRoi;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import sc.fiji.mivos.core.MivosException;
import sc.fiji.mivos.core.Polarity;
import sc.fiji.mivos.core.Scribble;
import sc.fiji.mivos.core.ScribbleSet;
import sc.fiji.mivos.io.ScribbleJson;

class RoiScribblesTest {

	/** A 20x10 time-lapse of 5 frames (T axis), current frame 1. */
	private static ImagePlus timeLapse() {
		return IJ.createHyperStack("movie", 20, 10, 1, 1, 5, 8);
	}

	private static <R extends Roi> R named(final R roi, final String name) {
		roi.setName(name);
		return roi;
	}

	private static Scribble only(final Roi roi, final ImagePlus imp) {
		final ScribbleSet s = RoiScribbles.fromRois(new Roi[] { roi }, imp);
		assertEquals(1, s.all().size());
		return s.all().get(0);
	}

	/** @return the scribble's pixels as "x,y" strings, sorted */
	private static Set<String> pixels(final Scribble s) {
		final Set<String> out = new TreeSet<>();
		for (int i = 0; i < s.size(); i++)
			out.add(s.xs()[i] + "," + s.ys()[i]);
		return out;
	}

	private static Set<String> set(final String... xy) {
		return new TreeSet<>(Set.of(xy));
	}

	@Test
	void straightLineGivesThePixelsAlongIt() {
		final Scribble s = only(named(new Line(1, 2, 5, 2), "3"), timeLapse());
		assertEquals(set("1,2", "2,2", "3,2", "4,2", "5,2"), pixels(s));
		assertEquals(3, s.objectId());
		assertEquals(Polarity.POSITIVE, s.polarity());
		assertEquals(0, s.frame());
		final Scribble diagonal = only(named(new Line(0, 0, 3, 3), "1"), timeLapse());
		assertEquals(set("0,0", "1,1", "2,2", "3,3"), pixels(diagonal));
	}

	@Test
	void wideLinesStillGiveOnePixelWideStrokes() {
		final Line line = named(new Line(2, 5, 6, 5), "1");
		line.setStrokeWidth(5);
		assertEquals(5, only(line, timeLapse()).size());
	}

	@Test
	void polylineAndFreehandLineFollowEverySegmentWithoutGaps() {
		final PolygonRoi poly = named(new PolygonRoi(new int[] { 0, 4, 4 }, new int[] { 0, 0, 3 }, 3, Roi.POLYLINE),
			"2-");
		final Scribble s = only(poly, timeLapse());
		assertEquals(set("0,0", "1,0", "2,0", "3,0", "4,0", "4,1", "4,2", "4,3"), pixels(s));
		assertEquals(Polarity.NEGATIVE, s.polarity());
		final PolygonRoi free = named(new PolygonRoi(new float[] { 10, 13, 13.2f }, new float[] { 1, 1, 4 },
			Roi.FREELINE), "4");
		final Scribble f = only(free, timeLapse());
		assertEquals(7, f.size(), pixels(f).toString());
		assertTrue(pixels(f).contains("13,4") && pixels(f).contains("10,1"));
		final PolygonRoi angle = named(new PolygonRoi(new int[] { 0, 3, 3 }, new int[] { 9, 9, 6 }, 3, Roi.ANGLE),
			"5");
		assertEquals(7, only(angle, timeLapse()).size());
	}

	@Test
	void pointsGiveTheirPixels() {
		assertEquals(set("7,3"), pixels(only(named(new PointRoi(7, 3), "bg"), timeLapse())));
		final PointRoi multi = named(new PointRoi(new int[] { 1, 5, 9, 5 }, new int[] { 1, 2, 3, 2 }, 4), "6+");
		assertEquals(set("1,1", "5,2", "9,3"), pixels(only(multi, timeLapse())));
	}

	@Test
	void areasGiveEveryPixelInside() {
		assertEquals(set("1,1", "2,1", "3,1", "1,2", "2,2", "3,2"), pixels(only(named(new Roi(1, 1, 3, 2), "1"),
			timeLapse())));
		final Set<String> oval = pixels(only(named(new OvalRoi(0, 0, 7, 7), "1"), timeLapse()));
		assertTrue(oval.contains("3,3") && !oval.contains("0,0") && !oval.contains("6,6"), oval.toString());
		assertTrue(oval.size() > 30 && oval.size() < 49, "about pi * 3.5^2 pixels: " + oval.size());
		final PolygonRoi triangle = named(new PolygonRoi(new int[] { 0, 6, 0 }, new int[] { 0, 0, 6 }, 3,
			Roi.POLYGON), "1");
		final Set<String> tri = pixels(only(triangle, timeLapse()));
		assertTrue(tri.contains("0,0") && tri.contains("1,4") && !tri.contains("5,5"), tri.toString());
		final PolygonRoi freehand = named(new PolygonRoi(new int[] { 10, 14, 14, 10 }, new int[] { 2, 2, 6, 6 }, 4,
			Roi.FREEROI), "1");
		assertEquals(16, only(freehand, timeLapse()).size());
		final ShapeRoi composite = new ShapeRoi(new Roi(0, 0, 2, 2)).or(new ShapeRoi(new Roi(10, 5, 3, 1)));
		composite.setName("9");
		assertEquals(Roi.COMPOSITE, composite.getType());
		assertEquals(set("0,0", "1,0", "0,1", "1,1", "10,5", "11,5", "12,5"), pixels(only(composite, timeLapse())));
	}

	@Test
	void framesFromTPositionPlainPositionAndCurrentFrame() {
		final ImagePlus imp = timeLapse();
		final Roi t = named(new Roi(0, 0, 1, 1), "1");
		t.setPosition(0, 0, 4);
		assertEquals(3, only(t, imp).frame());
		final Roi plain = named(new Roi(0, 0, 1, 1), "1");
		plain.setPosition(2);
		assertEquals(1, only(plain, imp).frame());
		final Roi none = named(new Roi(0, 0, 1, 1), "1");
		imp.setPosition(1, 1, 5);
		assertEquals(4, only(none, imp).frame(), "position 0 means the current frame");
		final Roi tZero = named(new Roi(0, 0, 1, 1), "1");
		tZero.setPosition(1, 1, 0);
		assertEquals(4, only(tZero, imp).frame(), "T position 0 means the current frame");
	}

	@Test
	void plainPositionIsConvertedThroughTheHyperstack() {
		final ImagePlus imp = IJ.createHyperStack("hs", 20, 10, 2, 3, 4, 8);
		final Roi plain = named(new Roi(0, 0, 1, 1), "1");
		plain.setPosition(imp.getStackIndex(2, 3, 3));
		assertEquals(2, only(plain, imp).frame());
	}

	@Test
	void slicesAreTimeForSingleFrameStacks() {
		final ImagePlus imp = IJ.createImage("stack", "8-bit black", 20, 10, 6);
		assertEquals(6, imp.getNSlices());
		final Roi plain = named(new Roi(0, 0, 1, 1), "1");
		plain.setPosition(5);
		assertEquals(4, only(plain, imp).frame());
		final Roi hyper = named(new Roi(0, 0, 1, 1), "1");
		hyper.setPosition(0, 3, 1); // as set by ImageJ on a Z-stack shown as hyperstack
		assertEquals(2, only(hyper, imp).frame());
		final Roi onlyT = named(new Roi(0, 0, 1, 1), "1");
		onlyT.setPosition(0, 0, 6);
		assertEquals(5, only(onlyT, imp).frame());
		imp.setSlice(3);
		assertEquals(2, only(named(new Roi(0, 0, 1, 1), "1"), imp).frame());
	}

	@Test
	void pointsOnDifferentFramesGiveOneScribblePerFrame() {
		final ImagePlus imp = timeLapse();
		// PointRoi keeps one stack position per point; add them as the multi-point tool does
		final PointRoi built = named(new PointRoi(), "2");
		imp.setT(2);
		built.addPoint(imp, 1, 1);
		imp.setT(4);
		built.addPoint(imp, 2, 1);
		built.addPoint(imp, 3, 1);
		assertEquals(PointRoi.POINTWISE_POSITION, built.getPosition());
		final ScribbleSet s = RoiScribbles.fromRois(new Roi[] { built }, imp);
		assertEquals(2, s.all().size());
		assertEquals(1, s.all().get(0).frame());
		assertEquals(1, s.all().get(0).size());
		assertEquals(3, s.all().get(1).frame());
		assertEquals(2, s.all().get(1).size());
	}

	@Test
	void pixelsOutsideTheImageAreClippedAndFullyOutsideIsAnError() {
		final ImagePlus imp = timeLapse();
		assertEquals(4, only(named(new Roi(18, 8, 5, 5), "1"), imp).size());
		assertEquals(3, only(named(new Line(-5, 0, 2, 0), "1"), imp).size());
		final MivosException e = assertThrows(MivosException.class, () -> RoiScribbles.fromRois(new Roi[] { named(
			new Roi(30, 30, 4, 4), "7+ far away") }, imp));
		assertTrue(e.getMessage().contains("'7+ far away'") && e.getMessage().contains("outside"), e.getMessage());
		assertThrows(MivosException.class, () -> RoiScribbles.fromRois(new Roi[] { named(new PointRoi(-1, 3),
			"1") }, imp));
		final MivosException empty = assertThrows(MivosException.class, () -> RoiScribbles.fromRois(new Roi[] { named(
			new PointRoi(), "3") }, imp));
		assertTrue(empty.getMessage().contains("'3'") && empty.getMessage().contains("no pixel"), empty.getMessage());
	}

	@Test
	void framesBeyondTheStackAreErrorsNamingRoiAndFrame() {
		final ImagePlus imp = timeLapse();
		final Roi t = named(new Roi(0, 0, 1, 1), "2+");
		t.setPosition(0, 0, 9);
		final MivosException e = assertThrows(MivosException.class, () -> RoiScribbles.fromRois(new Roi[] { t }, imp));
		assertTrue(e.getMessage().contains("'2+'") && e.getMessage().contains("frame 9") && e.getMessage().contains(
			"5 frame"), e.getMessage());
		final Roi plain = named(new Roi(0, 0, 1, 1), "2+");
		plain.setPosition(12);
		final MivosException p = assertThrows(MivosException.class, () -> RoiScribbles.fromRois(new Roi[] { plain },
			imp));
		assertTrue(p.getMessage().contains("'2+'") && p.getMessage().contains("12"), p.getMessage());
	}

	@Test
	void unnamedAndBadlyNamedRoisAreErrors() {
		final ImagePlus imp = timeLapse();
		final MivosException unnamed = assertThrows(MivosException.class, () -> RoiScribbles.fromRois(new Roi[] {
			named(new Roi(0, 0, 1, 1), "1"), new Line(0, 0, 3, 3) }, imp));
		assertTrue(unnamed.getMessage().contains("number 2") && unnamed.getMessage().contains("no name"), unnamed
			.getMessage());
		final MivosException bad = assertThrows(MivosException.class, () -> RoiScribbles.fromRois(new Roi[] { named(
			new Roi(0, 0, 1, 1), "cell") }, imp));
		assertTrue(bad.getMessage().contains("'cell'"), bad.getMessage());
	}

	@Test
	void polarityAndLargeIds() {
		final ImagePlus imp = timeLapse();
		final ScribbleSet s = RoiScribbles.fromRois(new Roi[] { named(new PointRoi(1, 1), "1000"), named(new PointRoi(
			2, 2), "123456- second"), named(new PointRoi(3, 3), "BG") }, imp);
		assertEquals(1000, s.all().get(0).objectId());
		assertEquals(Polarity.POSITIVE, s.all().get(0).polarity());
		assertEquals(123456, s.all().get(1).objectId());
		assertEquals(Polarity.NEGATIVE, s.all().get(1).polarity());
		assertTrue(s.all().get(2).isBackground());
		assertEquals(Set.of(1000, 123456), s.objectIds());
	}

	@Test
	void readsTheOverlay() {
		final ImagePlus imp = timeLapse();
		assertTrue(RoiScribbles.fromOverlay(imp).isEmpty());
		final Overlay overlay = new Overlay();
		final Roi a = named(new Roi(0, 0, 2, 2), "1");
		a.setPosition(0, 0, 2);
		overlay.add(a);
		overlay.add(named(new Line(0, 5, 4, 5), "bg"));
		imp.setOverlay(overlay);
		final ScribbleSet s = RoiScribbles.fromOverlay(imp);
		assertEquals(2, s.all().size());
		assertEquals(Set.of(0, 1), s.frames());
	}

	@Test
	void jsonStrokesBecomeScribblesOnTheirFrame() {
		final ImagePlus imp = timeLapse();
		final List<ScribbleJson.Stroke> strokes = List.of(new ScribbleJson.Stroke("4+", 5, new int[][] { { 0, 0 }, {
			3, 0 } }), new ScribbleJson.Stroke("bg", 2, new int[][] { { 7, 7 } }));
		final ScribbleSet s = RoiScribbles.fromRois(ScribbleJson.toRois(strokes), imp);
		assertEquals(4, s.all().get(0).frame());
		assertEquals(set("0,0", "1,0", "2,0", "3,0"), pixels(s.all().get(0)));
		assertEquals(1, s.all().get(1).frame());
		assertTrue(s.all().get(1).isBackground());
		// on a plain stack whose slices are time, the T position still names the frame
		assertEquals(4, RoiScribbles.fromRois(ScribbleJson.toRois(strokes), IJ.createImage("z", "8-bit black", 20, 10,
			5)).all().get(0).frame());
	}

	@Test
	void roisAreNotModified() {
		final ImagePlus imp = timeLapse();
		final PolygonRoi poly = named(new PolygonRoi(new int[] { 0, 4, 4 }, new int[] { 0, 0, 3 }, 3, Roi.POLYLINE),
			"2");
		poly.setPosition(0, 0, 3);
		final float[] xs = poly.getFloatPolygon().xpoints.clone();
		RoiScribbles.fromRois(new Roi[] { poly }, imp);
		assertEquals("2", poly.getName());
		assertEquals(3, poly.getTPosition());
		assertArrayEquals(xs, poly.getFloatPolygon().xpoints);
		assertFalse(imp.changes);
	}
}
