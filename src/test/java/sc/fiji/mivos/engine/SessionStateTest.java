package sc.fiji.mivos.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import sc.fiji.mivos.core.CancelToken;
import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.core.MivosException;
import sc.fiji.mivos.core.PixelRect;
import sc.fiji.mivos.core.Polarity;
import sc.fiji.mivos.core.ProgressListener;
import sc.fiji.mivos.core.Scribble;
import sc.fiji.mivos.core.ScribbleSet;
import sc.fiji.mivos.model.MivosNetworks;
import sc.fiji.mivos.model.ShippedModel;

/** Undo and resume through {@link InteractionSession#state()} / {@link InteractionSession#restore}, local regions, object removal. */
class SessionStateTest {

	private static MivosNetworks nets;

	@BeforeAll
	static void load() {
		ShippedModel.assumePresent();
		nets = MivosNetworks.load(InteractionSessionTest.SETTINGS);
	}

	@AfterAll
	static void close() {
		if (nets != null) nets.close();
	}

	private static Map<Integer, int[]> frames(final LabelStack labels) {
		final Map<Integer, int[]> out = new HashMap<>();
		for (int t = 0; t < labels.frames(); t++)
			out.put(t, labels.frame(t));
		return out;
	}

	private static void secondRound(final InteractionSession s, final SyntheticDiscs d) {
		s.interact(4, new ScribbleSet(List.of(InteractionSessionTest.strokeThrough(d, 1, 4, 2))));
		s.propagate(ProgressListener.NONE, new CancelToken());
	}

	@Test
	void restoringAnEarlierStateThenRedoingGivesTheSameLabels() {
		final SyntheticDiscs d = SyntheticDiscs.pair(64, 6);
		try (InteractionSession s = new InteractionSession(nets, d, InteractionSessionTest.SETTINGS)) {
			s.interact(1, new ScribbleSet(List.of(InteractionSessionTest.strokeThrough(d, 0, 1, 1))));
			s.propagate(ProgressListener.NONE, new CancelToken());
			final SessionState first = s.state();
			final LabelStack firstLabels = s.labels();
			secondRound(s, d);
			final LabelStack direct = s.labels();
			assertNotEquals(firstLabels, direct, "the second round changes labels");
			assertEquals(2, s.round());

			s.restore(first, frames(firstLabels));
			assertEquals(firstLabels, s.labels());
			assertEquals(1, s.round());
			assertEquals(new TreeSet<>(List.of(1)), s.interactedFrames());
			assertEquals(new TreeSet<>(List.of(1)), s.objectIds());
			secondRound(s, d);
			assertEquals(direct, s.labels());
		}
	}

	@Test
	void aFreshSessionResumedFromAStateContinuesLikeTheOriginal() {
		final SyntheticDiscs d = SyntheticDiscs.pair(64, 6);
		final SessionState saved;
		final LabelStack savedLabels;
		final LabelStack direct;
		final int suggested;
		try (InteractionSession s = new InteractionSession(nets, d, InteractionSessionTest.SETTINGS)) {
			s.interact(1, new ScribbleSet(List.of(InteractionSessionTest.strokeThrough(d, 0, 1, 1))));
			s.propagate(ProgressListener.NONE, new CancelToken());
			saved = s.state();
			savedLabels = s.labels();
			suggested = s.suggestFrame();
			secondRound(s, d);
			direct = s.labels();
		}
		try (InteractionSession resumed = new InteractionSession(nets, d, InteractionSessionTest.SETTINGS)) {
			resumed.restore(saved, frames(savedLabels));
			assertEquals(suggested, resumed.suggestFrame());
			assertEquals(1, resumed.round());
			secondRound(resumed, d);
			assertEquals(direct, resumed.labels());
		}
	}

	@Test
	void aStateOfAnotherGridIsRefused() {
		final SyntheticDiscs small = SyntheticDiscs.single(64, 3);
		try (InteractionSession a = new InteractionSession(nets, small, InteractionSessionTest.SETTINGS);
			InteractionSession b = new InteractionSession(nets, SyntheticDiscs.single(64, 4),
				InteractionSessionTest.SETTINGS))
		{
			final MivosException e = assertThrows(MivosException.class, () -> b.restore(a.state(), Map.of()));
			assertTrue(e.getMessage().contains("3 frames"), e.getMessage());
		}
	}

	@Test
	void aRegionLimitsWhatAnInteractionChanges() {
		final SyntheticDiscs d = SyntheticDiscs.pair(64, 3);
		try (InteractionSession s = new InteractionSession(nets, d, InteractionSessionTest.SETTINGS)) {
			final int[] truth = d.labels(1);
			s.setMasks(1, truth);
			final SessionState before = s.state();
			final int[] c = d.centre(0, 1);
			final ScribbleSet negative = new ScribbleSet(List.of(new Scribble(1, 1, Polarity.NEGATIVE, new int[] { c[0] -
				2, c[0] - 1, c[0], c[0] + 1, c[0] + 2 }, new int[] { c[1], c[1], c[1], c[1], c[1] })));
			final int[] whole = s.interact(1, negative);
			s.restore(before, Map.of(1, truth));
			// NB: the region ends at the disc's centre, so erasing the whole disc changes pixels on both sides of it.
			final PixelRect box = new PixelRect(0, 0, c[0], 64);
			final int[] local = s.interact(1, negative, box);
			boolean differsOutside = false;
			for (int i = 0; i < local.length; i++) {
				final boolean inside = box.contains(i % 64, i / 64);
				assertEquals(inside ? whole[i] : truth[i], local[i], "pixel " + i + (inside ? " inside" : " outside"));
				if (!inside && whole[i] != truth[i]) differsOutside = true;
			}
			assertTrue(differsOutside, "the unrestricted interaction changes pixels outside the region too");
			assertArrayEquals(local, s.labels(1));
		}
	}

	@Test
	void removingAnObjectErasesItEverywhere() {
		final SyntheticDiscs d = SyntheticDiscs.pair(64, 4);
		try (InteractionSession s = new InteractionSession(nets, d, InteractionSessionTest.SETTINGS)) {
			s.setMasks(0, d.labels(0));
			s.propagate(ProgressListener.NONE, new CancelToken());
			assertEquals(new TreeSet<>(List.of(1, 2)), s.objectIds());
			final int round = s.round();
			assertEquals(new TreeSet<>(List.of(0, 1, 2, 3)), s.removeObject(2));
			assertEquals(new TreeSet<>(List.of(1)), s.objectIds());
			assertFalse(s.labels().objectIds().contains(2));
			assertTrue(s.labels().objectIds().contains(1));
			assertEquals(round, s.round());
			assertEquals(new TreeSet<>(), s.removeObject(7));
			s.propagate(ProgressListener.NONE, new CancelToken());
			assertFalse(s.labels().objectIds().contains(2), "a removed object is not propagated again");
		}
	}
}
