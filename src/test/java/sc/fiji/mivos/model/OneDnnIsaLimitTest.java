package sc.fiji.mivos.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import sc.fiji.mivos.core.EngineSettings;

/**
 * The convolution stages computed by DJL's libtorch match PyTorch in Python on the same inputs. With oneDNN's
 * AVX-512 kernels they do not on some CPUs; {@link OneDnnIsaLimit} is what makes this pass there.
 */
class OneDnnIsaLimitTest {

	// NB: at 64×48 the AVX-512 kernels happened to be right; at 256×192 they gave wrong values and NaNs.
	private static final int H = 256, W = 192;

	@TempDir
	Path dir;

	@Test
	void limitIsInTheProcessEnvironment() {
		assertEquals(OneDnnIsaLimit.VALUE, OneDnnIsaLimit.apply());
		assertEquals(OneDnnIsaLimit.VALUE, OneDnnIsaLimit.current());
	}

	@Test
	void convolutionStagesMatchPython() throws IOException, InterruptedException {
		ShippedModel.assumePresent();
		assumeTrue(PythonTorch.available(), PythonTorch.MISSING);
		final float[] image = new float[H * W], prev = new float[H * W], pos = new float[H * W], neg = new float[H *
			W];
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				final int i = y * W + x;
				image[i] = (float) (0.5 + 0.4 * Math.sin(x * 0.3) * Math.cos(y * 0.2));
				prev[i] = Math.hypot(x - 80, y - 120) < 40 ? 1 : 0;
				pos[i] = Math.abs(x - 88) <= 1 && Math.abs(y - 120) < 24 ? 1 : 0;
				neg[i] = Math.abs(y - 5) <= 1 ? 1 : 0;
			}
		write("image", image);
		write("prev", prev);
		write("pos", pos);
		write("neg", neg);

		final float[] javaLogits, javaKey;
		try (MivosNetworks nets = MivosNetworks.load(EngineSettings.builder().optThreads(2).build()); NDManager m = nets
			.newManager())
		{
			final Shape s = new Shape(1, 1, H, W);
			final NDArray img = m.create(image, s);
			javaLogits = nets.s2m().run(m, img, m.create(prev, s), m.create(pos, s), m.create(neg, s)).toFloatArray();
			javaKey = nets.keyEncoder().encode(m, img).key().toFloatArray();
			final ModelBundle b = ModelRegistry.standard().resolve("lite");
			runPython(b.file("s2m"), b.file("propagation"));
		}
		assertClose(read("s2m_logits", javaLogits.length), javaLogits, "s2m logits");
		assertClose(read("key", javaKey.length), javaKey, "key");
	}

	private static void assertClose(final float[] expected, final float[] actual, final String what) {
		double scale = 1e-6, worst = 0;
		for (int i = 0; i < expected.length; i++) {
			scale = Math.max(scale, Math.abs(expected[i]));
			worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
		}
		assertTrue(worst <= 1e-4 * scale + 1e-5, what + ": largest difference " + worst + " (values up to " + scale +
			")");
	}

	private void runPython(final Path s2m, final Path propagation) throws IOException, InterruptedException {
		final Path script = dir.resolve("stage_reference.py");
		try (InputStream in = getClass().getResourceAsStream("stage_reference.py")) {
			Files.copy(in, script);
		}
		PythonTorch.run(dir.resolve("python.log"), 120, script.toString(), dir.toString(), s2m.toString(), propagation
			.toString(), "" + H, "" + W);
	}

	private void write(final String name, final float[] data) throws IOException {
		final ByteBuffer b = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
		b.asFloatBuffer().put(data);
		Files.write(dir.resolve(name + ".f32"), b.array());
	}

	private float[] read(final String name, final int n) throws IOException {
		final byte[] bytes = Files.readAllBytes(dir.resolve(name + ".f32"));
		assertEquals(n * 4, bytes.length, name + " size");
		final float[] out = new float[n];
		ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
		return out;
	}
}
