package sc.fiji.mivos.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.Gson;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import sc.fiji.mivos.core.EngineSettings;

/**
 * The converted MiVOS networks ({@link OfficialModelFixture}) give the same outputs through DJL (libtorch 2.7.1) as
 * in Python (PyTorch 1.13), stage by stage, on the inputs Python stored: largest absolute difference at most
 * {@value #TOLERANCE}.
 */
class OfficialCheckpointParityTest {

	static final double TOLERANCE = 1e-4;

	private static MivosNetworks nets;
	private static Path fixtures;
	private static Index index;

	/** {@code fixtures/index.json}, as gson fills it. */
	static final class Index {

		String model;
		int top_k;
		List<Call> calls;
	}

	static final class Call {

		String stage;
		List<Array> inputs;
		List<Array> outputs;
	}

	static final class Array {

		String name;
		String file;
		long[] shape;
	}

	@BeforeAll
	static void load() throws IOException, InterruptedException {
		fixtures = OfficialModelFixture.folder().resolve("fixtures");
		try (Reader r = Files.newBufferedReader(fixtures.resolve("index.json"))) {
			index = new Gson().fromJson(r, Index.class);
		}
		nets = MivosNetworks.load(OfficialModelFixture.bundle(), EngineSettings.builder().optThreads(2).build());
	}

	@AfterAll
	static void close() {
		if (nets != null) nets.close();
	}

	@Test
	void theConvertedModelDeclaresPerObjectMemoryKeys() {
		assertEquals(OfficialModelFixture.MODEL, nets.modelName());
		assertEquals(OfficialModelFixture.MODEL, index.model);
		assertTrue(nets.objectMemoryKeys());
		assertTrue(nets.modelTrained(), "converted official weights count as trained");
	}

	@Test
	void s2m() throws IOException {
		compare("s2m", (m, in) -> new NDList(nets.s2m().run(m, in.get(0), in.get(1), in.get(2), in.get(3))));
	}

	@Test
	void encodeKey() throws IOException {
		compare("encode_key", (m, in) -> nets.keyEncoder().encode(m, in.get(0)).asList());
	}

	@Test
	void encodeValue() throws IOException {
		compare("encode_value", (m, in) -> new NDList(nets.valueEncoder().encode(m, in.get(0), in.get(1), in.get(2),
			in.get(3))));
	}

	@Test
	void segment() throws IOException {
		compare("segment", (m, in) -> new NDList(nets.segment().run(m, new KeyFeatures(in.get(0), in.get(1), in.get(
			2), in.get(3)), in.get(4), in.get(5), index.top_k)));
	}

	@Test
	void aggregate() throws IOException {
		compare("aggregate", (m, in) -> new NDList(nets.aggregate().run(m, in.get(0))));
	}

	@Test
	void fuse() throws IOException {
		compare("fuse", (m, in) -> new NDList(nets.fusion().fuse(m, in.get(0), in.get(1), in.get(2), in.get(3), in
			.get(4), in.get(5), in.get(6), in.get(7))));
	}

	/** Runs the stored call of {@code stage} through DJL and compares every output with Python's. */
	private static void compare(final String stage, final BiFunction<NDManager, NDList, NDList> run)
		throws IOException
	{
		final Call call = index.calls.stream().filter(c -> c.stage.equals(stage)).findFirst().orElseThrow();
		try (NDManager m = nets.newManager()) {
			final NDList inputs = new NDList();
			for (final Array a : call.inputs)
				inputs.add(m.create(read(a), new Shape(a.shape)));
			final NDList outputs = run.apply(m, inputs);
			assertEquals(call.outputs.size(), outputs.size(), stage + " outputs");
			for (int i = 0; i < outputs.size(); i++) {
				final Array expected = call.outputs.get(i);
				assertEquals(new Shape(expected.shape), outputs.get(i).getShape(), stage + " output " + i);
				final float[] want = read(expected), got = outputs.get(i).toFloatArray();
				double worst = 0, largest = 0;
				for (int j = 0; j < want.length; j++) {
					worst = Math.max(worst, Math.abs(want[j] - got[j]));
					largest = Math.max(largest, Math.abs(want[j]));
				}
				System.out.printf("mivos-official %s output %d %s: max |Java - Python| = %.3g (max |Python| = %.3g)%n",
					stage, i, outputs.get(i).getShape(), worst, largest);
				assertTrue(worst <= TOLERANCE, stage + " output " + i + ": largest difference " + worst);
			}
		}
	}

	private static float[] read(final Array a) throws IOException {
		final byte[] bytes = Files.readAllBytes(fixtures.resolve(a.file));
		final float[] out = new float[bytes.length / 4];
		ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
		assertEquals(new Shape(a.shape).size(), out.length, a.file);
		return out;
	}
}
