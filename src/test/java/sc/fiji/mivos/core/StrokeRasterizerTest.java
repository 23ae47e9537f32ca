package sc.fiji.mivos.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class StrokeRasterizerTest {

	private static Scribble stroke(final int[] xs, final int[] ys) {
		return new Scribble(0, 1, Polarity.POSITIVE, xs, ys);
	}

	@Test
	void singlePointIsAThreeByThreeSquare() {
		final float[] map = StrokeRasterizer.strokeMap(List.of(stroke(new int[] { 5 }, new int[] { 4 })), 10, 10,
			1.0);
		assertEquals(9, count(map));
		for (int y = 3; y <= 5; y++)
			for (int x = 4; x <= 6; x++)
				assertEquals(1f, map[y * 10 + x]);
	}

	/** The pixels of a straight line from (x0,y0) to (x1,y1), one per step of the longer axis. */
	private static Scribble line(final int x0, final int y0, final int x1, final int y1) {
		final int n = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0)) + 1;
		final int[] xs = new int[n], ys = new int[n];
		for (int i = 0; i < n; i++) {
			xs[i] = x0 + Math.round((float) (x1 - x0) * i / Math.max(1, n - 1));
			ys[i] = y0 + Math.round((float) (y1 - y0) * i / Math.max(1, n - 1));
		}
		return stroke(xs, ys);
	}

	@Test
	void lineIsDrawnThreePixelsWide() {
		final float[] map = StrokeRasterizer.strokeMap(List.of(line(2, 10, 17, 10)), 20, 20, 1.0);
		// a horizontal segment from x=2 to x=17, 3 rows high, plus one column of overhang at each end
		assertEquals(3 * (17 - 2 + 3), count(map));
		for (int x = 1; x <= 18; x++) {
			assertEquals(0f, map[8 * 20 + x]);
			assertEquals(1f, map[9 * 20 + x]);
			assertEquals(1f, map[10 * 20 + x]);
			assertEquals(1f, map[11 * 20 + x]);
			assertEquals(0f, map[12 * 20 + x]);
		}
	}

	@Test
	void scaleMapsImageCoordinatesAndKeepsWidth() {
		// image 100 px wide drawn into a 25 px map: a diagonal stays connected and 3 map pixels wide
		final float[] map = StrokeRasterizer.strokeMap(List.of(line(0, 0, 99, 99)), 25, 25, 0.25);
		for (int i = 0; i < 25; i++)
			assertEquals(1f, map[i * 25 + i], "diagonal pixel " + i);
		assertEquals(0f, map[24 * 25]);
		assertTrue(count(map) < 25 * 5);
	}

	@Test
	void pixelsThatDoNotTouchAreNotJoined() {
		// two clicks of a point ROI, and an L-shaped area whose rows jump from its right end back to its left end
		final float[] clicks = StrokeRasterizer.strokeMap(List.of(stroke(new int[] { 2, 17 }, new int[] { 10, 10 })),
			20, 20, 1.0);
		assertEquals(2 * 9, count(clicks));
		final float[] area = StrokeRasterizer.strokeMap(List.of(stroke(new int[] { 1, 2, 3, 4, 5, 6, 1, 1, 1 },
			new int[] { 1, 1, 1, 1, 1, 1, 2, 3, 4 })), 10, 10, 1.0);
		assertEquals(0f, area[4 * 10 + 5], "nothing drawn between the end of a row and the start of the next");
	}

	@Test
	void clipsAtTheBorderAndLeavesInputUntouched() {
		final int[] xs = { -5, -4, -3, -2, -1, 0, 1, 2, 3 };
		final int[] ys = new int[xs.length];
		final float[] map = StrokeRasterizer.strokeMap(List.of(stroke(xs, ys)), 8, 4, 1.0);
		assertEquals(2 * 5, count(map)); // rows 0 and 1, columns 0..4
		assertEquals(-5, xs[0]);
	}

	private static int count(final float[] map) {
		int n = 0;
		for (final float v : map)
			if (v != 0) {
				assertEquals(1f, v);
				n++;
			}
		return n;
	}
}
