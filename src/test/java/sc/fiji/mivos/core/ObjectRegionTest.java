package sc.fiji.mivos.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ObjectRegionTest {

	@Test
	void measuresAreaCentroidBoxAndMeanPerObject() {
		// 5 x 4 frame: object 2 is a 2x2 block at (1,1); object 7 an L of three pixels at the right
		final int[] labels = { //
			0, 0, 0, 0, 7, //
			0, 2, 2, 0, 7, //
			0, 2, 2, 7, 7, //
			0, 0, 0, 0, 0 };
		final float[] intensity = new float[labels.length];
		for (int i = 0; i < intensity.length; i++)
			intensity[i] = i;
		final List<ObjectRegion> regions = ObjectRegion.measure(labels, 5, 4, intensity);
		assertEquals(2, regions.size());
		final ObjectRegion two = regions.get(0);
		assertEquals(new ObjectRegion(2, 4, 1.5, 1.5, (6 + 7 + 11 + 12) / 4.0, 1, 1, 2, 2), two);
		final ObjectRegion seven = regions.get(1);
		assertEquals(7, seven.objectId());
		assertEquals(4, seven.area());
		assertEquals((4 + 4 + 3 + 4) / 4.0, seven.centroidX(), 1e-12);
		assertEquals((0 + 1 + 2 + 2) / 4.0, seven.centroidY(), 1e-12);
		assertEquals(3, seven.minX());
		assertEquals(2, seven.width());
		assertEquals(3, seven.height());
	}

	@Test
	void withoutIntensitiesTheMeanIsNaN() {
		final List<ObjectRegion> regions = ObjectRegion.measure(new int[] { 0, 1, 1, 0 }, 2, 2, null);
		assertTrue(Double.isNaN(regions.get(0).meanIntensity()));
		assertTrue(ObjectRegion.measure(new int[4], 2, 2, null).isEmpty());
	}

	@Test
	void mismatchedSizesAreRefused() {
		assertThrows(IllegalArgumentException.class, () -> ObjectRegion.measure(new int[5], 2, 2, null));
		assertThrows(IllegalArgumentException.class, () -> ObjectRegion.measure(new int[4], 2, 2, new float[3]));
	}
}
