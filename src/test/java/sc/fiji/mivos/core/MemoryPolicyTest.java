package sc.fiji.mivos.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class MemoryPolicyTest {

	@Test
	void keepsInteractedEveryNthAndThePreviousFrame() {
		final MemoryPolicy p = new MemoryPolicy(5, 20, Set.of(10), 10);
		assertEquals(List.of(10), p.frames());
		assertEquals(MemoryPolicy.Role.TEMPORARY, p.admit(11));
		assertEquals(List.of(10, 11), p.frames());
		p.admit(12);
		assertEquals(List.of(10, 12), p.frames());
		p.admit(13);
		p.admit(14);
		assertEquals(MemoryPolicy.Role.WORKING, p.admit(15));
		assertEquals(List.of(10, 15), p.frames());
		p.admit(16);
		assertEquals(List.of(10, 15, 16), p.frames());
		assertEquals(MemoryPolicy.Role.PERMANENT, p.roleOf(10));
		assertEquals(MemoryPolicy.Role.WORKING, p.roleOf(15));
		assertEquals(MemoryPolicy.Role.TEMPORARY, p.roleOf(16));
		assertNull(p.roleOf(12));
	}

	@Test
	void worksBackwardToo() {
		final MemoryPolicy p = new MemoryPolicy(2, 20, Set.of(10, 3), 10);
		p.admit(9);
		p.admit(8);
		p.admit(7);
		assertEquals(List.of(3, 10, 8, 7), p.frames());
	}

	@Test
	void capDropsOldestNonInteractedFrame() {
		final MemoryPolicy p = new MemoryPolicy(1, 4, Set.of(0, 50), 0);
		for (int t = 1; t <= 10; t++) {
			p.admit(t);
			assertTrue(p.size() <= 4, "size " + p.size() + " after frame " + t);
		}
		assertEquals(List.of(0, 50, 9, 10), p.frames());
	}

	@Test
	void temporaryFrameCountsAgainstTheCap() {
		final MemoryPolicy p = new MemoryPolicy(3, 3, Set.of(0), 0);
		p.admit(1);
		p.admit(2);
		p.admit(3); // working
		p.admit(4);
		p.admit(5);
		p.admit(6); // working
		assertEquals(List.of(0, 3, 6), p.frames());
		p.admit(7); // temporary: the oldest working frame leaves
		assertEquals(List.of(0, 6, 7), p.frames());
	}

	@Test
	void interactedFramesAreNeverDropped() {
		final MemoryPolicy p = new MemoryPolicy(1, 2, Set.of(0, 5, 9), 5);
		assertNull(p.admit(6));
		assertEquals(List.of(0, 5, 9), p.frames());
		assertThrows(IllegalArgumentException.class, () -> p.admit(9));
	}

	@Test
	void forgottenFramesLeaveTheMemory() {
		final MemoryPolicy p = new MemoryPolicy(2, 20, Set.of(0), 0);
		p.admit(1);
		p.admit(2); // working
		p.forget(2);
		assertEquals(List.of(0), p.frames());
		p.admit(3);
		assertEquals(List.of(0, 3), p.frames());
		p.forget(3);
		assertEquals(List.of(0), p.frames());
		assertEquals(MemoryPolicy.Role.WORKING, p.admit(4), "spacing still counts from frame 2");
		assertThrows(IllegalArgumentException.class, () -> p.forget(0));
	}
}
