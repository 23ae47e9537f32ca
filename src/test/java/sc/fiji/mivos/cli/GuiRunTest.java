package sc.fiji.mivos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.GraphicsEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import sc.fiji.mivos.model.ShippedModel;

/** {@code ./mivos gui}: refused without a display; the stroke benchmark prints its median. */
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GuiRunTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(final String... args) {
		return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
			StandardCharsets.UTF_8));
	}

	@Test
	void withoutADisplayTheGuiSaysSo() {
		assumeTrue(GraphicsEnvironment.isHeadless(), "a display is present");
		assertEquals(2, run("gui"));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("needs a display"), err::toString);
	}

	@Test
	void badOptionsAreNamed() {
		assertEquals(2, run("gui", "--bench-strokes", "x"));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("--bench-strokes must be a whole number"), err::toString);
		err.reset();
		assertEquals(2, run("gui", "--frobnicate", "1"));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("Unknown option --frobnicate"), err::toString);
	}

	@Test
	void theStrokeBenchmarkPrintsTheMedianResponse() {
		assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display: run under xvfb-run");
		ShippedModel.assumePresent();
		assertEquals(0, run("gui", "--bench-strokes", "3", "--threads", "2"), err::toString);
		final String line = out.toString(StandardCharsets.UTF_8);
		assertTrue(line.matches("(?s)S2M response after a stroke, 3 strokes on 512x512 frames with 4 objects: median " +
			"\\d+ ms.*"), line);
	}
}
