package sc.fiji.mivos.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's Python with PyTorch, which writes reference outputs for tests ({@code ./mivos test} installs it). */
public final class PythonTorch {

	/** The interpreter; the {@code python3} on PATH may lack torch. */
	public static final Path PYTHON = Paths.get("/usr/bin/python3");
	/** Why a test that needs it is skipped when it is absent. */
	public static final String MISSING = "no PyTorch for /usr/bin/python3 (apt-get install python3-torch)";

	private PythonTorch() {}

	/** @return whether {@link #PYTHON} imports torch and numpy */
	public static boolean available() throws InterruptedException {
		if (!Files.isExecutable(PYTHON)) return false;
		try {
			final Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import torch, numpy").redirectErrorStream(
				true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
			return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
		}
		catch (final IOException e) {
			return false;
		}
	}

	/**
	 * Runs a script and fails the calling test, with the script's output, unless it ends with status 0 in time.
	 *
	 * @param log file that receives the script's stdout and stderr
	 * @param timeoutSeconds how long it may run
	 * @param script the script and its arguments
	 */
	public static void run(final Path log, final int timeoutSeconds, final String... script) throws IOException,
		InterruptedException
	{
		final List<String> command = new ArrayList<>(List.of(PYTHON.toString()));
		command.addAll(List.of(script));
		final Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new AssertionError(script[0] + " ran longer than " + timeoutSeconds + " s: " + Files.readString(log));
		}
		assertEquals(0, p.exitValue(), () -> script[0] + " failed: " + readQuietly(log));
	}

	private static String readQuietly(final Path log) {
		try {
			return Files.readString(log);
		}
		catch (final IOException e) {
			return e.getMessage();
		}
	}
}
