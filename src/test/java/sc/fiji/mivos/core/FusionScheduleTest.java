package sc.fiji.mivos.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class FusionScheduleTest {

	@Test
	void fusesOnlyBetweenInteractedFrames() {
		// earlier interaction at 2, new one at 6, sequence of 10: 3..5 lie between, 7..9 and 0..1 do not
		final PropagationPlan plan = PropagationPlan.of(6, 10, new TreeSet<>(List.of(2, 6)));
		final FusionSchedule f = FusionSchedule.of(plan);
		assertEquals(List.of(5, 4, 3), List.copyOf(f.frames().keySet()));
		assertEquals(new FusionSchedule.Distances(1, 3, 2), f.distances(5));
		assertEquals(new FusionSchedule.Distances(3, 1, 2), f.distances(3));
		for (final int t : plan.forward())
			assertFalse(f.fuses(t));
		assertNull(f.distances(8));
	}

	@Test
	void fusesOnBothSides() {
		final PropagationPlan plan = PropagationPlan.of(5, 10, new TreeSet<>(List.of(1, 5, 8)));
		final FusionSchedule f = FusionSchedule.of(plan);
		assertEquals(5, f.size());
		assertEquals(new FusionSchedule.Distances(1, 2, 8), f.distances(6));
		assertEquals(new FusionSchedule.Distances(2, 1, 8), f.distances(7));
		assertEquals(new FusionSchedule.Distances(3, 1, 1), f.distances(2));
		assertTrue(f.fuses(4));
	}

	@Test
	void firstRoundFusesNothing() {
		assertEquals(0, FusionSchedule.of(PropagationPlan.of(3, 10, new TreeSet<>(List.of(3)))).size());
	}
}
