package sc.fiji.mivos.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import sc.fiji.mivos.core.CancelToken;
import sc.fiji.mivos.core.EngineSettings;
import sc.fiji.mivos.core.ProgressListener;
import sc.fiji.mivos.core.ScribbleSet;
import sc.fiji.mivos.model.MivosNetworks;
import sc.fiji.mivos.model.OfficialModelFixture;

/**
 * The engine drives the converted MiVOS networks, whose memory keys are per object: scribbles, propagation, and a
 * second round that fuses. The weights are random, so only the mechanics are checked.
 */
class OfficialModelSessionTest {

	private static final EngineSettings SETTINGS = InteractionSessionTest.SETTINGS;
	private static MivosNetworks nets;

	@BeforeAll
	static void load() throws IOException, InterruptedException {
		nets = MivosNetworks.load(OfficialModelFixture.bundle(), SETTINGS);
	}

	@AfterAll
	static void close() {
		if (nets != null) nets.close();
	}

	@Test
	void twoRoundsWithFusion() {
		final SyntheticDiscs d = SyntheticDiscs.pair(64, 5);
		try (InteractionSession s = new InteractionSession(nets, d, SETTINGS)) {
			s.interact(0, new ScribbleSet(List.of(InteractionSessionTest.strokeThrough(d, 0, 0, 1), InteractionSessionTest
				.strokeThrough(d, 1, 0, 2))));
			assertEquals(4, s.propagate(ProgressListener.NONE, new CancelToken()).framesDone());
			s.setMasks(4, d.labels(4));
			final PropagationResult second = s.propagate(ProgressListener.NONE, new CancelToken());
			assertEquals(3, second.framesDone());
			assertEquals(3, second.framesFused(), "frames 2..4 lie between the interactions on frames 1 and 5");
			assertEquals(3, s.timings().calls(StageTimings.FUSION));
			for (int t = 0; t < 5; t++)
				for (final int v : s.labels(t))
					assertTrue(v == 0 || v == 1 || v == 2, "label " + v);
		}
	}
}
