package sc.fiji.mivos.ij.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.ij.LabelImages;
import sc.fiji.mivos.ij.TwoDiscs;
import sc.fiji.mivos.io.ImageFiles;
import sc.fiji.mivos.io.RoiFiles;

/**
 * The documented unattended path of plain ImageJ: {@code java ij.ImageJ -ijpath DIR -batch macro.ijm argument},
 * with the menu entries read from {@code DIR/plugins/MiVOS_Fiji.jar}, in a JVM of its own.
 */
class ImageJBatchTest {

	@TempDir
	Path dir;

	@Test
	@Timeout(value = 600, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void aBatchMacroSegmentsThroughTheMenuEntries() throws IOException, InterruptedException {
		assumeFalse(GraphicsEnvironment.isHeadless(), "ImageJ 1.x menus need a display; run under xvfb-run");
		ImageJMacros.writePluginJar(dir.resolve("ij"));
		IJ.saveAsTiff(TwoDiscs.image(), dir.resolve("two-discs.tif").toString());
		RoiFiles.write(TwoDiscs.strokes(), dir.resolve("strokes.zip"));
		final Path macro = dir.resolve("segment.ijm");
		Files.writeString(macro, """
			folder = getArgument();
			open(folder + "/two-discs.tif");
			run("Propagate", "scribbles=[" + folder + "/strokes.zip]");
			saveAs("Tiff", folder + "/labels.tif");
			""");

		final Process java = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
			"-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true", "-cp", System.getProperty("java.class.path"),
			"ij.ImageJ", "-ijpath", dir.resolve("ij").toString(), "-batch", macro.toString(), dir.toString())
				.redirectErrorStream(true).redirectOutput(dir.resolve("imagej.log").toFile()).start();
		assertTrue(java.waitFor(540, TimeUnit.SECONDS), "ImageJ did not finish");
		final List<String> log = Files.readAllLines(dir.resolve("imagej.log"));
		assertEquals(0, java.exitValue(), () -> String.join("\n", log));
		final LabelStack labels = LabelImages.toLabelStack(ImageFiles.open(dir.resolve("labels.tif")));
		final Set<Integer> ids = new TreeSet<>();
		for (final int v : labels.frame(TwoDiscs.FRAMES - 1))
			if (v != 0) ids.add(v);
		assertEquals(Set.of(1, 2), ids, () -> String.join("\n", log));
	}
}
