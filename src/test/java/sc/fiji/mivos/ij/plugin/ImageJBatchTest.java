package sc.fiji.mivos.ij.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

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
		segmentInABatchJvm(System.getProperty("java.class.path"));
	}

	/**
	 * As a user installs it: only {@code ij.jar} on the class path; the plugin (this build's classes) in
	 * {@code plugins/MiVOS_Fiji.jar} and its dependencies in {@code plugins/jars}, all loaded by ImageJ's plugin
	 * class loader.
	 */
	@Test
	@Timeout(value = 600, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void aBatchMacroRunsFromThePluginsFolder() throws IOException, InterruptedException {
		assumeFalse(GraphicsEnvironment.isHeadless(), "ImageJ 1.x menus need a display; run under xvfb-run");
		final Path plugins = Files.createDirectories(dir.resolve("ij/plugins"));
		final Path jars = Files.createDirectories(plugins.resolve("jars"));
		String ij = null;
		for (final String entry : System.getProperty("surefire.test.class.path", System.getProperty(
			"java.class.path")).split(java.io.File.pathSeparator))
		{
			final Path p = Paths.get(entry);
			final String name = p.getFileName().toString();
			if (name.matches("ij-[0-9.a-z]+\\.jar")) ij = entry;
			else if (name.endsWith(".jar") && !name.startsWith("junit") && !name.startsWith("opentest4j") && !name
				.startsWith("apiguardian")) Files.createSymbolicLink(jars.resolve(name), p.toAbsolutePath());
		}
		jarOf(Paths.get("target/classes"), plugins.resolve("MiVOS_Fiji.jar"));
		segmentInABatchJvm(ij);
	}

	private void segmentInABatchJvm(final String classPath) throws IOException, InterruptedException {
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
			"-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true", "-cp", classPath,
			"ij.ImageJ", "-ijpath", dir.resolve("ij").toString(), "-batch", macro.toString(), dir.toString())
				.redirectErrorStream(true).redirectOutput(dir.resolve("imagej.log").toFile()).start();
		final boolean finished = java.waitFor(540, TimeUnit.SECONDS);
		if (!finished) java.destroyForcibly().waitFor();
		final List<String> log = Files.readAllLines(dir.resolve("imagej.log"));
		assertTrue(finished, () -> "ImageJ did not finish:\n" + String.join("\n", log));
		assertEquals(0, java.exitValue(), () -> String.join("\n", log));
		final LabelStack labels = LabelImages.toLabelStack(ImageFiles.open(dir.resolve("labels.tif")));
		final Set<Integer> ids = new TreeSet<>();
		for (final int v : labels.frame(TwoDiscs.FRAMES - 1))
			if (v != 0) ids.add(v);
		assertEquals(Set.of(1, 2), ids, () -> String.join("\n", log));
	}

	/** Packs a folder of classes and resources into a jar. */
	private static void jarOf(final Path classes, final Path jar) throws IOException {
		try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os);
			Stream<Path> files = Files.walk(classes))
		{
			for (final Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
				out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
				Files.copy(f, out);
				out.closeEntry();
			}
		}
	}
}
