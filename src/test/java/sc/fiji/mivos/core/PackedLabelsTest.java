package sc.fiji.mivos.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class PackedLabelsTest {

	@Test
	void packingRoundTripsAnyFrame() {
		final Random rng = new Random(3);
		for (int trial = 0; trial < 20; trial++) {
			final int[] f = new int[1 + rng.nextInt(500)];
			for (int i = 0; i < f.length; i++)
				f[i] = rng.nextInt(4) == 0 ? rng.nextInt(1200) : i > 0 ? f[i - 1] : 0;
			final PackedLabels p = PackedLabels.pack(f);
			assertArrayEquals(f, p.unpack());
			assertEquals(p, PackedLabels.ofRuns(p.runs(), p.length()));
		}
	}

	@Test
	void uniformFramesPackToOneRun() {
		final PackedLabels p = PackedLabels.pack(new int[10000]);
		assertEquals(2, p.runs().length);
		assertFalse(p.contains(1));
		assertTrue(PackedLabels.pack(new int[] { 0, 0, 5 }).contains(5));
		assertNotEquals(p, PackedLabels.pack(new int[9999]));
	}

	@Test
	void malformedRunsAreRefused() {
		assertThrows(MivosException.class, () -> PackedLabels.ofRuns(new int[] { 1 }, 1));
		assertThrows(MivosException.class, () -> PackedLabels.ofRuns(new int[] { 1, 0 }, 0));
		final MivosException e = assertThrows(MivosException.class, () -> PackedLabels.ofRuns(new int[] { 1, 3 }, 4));
		assertTrue(e.getMessage().contains("3 pixels"), e.getMessage());
	}

	@Test
	void rectanglesSpanTheirCornersAndClip() {
		assertEquals(new PixelRect(2, 3, 4, 5), PixelRect.spanning(5, 7, 2, 3));
		assertEquals(new PixelRect(0, 0, 3, 2), new PixelRect(-2, -1, 5, 3).clip(10, 10));
		assertThrows(MivosException.class, () -> new PixelRect(20, 0, 3, 3).clip(10, 10));
		assertThrows(MivosException.class, () -> new PixelRect(0, 0, 0, 3));
	}
}
