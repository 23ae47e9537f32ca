package sc.fiji.mivos.core.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import sc.fiji.mivos.core.Polarity;
import sc.fiji.mivos.core.Scribble;
import sc.fiji.mivos.core.ScribbleSet;

class ScribbleRobotTest {

	private static final int W = 80, H = 60;

	private static int[] twoDiscs() {
		final int[] gt = Masks.disc(new int[W * H], W, 20, 20, 8, 1);
		return Masks.disc(gt, W, 58, 36, 11, 2);
	}

	@Test
	void firstInteractionDrawsAMedialStrokeAndABackgroundArcPerObject() {
		final int[] gt = twoDiscs();
		final ScribbleSet set = new ScribbleRobot(1).firstInteraction(4, gt, W, H, Set.of(1, 2, 9));
		assertEquals(4, set.all().size()); // object 9 is absent: skipped
		for (int k = 0; k < 2; k++) {
			final int id = k + 1;
			final Scribble pos = set.all().get(2 * k), bg = set.all().get(2 * k + 1);
			assertEquals(new Scribble(4, id, Polarity.POSITIVE, pos.xs(), pos.ys()), pos);
			assertTrue(pos.size() >= 5, "stroke of " + pos.size() + " px");
			assertTrue(pos.size() < Masks.count(gt, id) / 4, "a stroke, not the mask");
			assertThinPath(pos);
			// eroded by 3 px: every pixel within distance 3 belongs to the object
			for (int i = 0; i < pos.size(); i++)
				for (int dy = -3; dy <= 3; dy++)
					for (int dx = -3; dx <= 3; dx++)
						if (dx * dx + dy * dy <= 9) assertEquals(id, gt[(pos.ys()[i] + dy) * W + pos.xs()[i] + dx]);
			assertTrue(bg.isBackground());
			assertEquals(4, bg.frame());
			final int fullRing = ringPixels(gt, id);
			assertTrue(bg.size() < fullRing && bg.size() > 0.4 * fullRing, bg.size() + " of " + fullRing);
			for (int i = 0; i < bg.size(); i++) {
				final double d = distanceTo(gt, id, bg.xs()[i], bg.ys()[i]);
				assertTrue(Math.abs(d - ScribbleRobot.RING_GAP) < 0.5, "ring pixel at distance " + d);
				assertTrue(distanceTo(gt, -1, bg.xs()[i], bg.ys()[i]) >= ScribbleRobot.RING_CLEARANCE);
			}
		}
		set.validate(W, H, 5);
	}

	@Test
	void backgroundArcKeepsClearOfNeighbours() {
		final int[] gt = Masks.disc(new int[W * H], W, 30, 30, 8, 1);
		Masks.rect(gt, W, 40, 10, 44, 50, 2); // a wall 2 px from object 1's ring
		final ScribbleSet set = new ScribbleRobot(5).firstInteraction(0, gt, W, H, Set.of(1));
		final Scribble bg = set.all().get(1);
		assertTrue(bg.isBackground());
		for (int i = 0; i < bg.size(); i++) {
			assertEquals(0, gt[bg.ys()[i] * W + bg.xs()[i]]);
			assertTrue(distanceTo(gt, -1, bg.xs()[i], bg.ys()[i]) >= 2);
		}
	}

	@Test
	void sameSeedSameStrokesWhateverTheSetOrder() {
		final int[] gt = twoDiscs();
		final ScribbleSet a = new ScribbleRobot(42).firstInteraction(0, gt, W, H, Set.of(2, 1));
		final ScribbleSet b = new ScribbleRobot(42).firstInteraction(0, gt, W, H, new HashSet<>(List.of(1, 2)));
		assertEquals(a.all().size(), b.all().size());
		for (int k = 0; k < a.all().size(); k++) {
			assertArrayEquals(a.all().get(k).xs(), b.all().get(k).xs());
			assertArrayEquals(a.all().get(k).ys(), b.all().get(k).ys());
		}
		final ScribbleSet c = new ScribbleRobot(43).firstInteraction(0, gt, W, H, Set.of(1, 2));
		boolean differs = false;
		for (int k = 0; k < a.all().size(); k++)
			differs |= !java.util.Arrays.equals(a.all().get(k).xs(), c.all().get(k).xs()) || !java.util.Arrays.equals(a
				.all().get(k).ys(), c.all().get(k).ys());
		assertTrue(differs, "another seed draws other strokes");
	}

