package sc.fiji.mivos.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SortedMap;

import org.junit.jupiter.api.Test;

class RegionJaccardTest {

	private static final int W = 10;

	@Test
	void overlappingSquares() {
		final int[] gt = Masks.rect(new int[W * W], W, 0, 0, 4, 4, 1);
		final int[] pred = Masks.rect(new int[W * W], W, 2, 0, 6, 4, 1);
		// 8 shared pixels, 24 in the union
		assertEquals(1.0 / 3, RegionJaccard.of(gt, pred, 1), 1e-12);
	}

	@Test
	void emptyConventions() {
		final int[] empty = new int[W * W];
		final int[] one = Masks.rect(new int[W * W], W, 1, 1, 3, 3, 1);
		assertEquals(1, RegionJaccard.of(empty, empty, 1));
		assertEquals(0, RegionJaccard.of(one, empty, 1));
		assertEquals(0, RegionJaccard.of(empty, one, 1));
	}

	@Test
	void perObjectListsObjectsOfEitherSide() {
		final int[] gt = Masks.rect(new int[W * W], W, 0, 0, 2, 2, 1);
		Masks.rect(gt, W, 5, 5, 7, 7, 2);
		final int[] pred = Masks.rect(new int[W * W], W, 0, 0, 2, 1, 1);
		Masks.rect(pred, W, 8, 8, 10, 10, 3);
		final SortedMap<Integer, Double> j = RegionJaccard.perObject(gt, pred);
		assertEquals(List.of(1, 2, 3), List.copyOf(j.keySet()));
		assertEquals(0.5, j.get(1), 1e-12);
		assertEquals(0, j.get(2));
		assertEquals(0, j.get(3));
		assertEquals(RegionJaccard.of(gt, pred, 1), j.get(1), 1e-12);
	}

	@Test
	void differentSizesAreRefused() {
		assertThrows(IllegalArgumentException.class, () -> RegionJaccard.of(new int[4], new int[5], 1));
	}
}
