package sc.fiji.mivos.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.Gson;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ShortProcessor;
import sc.fiji.mivos.core.MivosException;

/** {@code ./mivos evaluate} end to end on a small synthetic sequence with ground truth. */
class EvaluateRunTest {

	@TempDir
	Path tmp;

	@Test
	void writesReportsWithEveryMethodAndPrintsTheSummaryLine() throws IOException {
		final int size = 48, frames = 5;
		final ImageStack image = new ImageStack(size, size), labels = new ImageStack(size, size);
		for (int t = 0; t < frames; t++) {
			final ByteProcessor bp = new ByteProcessor(size, size);
			bp.setColor(30);
			bp.fill();
			bp.setColor(210);
			bp.fillOval(10 + t, 14, 18, 18);
			image.addSlice(bp);
			final ShortProcessor sp = new ShortProcessor(size, size);
			sp.setColor(4);
			sp.fillOval(10 + t, 14, 18, 18);
			labels.addSlice(sp);
		}
		final Path images = tmp.resolve("disc.tif"), gt = tmp.resolve("disc-gt.tif"), out = tmp.resolve("eval");
		new FileSaver(new ImagePlus("disc", image)).saveAsTiffStack(images.toString());
		new FileSaver(new ImagePlus("gt", labels)).saveAsTiffStack(gt.toString());
		final ByteArrayOutputStream stdout = new ByteArrayOutputStream(), stderr = new ByteArrayOutputStream();
		final int code = Main.run(new String[] { "evaluate", "--images", images.toString(), "--gt", gt.toString(),
			"--out", out.toString(), "--interactions", "2", "--frames", "1:4" }, new PrintStream(stdout, true,
				StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
		assertEquals(0, code, stderr.toString(StandardCharsets.UTF_8));
		final String summary = stdout.toString(StandardCharsets.UTF_8).trim();
		assertTrue(summary.matches("J&F=\\d\\.\\d{3} J=\\d\\.\\d{3} F=\\d\\.\\d{3} SEG=\\d\\.\\d{3} AUC=\\d\\.\\d{3} " +
			"frames=4 objects=1 s/frame=.*"), summary);
		@SuppressWarnings("unchecked")
		final Map<String, Object> report = new Gson().fromJson(Files.readString(out.resolve("report.json")),
			Map.class);
		assertEquals(summary, report.get("summary"));
		@SuppressWarnings("unchecked")
		final Map<String, Object> methods = (Map<String, Object>) report.get("methods");
		assertEquals(Set.of("mivos", "no_fusion", "no_propagation"), methods.keySet());
		assertTrue(Files.readString(out.resolve("report.html")).contains("<svg"));
		for (final String method : methods.keySet()) {
			final ImagePlus saved = IJ.openImage(out.resolve("labels-" + method + ".tif").toString());
			assertEquals(4, saved.getStackSize(), method);
			// NB: the disc's centre on the last frame carries the ground-truth id.
			assertEquals(4, saved.getStack().getProcessor(4).get(22, 23), method);
		}
	}

	@Test
	void frameRangesAreParsedAndChecked() {
		assertArrayEquals(new int[] { 0, 9 }, EvaluateRun.frameRange("1:10", 20));
		assertArrayEquals(new int[] { 4, 19 }, EvaluateRun.frameRange("5:", 20));
		assertTrue(assertThrows(MivosException.class, () -> EvaluateRun.frameRange(
			"5:30", 20)).getMessage().contains("1:20"));
		assertTrue(assertThrows(MivosException.class, () -> EvaluateRun.frameRange(
			"five", 20)).getMessage().contains("1:20"));
	}
}