	@Test
	void correctionStrokesLieInTheLargestMissedAndExtraRegions() {
		final int[] gt = Masks.disc(new int[W * H], W, 40, 30, 12, 1);
		final int[] pred = Masks.disc(new int[W * H], W, 47, 30, 12, 1);
		Masks.rect(gt, W, 2, 2, 5, 5, 1); // a 9 px miss: too small to correct, and smaller than the main one
		final ScribbleSet set = new ScribbleRobot(3).correction(2, gt, pred, W, H, Set.of(1));
		assertEquals(2, set.all().size());
		final Scribble pos = set.all().get(0), neg = set.all().get(1);
		assertEquals(Polarity.POSITIVE, pos.polarity());
		assertEquals(Polarity.NEGATIVE, neg.polarity());
		assertEquals(1, neg.objectId());
		assertFalse(neg.isBackground());
		assertThinPath(pos);
		assertThinPath(neg);
		for (int i = 0; i < pos.size(); i++) {
			final int p = pos.ys()[i] * W + pos.xs()[i];
			assertTrue(gt[p] == 1 && pred[p] != 1 && pos.xs()[i] < 40, "positive stroke outside the miss");
		}
		for (int i = 0; i < neg.size(); i++) {
			final int p = neg.ys()[i] * W + neg.xs()[i];
			assertTrue(pred[p] == 1 && gt[p] != 1, "negative stroke outside the false positive");
		}
	}

	@Test
	void thinErrorRegionsStillGetAStrokeInside() {
		final int[] gt = Masks.rect(new int[W * H], W, 10, 10, 40, 12, 3);
		final int[] pred = Masks.rect(new int[W * H], W, 10, 10, 40, 11, 3); // a 1x30 miss
		final ScribbleSet set = new ScribbleRobot(0).correction(0, gt, pred, W, H, Set.of(3));
		assertEquals(1, set.all().size());
		final Scribble s = set.all().get(0);
		for (int i = 0; i < s.size(); i++)
			assertEquals(11, s.ys()[i]);
		assertTrue(s.size() >= 18);
	}

	@Test
	void smallOrNoErrorsGiveNoStroke() {
		final int[] gt = twoDiscs();
		assertTrue(new ScribbleRobot(0).correction(0, gt, gt.clone(), W, H, Set.of(1, 2)).isEmpty());
		final int[] pred = gt.clone();
		Masks.rect(pred, W, 18, 18, 21, 21, 0); // 9 px missed inside object 1
		assertTrue(new ScribbleRobot(0).correction(0, gt, pred, W, H, Set.of(1, 2)).isEmpty());
	}

	@Test
	void objectsAtTheImageBorderAndTinyObjects() {
		final int[] gt = Masks.rect(new int[W * H], W, 0, 0, 12, 60, 1);
		gt[30 * W + 50] = 2;
		final ScribbleSet set = new ScribbleRobot(9).firstInteraction(0, gt, W, H, Set.of(1, 2));
		final Scribble tiny = set.all().stream().filter(s -> s.objectId() == 2).findFirst().orElseThrow();
		assertArrayEquals(new int[] { 50 }, tiny.xs());
		assertArrayEquals(new int[] { 30 }, tiny.ys());
		set.validate(W, H, 1);
		for (final Scribble s : set.all())
			for (int i = 0; i < s.size(); i++)
				assertEquals(s.isBackground() ? 0 : s.objectId(), gt[s.ys()[i] * W + s.xs()[i]]);
	}

	/** Pixels are distinct and each is 8-adjacent to the next. */
	private static void assertThinPath(final Scribble s) {
		final Set<Integer> seen = new HashSet<>();
		for (int i = 0; i < s.size(); i++) {
			assertTrue(seen.add(s.ys()[i] * W + s.xs()[i]), "repeated pixel");
			if (i > 0) assertTrue(Math.abs(s.xs()[i] - s.xs()[i - 1]) <= 1 && Math.abs(s.ys()[i] - s.ys()[i - 1]) <= 1,
				"gap in the stroke");
		}
	}

	/** Euclidean distance to the nearest pixel of object {@code id} ({@code -1}: any object). */
	private static double distanceTo(final int[] gt, final int id, final int x, final int y) {
		double best = Double.MAX_VALUE;
		for (int i = 0; i < gt.length; i++)
			if (id == -1 ? gt[i] != 0 : gt[i] == id) best = Math.min(best, Math.hypot(i % W - x, i / W - y));
		return best;
	}

	private static int ringPixels(final int[] gt, final int id) {
		int n = 0;
		for (int i = 0; i < gt.length; i++)
			if (Math.abs(distanceTo(gt, id, i % W, i / W) - ScribbleRobot.RING_GAP) < 0.5 && distanceTo(gt, -1, i % W,
				i / W) >= ScribbleRobot.RING_CLEARANCE) n++;
		return n;
	}
}
