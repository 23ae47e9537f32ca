package sc.fiji.mivos.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import sc.fiji.mivos.core.EngineSettings;
import sc.fiji.mivos.core.FusionSchedule;
import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.core.Resampler;

/** The merge without the fusion network: weights by the distances to the two interactions. */
class TemporalBlendTest {

	private static final int SIZE = Resampler.MIN_SIDE;

	/** Object 1 fills the left half of frame 1 from the earlier round; the new propagation finds only background. */
	private static float[] blend(final int toNew, final int toEarlier) {
		final LabelStack labels = new LabelStack(SIZE, SIZE, 3);
		final int[] earlier = new int[SIZE * SIZE];
		for (int i = 0; i < earlier.length; i++)
			if (i % SIZE < SIZE / 2) earlier[i] = 1;
		labels.setFrame(1, earlier);
		try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
			final SessionContext ctx = new SessionContext(null, EngineSettings.defaults(), new Resampler(SIZE, SIZE,
				0), m, null, null, labels, null, null);
			final float[] bg = new float[2 * SIZE * SIZE];
			for (int i = 0; i < SIZE * SIZE; i++)
				bg[i] = 1;
			final NDArray cur = m.create(bg, new Shape(2, 1, SIZE, SIZE));
			return new TemporalBlend(ctx, new int[] { 1 }).fuse(m, 1, null, cur, new FusionSchedule.Distances(toNew,
				toEarlier, 0)).toFloatArray();
		}
	}

	@Test
	void theNearerInteractionWeighsMore() {
		final float[] nearEarlier = blend(3, 1);
		assertEquals(0.25f, nearEarlier[0], 1e-6f, "background on the object, near the earlier interaction");
		assertEquals(0.75f, nearEarlier[SIZE * SIZE], 1e-6f, "object kept near the earlier interaction");
		final float[] nearNew = blend(1, 3);
		assertEquals(0.25f, nearNew[SIZE * SIZE], 1e-6f, "object mostly gone near the new interaction");
	}

	@Test
	void probabilitiesStayNormalised() {
		final float[] p = blend(2, 5);
		for (int i = 0; i < SIZE * SIZE; i++)
			assertEquals(1f, p[i] + p[SIZE * SIZE + i], 1e-6f);
		assertEquals(1f, p[SIZE - 1], 1e-6f, "background where neither round has the object");
	}
}
