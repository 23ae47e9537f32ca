package sc.fiji.mivos.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import sc.fiji.mivos.core.MivosException;

/** Calling TorchScript methods by name, on a tiny module with a method that doubles and one that returns NaN. */
class TorchMethodTest {

	private static ZooModel<NDList, NDList> load() throws Exception {
		final Path file = Paths.get(TorchMethodTest.class.getResource("methods.pt").toURI());
		PyTorchRuntime.engine();
		return Criteria.builder().setTypes(NDList.class, NDList.class).optModelPath(file).optEngine("PyTorch")
			.optTranslator(new NoopTranslator()).build().loadModel();
	}

	@Test
	void callsAMethodByNameInItsOwnScope() throws Exception {
		try (ZooModel<NDList, NDList> model = load(); NDManager m = model.getNDManager().newSubManager()) {
			final TorchMethod doubling = new TorchMethod((PtSymbolBlock) model.getBlock(), "double");
			final NDArray x = m.create(new float[] { 1, -2, 3 });
			final int before = m.getManagedArrays().size();
			final NDList r = doubling.call(m, x);
			assertArrayEquals(new float[] { 2, -4, 6 }, r.singletonOrThrow().toFloatArray());
			assertEquals(before + 1, m.getManagedArrays().size(), "only the result is left");
		}
	}

	@Test
	void nonFiniteResultsAreRefusedAfterRetries() throws Exception {
		try (ZooModel<NDList, NDList> model = load(); NDManager m = model.getNDManager().newSubManager()) {
			final TorchMethod broken = new TorchMethod((PtSymbolBlock) model.getBlock(), "broken");
			final NDArray x = m.create(new float[] { 1, 2 });
			final int before = m.getManagedArrays().size();
			final MivosException e = assertThrows(MivosException.class, () -> broken.call(m, x));
			assertTrue(e.getMessage().contains("broken stage returned NaN"), e.getMessage());
			assertEquals(before, m.getManagedArrays().size(), "refused results are freed");
		}
	}

	@Test
	void finiteFindsAnyNaNOrInfinity() {
		try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
			assertTrue(TorchMethod.finite(new NDList(m.create(new float[] { 1, -3e38f, 0 }), m.create(new int[] { 5 }))));
			for (final float bad : new float[] { Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY })
				assertFalse(TorchMethod.finite(new NDList(m.create(new float[] { 1, 2 }), m.create(new float[] { 0, bad,
					-1 }))), "missed " + bad);
		}
	}
}
