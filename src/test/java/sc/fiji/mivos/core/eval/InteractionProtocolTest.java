package sc.fiji.mivos.core.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.core.MivosException;
import sc.fiji.mivos.core.Polarity;
import sc.fiji.mivos.core.Scribble;

class InteractionProtocolTest {

	private static final int W = 64, H = 48, T = 10;

	/**
	 * Object 4 in every frame; mother 1 in frames 0–4 divides into daughters 2 and 3 in frames 5–9. Everything
	 * drifts one pixel per frame so that frames differ.
	 */
	private static LabelStack lineage() {
		final LabelStack gt = new LabelStack(W, H, T);
		for (int t = 0; t < T; t++) {
			final int[] f = Masks.disc(new int[W * H], W, 48, 12 + t, 7, 4);
			if (t < 5) Masks.disc(f, W, 18 + t, 24, 9, 1);
			else {
				Masks.disc(f, W, 12 + t, 18, 6, 2);
				Masks.disc(f, W, 12 + t, 34, 6, 3);
			}
			gt.setFrame(t, f);
		}
		return gt;
	}

	private static SortedSet<Integer> all() {
		final SortedSet<Integer> s = new TreeSet<>();
		for (int t = 0; t < T; t++)
			s.add(t);
		return s;
	}

	@Test
	void parseAndDescribe() {
		assertEquals(InteractionProtocol.DAVIS, InteractionProtocol.parse(" Davis"));
		assertEquals(InteractionProtocol.CELLS, InteractionProtocol.parse("cells"));
		assertEquals(InteractionProtocol.SEMI, InteractionProtocol.parse("SEMI"));
		final MivosException e = assertThrows(MivosException.class, () -> InteractionProtocol.parse("oracle"));
		assertTrue(e.getMessage().contains("oracle") && e.getMessage().contains("davis"), e.getMessage());
		assertEquals(8, InteractionProtocol.DAVIS.interactions());
		assertEquals(8, InteractionProtocol.CELLS.interactions());
		assertEquals(1, InteractionProtocol.SEMI.interactions());
		assertEquals("cells", InteractionProtocol.CELLS.id());
		assertTrue(InteractionProtocol.SEMI.usesMasks());
		assertFalse(InteractionProtocol.DAVIS.usesMasks());
		final List<Integer> newFrames = new ArrayList<>();
		for (int i = 1; i <= 8; i++)
			if (InteractionProtocol.DAVIS.newFrameAt(i)) newFrames.add(i);
		assertEquals(List.of(1, 4, 7), newFrames);
		assertTrue(InteractionProtocol.SEMI.newFrameAt(1));
	}

	@Test
	void davisChangesFrameOnlyAtInteractionsOneFourSeven() {
		final List<InteractionStep> steps = run(InteractionProtocol.DAVIS);
		final int f1 = steps.get(0).frame(), f4 = steps.get(3).frame(), f7 = steps.get(6).frame();
		assertEquals(5, f1); // most objects: frames 5-9 hold three
		assertEquals(List.of(f1, f1, f1, f4, f4, f4, f7, f7), steps.stream().map(InteractionStep::frame).toList());
		assertNotEquals(f1, f4);
		assertNotEquals(f1, f7);
		assertNotEquals(f4, f7);
		for (int i = 0; i < 8; i++)
			assertEquals(i == 0 || i == 3 || i == 6, steps.get(i).newFrame());
		// the prediction stub copies the ground truth of interacted frames: the rest stays empty and is worst
		assertEquals(0, f4);
		assertEquals(1, f7);
	}

	@Test
	void cellsGivesFirstStrokesToObjectsNeverAnnotated() {
		final InteractionStep davis = run(InteractionProtocol.DAVIS).get(3);
		final InteractionStep cells = run(InteractionProtocol.CELLS).get(3);
		assertEquals(0, davis.frame());
		assertEquals(0, cells.frame());
		// frame 0 holds object 4 (annotated at frame 5) and mother 1 (new)
		assertTrue(davis.scribbles().all().stream().noneMatch(Scribble::isBackground));
		assertEquals(List.of(1, 4), List.copyOf(davis.scribbles().objectIds()));
		assertTrue(cells.scribbles().all().stream().anyMatch(Scribble::isBackground));
		assertEquals(List.of(1, 4), List.copyOf(cells.scribbles().objectIds()));
		for (final InteractionStep s : List.of(davis, cells))
			assertTrue(s.scribbles().all().stream().filter(x -> !x.isBackground()).allMatch(x -> x
				.polarity() == Polarity.POSITIVE));
	}

	@Test
	void firstInteractionScribblesEveryObjectOfItsFrame() {
		final InteractionStep first = run(InteractionProtocol.CELLS).get(0);
		assertEquals(List.of(2, 3, 4), List.copyOf(first.scribbles().objectIds()));
		assertEquals(3, first.scribbles().all().stream().filter(Scribble::isBackground).count());
		assertTrue(first.masks().isEmpty());
	}

	@Test
	void semiGivesEachObjectsFirstMask() {
		final LabelStack gt = lineage();
		final SortedSet<Integer> scored = new TreeSet<>(List.of(2, 3, 6, 7));
		final InteractionStep step = InteractionProtocol.SEMI.next(1, gt, null, scored, InteractionHistory.empty(),
			new ScribbleRobot(0));
		assertTrue(step.scribbles().isEmpty());
		assertEquals(List.of(2, 6), List.copyOf(step.masks().keySet()));
		assertEquals(2, step.frame());
		final int[] expected2 = gt.frame(2), expected6 = gt.frame(6);
		for (int i = 0; i < expected6.length; i++)
			if (expected6[i] == 4) expected6[i] = 0; // object 4 starts on frame 2
		assertArrayEquals(expected2, step.masks().get(2));
		assertArrayEquals(expected6, step.masks().get(6));
		assertEquals(List.of(1, 2, 3, 4), List.copyOf(InteractionHistory.empty().after(step).annotatedObjects()));
		assertThrows(MivosException.class, () -> InteractionProtocol.SEMI.next(1, new LabelStack(4, 4, 1), null,
			new TreeSet<>(List.of(0)), InteractionHistory.empty(), new ScribbleRobot(0)));
	}

	@Test
	void historyMustMatchTheInteractionNumber() {
		assertThrows(IllegalArgumentException.class, () -> InteractionProtocol.DAVIS.next(2, lineage(), lineage(),
			all(), InteractionHistory.empty(), new ScribbleRobot(0)));
	}

	/** Drives a protocol with an engine stub that makes each interacted frame perfect and leaves the rest. */
	private static List<InteractionStep> run(final InteractionProtocol protocol) {
		final LabelStack gt = lineage();
		final LabelStack pred = new LabelStack(W, H, T);
		final ScribbleRobot robot = new ScribbleRobot(11);
		InteractionHistory history = InteractionHistory.empty();
		final List<InteractionStep> steps = new ArrayList<>();
		for (int i = 1; i <= protocol.interactions(); i++) {
			final InteractionStep step = protocol.next(i, gt, pred, all(), history, robot);
			steps.add(step);
			history = history.after(step);
			pred.setFrame(step.frame(), gt.frame(step.frame()));
		}
		assertEquals(protocol.interactions(), history.interactions());
		return steps;
	}
}
