package sc.fiji.mivos.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import sc.fiji.mivos.core.CancelToken;
import sc.fiji.mivos.core.EngineSettings;
import sc.fiji.mivos.core.MivosException;
import sc.fiji.mivos.core.Polarity;
import sc.fiji.mivos.core.ProgressListener;
import sc.fiji.mivos.core.Resampler;
import sc.fiji.mivos.core.Scribble;
import sc.fiji.mivos.core.ScribbleSet;
import sc.fiji.mivos.model.MivosNetworks;
import sc.fiji.mivos.model.ShippedModel;

/**
 * Rounds of interaction and propagation on synthetic sequences with the shipped model. These tests check the
 * mechanics (which frames are written, exclusivity, errors, cancel, bounded memory) and hold for any weights.
 */
class InteractionSessionTest {

	static final EngineSettings SETTINGS = EngineSettings.builder().optThreads(2).optFusion(true).build();
	private static MivosNetworks nets;

	@BeforeAll
	static void load() {
		ShippedModel.assumePresent();
		nets = MivosNetworks.load(SETTINGS);
	}

	@AfterAll
	static void close() {
		if (nets != null) nets.close();
	}

	/** A vertical positive stroke through the middle of disc {@code disc} on frame {@code t}. */
	static Scribble strokeThrough(final SyntheticDiscs d, final int disc, final int t, final int id) {
		final int[] c = d.centre(disc, t);
		final int len = 5;
		final int[] xs = new int[2 * len + 1], ys = new int[2 * len + 1];
		for (int i = -len; i <= len; i++) {
			xs[i + len] = c[0];
			ys[i + len] = c[1] + i;
		}
		return new Scribble(t, id, Polarity.POSITIVE, xs, ys);
	}

	@Test
	void interactionReturnsExclusiveLabelsOfTheNamedObjects() {
		final SyntheticDiscs d = SyntheticDiscs.pair(64, 4);
		try (InteractionSession s = new InteractionSession(nets, d, SETTINGS)) {
			// NB: both objects' strokes cross the same pixels, so both compete for them.
			final Scribble a = strokeThrough(d, 0, 1, 1);
			final Scribble b = new Scribble(1, 2, Polarity.POSITIVE, a.xs(), a.ys());
			final Scribble c = strokeThrough(d, 1, 1, 2);
			final int[] labels = s.interact(1, new ScribbleSet(List.of(a, b, c)));
			assertEquals(64 * 64, labels.length);
			for (final int v : labels)
				assertTrue(v == 0 || v == 1 || v == 2, "label " + v);
			assertArrayEquals(labels, s.labels(1));
			assertEquals(new TreeSet<>(List.of(1)), s.interactedFrames());
			assertEquals(1, s.round());
			// NB: frames smaller than the minimum processing side are upscaled for the networks.
			assertEquals(Resampler.MIN_SIDE, s.processingWidth());
			assertEquals(Resampler.MIN_SIDE, s.processingHeight());
			assertTrue(s.timings().calls(StageTimings.S2M) == 1);
			assertTrue(s.timings().asMap().keySet().containsAll(Set.of("s2m_ms", "key_ms", "value_ms", "segment_ms",
				"fusion_ms")));
		}
	}

	@Test
	void setMasksBecomesTheInteraction() {
		final SyntheticDiscs d = SyntheticDiscs.pair(64, 3);
		try (InteractionSession s = new InteractionSession(nets, d, SETTINGS)) {
			final int[] truth = d.labels(2);
			s.setMasks(2, truth);
			assertArrayEquals(truth, s.labels(2));
			assertEquals(new TreeSet<>(List.of(1, 2)), s.objectIds());
			assertEquals(new TreeSet<>(List.of(2)), s.interactedFrames());
			final PropagationResult r = s.propagate(ProgressListener.NONE, new CancelToken());
			assertEquals(2, r.startFrame());
			assertEquals(2, r.framesDone());
			assertArrayEquals(truth, s.labels(2), "the interacted frame keeps its mask");
			for (int t = 0; t < 2; t++)
				for (final int v : s.labels(t))
					assertTrue(v == 0 || v == 1 || v == 2, "label " + v);
		}
	}

	@Test
	void propagationIsBidirectionalAndStopsAtInteractedFrames() {
		final SyntheticDiscs d = SyntheticDiscs.single(64, 12);
		try (InteractionSession s = new InteractionSession(nets, d, SETTINGS)) {
			final List<Integer> written = new ArrayList<>();
			s.observeFrames(written::add);
			s.setMasks(2, d.labels(2));
			PropagationResult r = s.propagate(ProgressListener.NONE, new CancelToken());
			assertEquals(List.of(3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 0), written);
			assertEquals(11, r.framesPlanned());
			assertEquals(0, r.framesFused(), "nothing to fuse in the first round");

			written.clear();
			s.setMasks(8, d.labels(8));
			r = s.propagate(ProgressListener.NONE, new CancelToken());
			assertEquals(List.of(9, 10, 11, 7, 6, 5, 4, 3), written);
			assertEquals(5, r.framesFused(), "frames 3..7 lie between frames 2 and 8");

			written.clear();
			final int[] frame0 = s.labels(0);
			s.setMasks(5, d.labels(5));
			r = s.propagate(ProgressListener.NONE, new CancelToken());
			assertEquals(List.of(6, 7, 4, 3), written);
			assertEquals(4, r.framesPlanned());
			assertEquals(4, r.framesFused());
			assertFalse(r.canceled());
			assertArrayEquals(frame0, s.labels(0));
			assertEquals(new TreeSet<>(List.of(2, 5, 8)), s.interactedFrames());
			assertTrue(r.message().contains("from frame 6"), r.message());
		}
	}

