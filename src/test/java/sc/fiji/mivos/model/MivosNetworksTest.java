package sc.fiji.mivos.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import sc.fiji.mivos.core.DeviceChoice;
import sc.fiji.mivos.core.EngineSettings;

/** Every stage of the shipped model, loaded offline through DJL after sha256 verification, on small inputs. */
class MivosNetworksTest {

	private static final int H = 64, W = 96, N = 2, T = 3;
	private static MivosNetworks nets;

	@BeforeAll
	static void load() {
		ShippedModel.assumePresent();
		nets = MivosNetworks.load(EngineSettings.builder().optThreads(2).build());
	}

	@AfterAll
	static void close() {
		if (nets != null) nets.close();
	}

	@Test
	void describesItself() {
		assertEquals("lite", nets.modelName());
		assertTrue(nets.modelVersion().matches("\\d+\\.\\d+\\.\\d+.*"), nets.modelVersion());
		assertEquals(DeviceChoice.CPU, nets.device());
		assertNull(nets.deviceWarning());
		assertEquals("PyTorch 2.7.1", nets.engineVersion());
		assertEquals(2, nets.threads());
		assertEquals(OneDnnIsaLimit.VALUE, OneDnnIsaLimit.current());
	}

	@Test
	void everyStageGivesTheDocumentedShapes() {
		for (final int c : new int[] { 1, 3 })
			try (NDManager m = nets.newManager()) {
				final NDArray image = m.randomUniform(0, 1, new Shape(1, c, H, W));
				final NDArray masks = m.randomUniform(0, 1, new Shape(N, 1, H, W));
				final NDArray zeros = m.zeros(new Shape(N, 1, H, W));
				assertEquals(new Shape(N, 1, H, W), nets.s2m().run(m, image, zeros, masks.gt(0.9).toType(
					ai.djl.ndarray.types.DataType.FLOAT32, false), zeros).getShape());

				final KeyFeatures f = nets.keyEncoder().encode(m, image);
				assertEquals(new Shape(1, 64, H / 16, W / 16), f.key().getShape());
				assertEquals(1, f.f16().getShape().get(0));
				assertArrayEquals(new long[] { H / 16, W / 16 }, f.f16().getShape().slice(2).getShape());
				assertArrayEquals(new long[] { H / 8, W / 8 }, f.f8().getShape().slice(2).getShape());
				assertArrayEquals(new long[] { H / 4, W / 4 }, f.f4().getShape().slice(2).getShape());

				// NB: one object per encode_value call, as the engine does (see ObjectMasks.VALUE_BATCH).
				final NDList values = new NDList();
				for (int i = 0; i < N; i++)
					values.add(nets.valueEncoder().encode(m, image, f.f16(), masks.get(i + ":" + (i + 1)), zeros.get(i +
						":" + (i + 1))));
				assertEquals(new Shape(1, 128, H / 16, W / 16), values.get(0).getShape());
				final NDArray value = NDArrays.concat(values, 0);

				final NDArray memKeys = f.key().expandDims(2).repeat(2, T);
				final NDArray memValues = value.expandDims(2).repeat(2, T);
				final NDArray logits = nets.segment().run(m, f, memKeys, memValues, 20);
				assertEquals(new Shape(N, 1, H, W), logits.getShape());

				final NDArray prob = nets.aggregate().run(m, logits);
				assertEquals(new Shape(N + 1, 1, H, W), prob.getShape());
				final float[] sums = prob.sum(new int[] { 0 }).toFloatArray();
				for (final float s : sums)
					assertEquals(1f, s, 1e-4);

				final NDArray fused = nets.fusion().fuse(m, image, f.key(), f.key(), masks, masks, zeros, zeros, m.create(
					new float[] { 1, 2, 3, 4 }, new Shape(N, 2)));
				assertEquals(new Shape(N, 1, H, W), fused.getShape());
				for (final float v : fused.toFloatArray())
					assertTrue(Float.isFinite(v));
			}
	}

	@Test
	void callsLeaveOnlyTheirResults() {
		try (NDManager m = nets.newManager()) {
			final NDArray image = m.zeros(new Shape(1, 1, 32, 32));
			final int before = m.getManagedArrays().size();
			nets.keyEncoder().encode(m, image);
			assertEquals(before + 4, m.getManagedArrays().size());
		}
	}

	@Test
	void wrongShapesAreNamed() {
		try (NDManager m = nets.newManager()) {
			final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> nets.keyEncoder()
				.encode(m, m.zeros(new Shape(1, 1, 30, 32))));
			assertTrue(e.getMessage().contains("multiples of 16"), e.getMessage());
			final NDArray image = m.zeros(new Shape(1, 1, 32, 32));
			assertThrows(IllegalArgumentException.class, () -> nets.s2m().run(m, image, m.zeros(new Shape(2, 1, 32,
				32)), m.zeros(new Shape(3, 1, 32, 32)), m.zeros(new Shape(2, 1, 32, 32))));
		}
	}
}
