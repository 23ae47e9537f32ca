package sc.fiji.mivos.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import sc.fiji.mivos.core.CancelToken;
import sc.fiji.mivos.core.Polarity;
import sc.fiji.mivos.core.ProgressListener;
import sc.fiji.mivos.core.Scribble;
import sc.fiji.mivos.core.ScribbleSet;
import sc.fiji.mivos.model.MivosNetworks;
import sc.fiji.mivos.model.ShippedModel;

/**
 * End to end with trained weights: one scribble per disc on the first frame, one propagation, and the discs are
 * followed through 20 frames. The thresholds are modest sanity bounds, not quality targets.
 */
class DiscTrackingTest {

	private static final int SIZE = 128, FRAMES = 20;
	private static MivosNetworks nets;

	@BeforeAll
	static void load() {
		ShippedModel.assumePresent();
		nets = MivosNetworks.load(InteractionSessionTest.SETTINGS);
		assumeTrue(nets.modelTrained(), "model '" + nets.modelName() + "' " + nets.modelVersion() +
			" has untrained placeholder weights");
	}

	@AfterAll
	static void close() {
		if (nets != null) nets.close();
	}

	@Test
	void oneDiscIsFollowed() {
		track(SyntheticDiscs.single(SIZE, FRAMES), 1);
	}

	@Test
	void twoDiscsAreFollowedApart() {
		track(SyntheticDiscs.pair(SIZE, FRAMES), 2);
	}

	private static void track(final SyntheticDiscs d, final int discs) {
		try (InteractionSession s = new InteractionSession(nets, d, InteractionSessionTest.SETTINGS)) {
			final List<Scribble> strokes = new ArrayList<>();
			for (int i = 0; i < discs; i++)
				strokes.add(InteractionSessionTest.strokeThrough(d, i, 0, i + 1));
			// a background stroke along the top edge
			final int[] xs = new int[SIZE], ys = new int[SIZE];
			for (int x = 0; x < SIZE; x++)
				xs[x] = x;
			strokes.add(new Scribble(0, Scribble.ALL_OBJECTS, Polarity.NEGATIVE, xs, ys));
			final int[] first = s.interact(0, new ScribbleSet(strokes));
			for (int i = 1; i <= discs; i++)
				assertTrue(SyntheticDiscs.iou(first, d.labels(0), i) > 0.5, "S2M IoU of disc " + i + ": " + SyntheticDiscs
					.iou(first, d.labels(0), i));
			s.propagate(ProgressListener.NONE, new CancelToken());
			for (int i = 1; i <= discs; i++) {
				double sum = 0;
				for (int t = 0; t < FRAMES; t++)
					sum += SyntheticDiscs.iou(s.labels(t), d.labels(t), i);
				assertTrue(sum / FRAMES > 0.5, "mean IoU of disc " + i + " over " + FRAMES + " frames: " + sum / FRAMES);
			}
		}
	}
}