	@Test
	void withoutTheFusionNetworkFramesBetweenInteractionsAreBlended() {
		final SyntheticDiscs d = SyntheticDiscs.single(64, 6);
		final EngineSettings off = SETTINGS.toBuilder().optFusion(false).build();
		try (InteractionSession s = new InteractionSession(nets, d, off)) {
			s.setMasks(0, d.labels(0));
			s.propagate(ProgressListener.NONE, new CancelToken());
			s.setMasks(5, d.labels(5));
			assertEquals(4, s.propagate(ProgressListener.NONE, new CancelToken()).framesFused());
			assertEquals(0, s.timings().calls(StageTimings.FUSION));
		}
	}

	@Test
	void cancelKeepsFinishedFrames() {
		final SyntheticDiscs d = SyntheticDiscs.single(64, 10);
		try (InteractionSession s = new InteractionSession(nets, d, SETTINGS)) {
			s.setMasks(0, d.labels(0));
			final CancelToken cancel = new CancelToken();
			final List<Integer> written = new ArrayList<>();
			s.observeFrames(written::add);
			final PropagationResult r = s.propagate((status, done, total) -> {
				if (done == 3) cancel.cancel("test");
			}, cancel);
			assertTrue(r.canceled());
			assertEquals(3, r.framesDone());
			assertEquals(9, r.framesPlanned());
			assertEquals(List.of(1, 2, 3), written);
			assertTrue(r.message().startsWith("canceled after 3 of 9 frames"), r.message());
			// untouched frames are still background
			for (final int v : s.labels(7))
				assertEquals(0, v);
		}
	}

	@Test
	void removingEveryObjectClearsThePropagatedFrames() {
		final SyntheticDiscs d = SyntheticDiscs.single(64, 4);
		try (InteractionSession s = new InteractionSession(nets, d, SETTINGS)) {
			s.setMasks(0, d.labels(0));
			s.propagate(ProgressListener.NONE, new CancelToken());
			s.setMasks(0, new int[64 * 64]);
			assertTrue(s.objectIds().isEmpty());
			assertEquals(3, s.propagate(ProgressListener.NONE, new CancelToken()).framesDone());
			for (int t = 1; t < 4; t++)
				for (final int v : s.labels(t))
					assertEquals(0, v);
		}
	}

	@Test
	void badInteractionsAreRefused() {
		final SyntheticDiscs d = SyntheticDiscs.single(64, 4);
		try (InteractionSession s = new InteractionSession(nets, d, SETTINGS)) {
			assertThrows(MivosException.class, () -> s.propagate(ProgressListener.NONE, new CancelToken()));
			assertThrows(MivosException.class, () -> s.interact(0, ScribbleSet.empty()));
			final Scribble elsewhere = strokeThrough(d, 0, 2, 1);
			final MivosException e = assertThrows(MivosException.class, () -> s.interact(1, new ScribbleSet(List.of(
				elsewhere))));
			assertTrue(e.getMessage().contains("frame 3"), e.getMessage());
			final Scribble bg = new Scribble(1, Scribble.ALL_OBJECTS, Polarity.NEGATIVE, new int[] { 3 }, new int[] {
				3 });
			final MivosException none = assertThrows(MivosException.class, () -> s.interact(1, new ScribbleSet(List.of(
				bg))));
			assertTrue(none.getMessage().contains("name no object"), none.getMessage());
			assertThrows(MivosException.class, () -> s.interact(9, new ScribbleSet(List.of(bg))));
			assertThrows(MivosException.class, () -> s.setMasks(0, new int[5]));
			assertEquals(0, s.round());
		}
	}

	@Test
	void aThousandObjectsAreProcessedInBatches() {
		final int size = 64;
		final SyntheticDiscs d = SyntheticDiscs.single(size, 3);
		final int[] labels = new int[size * size];
		for (int id = 1; id <= 1000; id++) {
			final int bx = (id - 1) % 32 * 2, by = (id - 1) / 32 * 2;
			for (int y = by; y < by + 2; y++)
				for (int x = bx; x < bx + 2; x++)
					labels[y * size + x] = id;
		}
		try (InteractionSession s = new InteractionSession(nets, d, SETTINGS)) {
			s.setMasks(1, labels);
			assertEquals(1000, s.objectIds().size());
			assertEquals(2, s.propagate(ProgressListener.NONE, new CancelToken()).framesDone());
			for (final int t : new int[] { 0, 2 })
				for (final int v : s.labels(t))
					assertTrue(v >= 0 && v <= 1000, "label " + v);
			// an interaction naming 40 objects runs S2M in more than one batch
			final List<Scribble> strokes = new ArrayList<>();
			for (int id = 1; id <= 40; id++) {
				final int bx = (id - 1) % 32 * 2, by = (id - 1) / 32 * 2;
				strokes.add(new Scribble(0, id, Polarity.POSITIVE, new int[] { bx }, new int[] { by }));
			}
			for (final int v : s.interact(0, new ScribbleSet(strokes)))
				assertTrue(v >= 0 && v <= 1000, "label " + v);
		}
	}
}
