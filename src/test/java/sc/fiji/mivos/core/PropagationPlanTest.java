package sc.fiji.mivos.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class PropagationPlanTest {

	@Test
	void firstInteractionRunsToBothEnds() {
		final PropagationPlan p = PropagationPlan.of(2, 6, new TreeSet<>(List.of(2)));
		assertEquals(List.of(3, 4, 5), p.forward());
		assertEquals(List.of(1, 0), p.backward());
		assertEquals(OptionalInt.empty(), p.forwardStop());
		assertEquals(OptionalInt.empty(), p.backwardStop());
		assertEquals(5, p.size());
	}

	@Test
	void stopsBeforeOtherInteractedFrames() {
		final PropagationPlan p = PropagationPlan.of(5, 20, new TreeSet<>(List.of(1, 5, 9, 15)));
		assertEquals(List.of(6, 7, 8), p.forward());
		assertEquals(List.of(4, 3, 2), p.backward());
		assertEquals(OptionalInt.of(9), p.forwardStop());
		assertEquals(OptionalInt.of(1), p.backwardStop());
	}

	@Test
	void adjacentInteractedFramesLeaveNothing() {
		final PropagationPlan p = PropagationPlan.of(0, 3, new TreeSet<>(List.of(0, 1)));
		assertTrue(p.forward().isEmpty());
		assertTrue(p.backward().isEmpty());
		assertEquals(0, p.size());
	}

	@Test
	void lastFrameRunsBackwardOnly() {
		final PropagationPlan p = PropagationPlan.of(3, 4, new TreeSet<>(List.of(3)));
		assertTrue(p.forward().isEmpty());
		assertEquals(List.of(2, 1, 0), p.backward());
	}

	@Test
	void aFrameRangeBoundsBothDirectionsWithoutCountingAsAnInteraction() {
		final PropagationPlan p = PropagationPlan.of(5, 20, new TreeSet<>(List.of(1, 5, 15)), 3, 10);
		assertEquals(List.of(6, 7, 8, 9, 10), p.forward());
		assertEquals(List.of(4, 3), p.backward());
		assertEquals(OptionalInt.empty(), p.forwardStop(), "the range end is no interacted frame: nothing to fuse");
		assertEquals(OptionalInt.empty(), p.backwardStop());
		final PropagationPlan inner = PropagationPlan.of(5, 20, new TreeSet<>(List.of(1, 5, 8)), 0, 10);
		assertEquals(OptionalInt.of(8), inner.forwardStop());
		assertEquals(OptionalInt.of(1), inner.backwardStop());
	}
}
