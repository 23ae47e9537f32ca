package sc.fiji.mivos.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

class ObjectMasksTest {

	@Test
	void eachPixelTakesItsMostProbableLabelAndItsProbability() {
		// background, object 4, object 9 over four pixels; the last pixel ties between background and object 9
		final float[] prob = { //
			0.7f, 0.1f, 0.2f, 0.4f, //
			0.2f, 0.6f, 0.3f, 0.2f, //
			0.1f, 0.3f, 0.5f, 0.4f };
		try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
			final ObjectMasks.Decoded d = ObjectMasks.decode(m.create(prob, new Shape(3, 1, 2, 2)), new int[] { 4,
				9 });
			assertArrayEquals(new int[] { 0, 4, 9, 0 }, d.labels());
			assertArrayEquals(new float[] { 0.7f, 0.6f, 0.5f, 0.4f }, d.confidence());
		}
	}
}
