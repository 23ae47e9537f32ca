package sc.fiji.mivos.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ij.ImagePlus;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.core.eval.EvaluationScores;
import sc.fiji.mivos.dist.SiteIndex.SiteFile;
import sc.fiji.mivos.ij.LabelImages;
import sc.fiji.mivos.io.ImageFiles;

/**
 * Installs the built update site ({@code mvn -Pupdate-site verify}) over a clean Fiji-like ImageJ folder, starts it
 * as Fiji's launcher would, under its own virtual display, and runs {@code macros/scribble_propagate_export.ijm} on
 * the sample stack with a fresh user home (so the first start unpacks PyTorch). Prints the macro's label statistics,
 * the first-start time and the disk use; saves a screenshot of the MiVOS menu to {@code target/install/menu.png}
 * and {@code docs/images/menu.png}.
 */
@Tag("update-site")
class UpdateSiteInstallIT {

	static final Path SITE = Paths.get("target/update-site");
	private static final Path SAMPLE = Paths.get("sample-stacks/nuclei-demo");
	private static final Path MACRO = Paths.get("macros/scribble_propagate_export.ijm");
	private static final Path OUT = Paths.get("target/install");

	@TempDir
	static Path tmp;

	private static FijiInstallation fiji;
	private static final List<SiteFile> installed = new ArrayList<>();

	@BeforeAll
	static void installTheSite() throws IOException {
		assumeTrue(xvfbRun() != null, "xvfb-run is not installed (./mivos test installs it)");
		assertTrue(Files.isRegularFile(SITE.resolve(SiteIndexXml.FILE_NAME)), "no update site at " + SITE +
			"; build it with mvn -Pupdate-site package");
		fiji = FijiInstallation.install(SITE, tmp.resolve("Fiji.app"), FijiInstallation.currentPlatform(),
			installed);
		Files.createDirectories(OUT);
		long total = 0;
		for (final SiteFile f : installed) {
			total += f.current().filesize();
			System.out.printf(Locale.ROOT, "install: %-50s %7.1f MB%n", f.filename(), f.current().filesize() / 1e6);
		}
		System.out.printf(Locale.ROOT, "install: %d files from the update site for %s, %.1f MB%n", installed.size(),
			fiji.platform, total / 1e6);
	}

	@Test
	@Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void theMacroSegmentsTheSampleInAFreshInstallation() throws Exception {
		assumeTrue(Files.isRegularFile(MACRO), MACRO + " is not in this checkout");
		final Path home = Files.createDirectories(tmp.resolve("home"));
		final Path results = Files.createDirectories(tmp.resolve("results"));
		final List<String> java = fiji.javaCommand(home, List.of(), "ij.ImageJ", "-ijpath", fiji.app.toString(),
			"-batch", MACRO.toAbsolutePath().toString(), "sample=[" + SAMPLE.toAbsolutePath() + "] output=[" + results +
				"]");
		final long start = System.nanoTime();
		// NB: generous for a busy 2-core machine; an idle one needs well under a minute.
		final Run run = Run.underXvfb(java, 540);
		final double seconds = (System.nanoTime() - start) / 1e9;
		System.out.println(run.output);
		assertEquals(0, run.exitCode, "the macro failed:\n" + run.output);

		final Matcher summary = Pattern.compile("MiVOS result .*: (\\d+) objects, (\\d+) frames").matcher(run.output);
		assertTrue(summary.find(), "no label statistics in the output");
		final ImagePlus labels = ImageFiles.open(results.resolve("image-labels.tif"));
		final LabelStack predicted = LabelImages.toLabelStack(labels);
		final LabelStack truth = LabelImages.toLabelStack(ImageFiles.open(SAMPLE.resolve("labels.tif")));
		assertEquals(Integer.parseInt(summary.group(1)), predicted.objectIds().size(), "objects printed vs saved");
		assertEquals(truth.frames(), predicted.frames());
		assertEquals(truth.objectIds(), predicted.objectIds(), "every scribbled object is segmented");
		final EvaluationScores scores = EvaluationScores.compute(truth, predicted, new TreeSet<>(IntStream.range(0,
			truth.frames()).boxed().toList()));
		System.out.printf(Locale.ROOT, "install: macro run %.1f s (first start, PyTorch unpacked into %s: %.0f MiB); " +
			"mean J against the sample's ground truth %.3f%n", seconds, home.resolve(".djl.ai"), size(home.resolve(
				".djl.ai")) / 1048576.0, scores.j());
		assertTrue(scores.j() > 0.5, "the installed plugin does not segment the sample: J = " + scores.j());
	}

	@Test
	@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void theMenuShowsTheMiVOSCommands() throws Exception {
		assumeTrue(UpdateSiteInstallIT.class.getResource("/plugins.config") != null,
			"this build has no plugins.config, hence no ImageJ menu entries");
		final Path png = OUT.resolve("menu.png");
		final Path testClasses = Paths.get(MenuScreenshot.class.getProtectionDomain().getCodeSource().getLocation()
			.toURI());
		final Run run = Run.underXvfb(fiji.javaCommand(Files.createDirectories(tmp.resolve("home-gui")), List.of(
			testClasses), MenuScreenshot.class.getName(), fiji.app.toString(), png.toString(),
			"Plugins>Segmentation>MiVOS"), 90);
		assertEquals(0, run.exitCode, "the screenshot run failed:\n" + run.output);
		final BufferedImage shot = ImageIO.read(png.toFile());
		assertTrue(shot.getWidth() > 400 && shot.getHeight() > 100, "screenshot " + shot.getWidth() + "x" + shot
			.getHeight());
		final Path docs = Paths.get("docs/images");
		Files.createDirectories(docs);
		Files.copy(png, docs.resolve("menu.png"), StandardCopyOption.REPLACE_EXISTING);
		System.out.println("install: menu screenshot " + png + " (" + shot.getWidth() + "x" + shot.getHeight() +
			"), copied to " + docs.resolve("menu.png"));
	}

	private static long size(final Path dir) throws IOException {
		if (!Files.exists(dir)) return 0;
		try (Stream<Path> walk = Files.walk(dir)) {
			return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
		}
	}

	private static Path xvfbRun() {
		for (final String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
			final Path p = Paths.get(dir, "xvfb-run");
			if (Files.isExecutable(p)) return p;
		}
		return null;
	}

	/** A finished child process: exit code and its output (stdout and stderr together). */
	private record Run(int exitCode, String output) {

		/** Runs {@code command} on its own virtual display; kills it after {@code timeoutSeconds}. */
		static Run underXvfb(final List<String> command, final int timeoutSeconds) throws IOException,
			InterruptedException
		{
			final List<String> cmd = new ArrayList<>(List.of(xvfbRun().toString(), "-a", "-s",
				"-screen 0 1024x768x24"));
			cmd.addAll(command);
			final Path log = Files.createTempFile(tmp, "run", ".log");
			final ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
			// NB: a user's Fiji has none of the build's DJL settings; the plugin must keep DJL offline by itself.
			pb.environment().keySet().removeIf(k -> k.startsWith("DJL_") || k.equals("OPT_OUT_TRACKING") || k
				.startsWith("PYTORCH_"));
			final Process p = pb.start();
			if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				p.descendants().forEach(ProcessHandle::destroyForcibly);
				p.destroyForcibly();
				return new Run(-1, "timed out after " + timeoutSeconds + " s\n" + Files.readString(log,
					StandardCharsets.UTF_8));
			}
			return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
		}
	}
}
