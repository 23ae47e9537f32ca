package sc.fiji.mivos.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import sc.fiji.mivos.core.CancelToken;
import sc.fiji.mivos.core.EngineSettings;
import sc.fiji.mivos.core.ProgressListener;
import sc.fiji.mivos.model.MivosNetworks;
import sc.fiji.mivos.model.ShippedModel;

/** A long propagation keeps native memory flat: the feature cache and the memory bank stay within their caps. */
class MemorySoakTest {

	private static final int FRAMES = 220;
	private static final int CAP = 6;

	@Test
	void nativeArraysStayFlatOverAHundredsOfFrames() {
		ShippedModel.assumePresent();
		final EngineSettings settings = EngineSettings.builder().optThreads(2).optMaxMemoryFrames(CAP).optMemEvery(3)
			.build();
		final SyntheticDiscs d = SyntheticDiscs.pair(64, FRAMES);
		try (MivosNetworks nets = MivosNetworks.load(settings); InteractionSession s = new InteractionSession(nets, d,
			settings))
		{
			final List<Long> arrays = new ArrayList<>();
			final List<Integer> bank = new ArrayList<>();
			s.observeFrames(t -> {
				arrays.add(s.nativeArrayCount());
				bank.add(s.memoryFrames());
			});
			s.setMasks(0, d.labels(0));
			final PropagationResult r = s.propagate(ProgressListener.NONE, new CancelToken());
			assertEquals(FRAMES - 1, r.framesDone());
			for (final int size : bank)
				assertTrue(size <= CAP, "memory bank holds " + size + " frames, cap " + CAP);
			// NB: the feature cache fills during the first frames; from then on nothing may accumulate.
			final long settled = arrays.get(InteractionSession.FEATURE_CACHE_FRAMES + 10);
			for (int i = InteractionSession.FEATURE_CACHE_FRAMES + 10; i < arrays.size(); i++)
				assertEquals(settled, arrays.get(i), "native arrays after frame " + (i + 1));
			final long afterFirst = s.nativeArrayCount();
			assertEquals(1, s.memoryFrames(), "between rounds the bank holds the interacted frame only");

			s.setMasks(0, d.labels(0));
			s.propagate(ProgressListener.NONE, new CancelToken());
			assertEquals(afterFirst, s.nativeArrayCount(), "a second round leaves as many arrays as the first");
		}
	}
}
