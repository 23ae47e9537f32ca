package sc.fiji.mivos.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class LineageTest {

	@Test
	void aNewObjectOnItsMothersPixelsGetsHerAsParent() {
		final LabelStack labels = new LabelStack(6, 1, 3);
		labels.setFrame(0, new int[] { 4, 4, 4, 4, 0, 3 });
		labels.setFrame(1, new int[] { 4, 4, 9, 9, 0, 3 }); // 9 splits off 4
		labels.setFrame(2, new int[] { 4, 0, 9, 9, 5, 3 }); // 5 appears on background
		assertEquals(Map.of(9, 4), Lineage.parents(labels));
	}

	@Test
	void aNewObjectMostlyOnBackgroundHasNoParent() {
		final LabelStack labels = new LabelStack(4, 1, 2);
		labels.setFrame(0, new int[] { 1, 0, 0, 0 });
		labels.setFrame(1, new int[] { 1, 2, 2, 2 }); // 2 covers one pixel of 1 out of three
		assertEquals(Map.of(), Lineage.parents(labels));
	}
}
