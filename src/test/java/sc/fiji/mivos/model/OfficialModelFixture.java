package sc.fiji.mivos.model;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The MiVOS networks converted from checkpoints in the official layout, for tests. The files are too large to commit
 * (about 360 MB), so {@code models/tests/official_fixtures.py} writes them, with random weights, once per test run
 * into {@code target/mivos-official-fixtures/}: {@code models/} (model {@value #MODEL} with its manifest) and
 * {@code fixtures/} (stage inputs and the outputs Python computes from the same TorchScript files). Tests skip, with
 * the reason, when Python has no PyTorch.
 */
public final class OfficialModelFixture {

	/** Name of the converted model. */
	public static final String MODEL = "mivos-official";

	private static final Path DIR = Paths.get("target", "mivos-official-fixtures");
	private static boolean written;

	private OfficialModelFixture() {}

	/** @return the folder with {@code models/} and {@code fixtures/}, written on the first call */
	public static synchronized Path folder() throws IOException, InterruptedException {
		assumeTrue(PythonTorch.available(), PythonTorch.MISSING);
		if (!written) {
			deleteTree(DIR);
			Files.createDirectories(DIR);
			PythonTorch.run(DIR.resolve("python.log"), 600, "models/tests/official_fixtures.py", "--out", DIR
				.toString());
			written = true;
		}
		return DIR;
	}

	/** @return the converted model, its files verified against its manifest */
	public static ModelBundle bundle() throws IOException, InterruptedException {
		return ModelRegistry.of(folder().resolve("models")).resolve(MODEL);
	}

	private static void deleteTree(final Path dir) throws IOException {
		if (!Files.exists(dir)) return;
		try (Stream<Path> paths = Files.walk(dir)) {
			for (final Path p : paths.sorted(Comparator.reverseOrder()).toList())
				Files.delete(p);
		}
	}
}
