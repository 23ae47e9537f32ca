package sc.fiji.mivos.dist;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import sc.fiji.mivos.dist.SiteIndex.SiteFile;

/**
 * A clean, Fiji-like ImageJ folder with the update site installed the way the Fiji updater installs it, and the Java
 * command line Fiji's launcher would build for it ({@code config/fiji.toml} of Fiji: {@code jars/*.jar},
 * {@code jars/*}{@code /*.jar} and {@code plugins/*.jar} on the class path, the platform folder on the module path,
 * {@code plugins.dir} at the Fiji folder).
 * <p>
 * The base installation holds ImageJ and the libraries Fiji ships that the plugin needs, taken from this build's class
 * path: exactly those the update site leaves out (the {@code update-site} profile of the pom).
 */
final class FijiInstallation {

	/** A class of each jar Fiji ships that the plugin needs; the pom's update-site profile excludes these jars. */
	static final List<String> FIJI_JARS = List.of("ij.IJ", "org.scijava.Context", "org.scijava.parsington.Variable",
		"net.imglib2.Interval", "com.google.gson.Gson", "com.sun.jna.Native",
		"org.apache.commons.compress.archivers.ArchiveEntry", "org.apache.commons.codec.binary.Hex",
		"org.apache.commons.io.IOUtils", "org.slf4j.Logger");

	final Path app;
	final String platform;

	private FijiInstallation(final Path app, final String platform) {
		this.app = app;
		this.platform = platform;
	}

	/** @return the Fiji updater's name of this machine's platform */
	static String currentPlatform() {
		final String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
		final String arch = System.getProperty("os.arch");
		final boolean arm = arch.equals("aarch64") || arch.equals("arm64");
		if (os.startsWith("linux")) return arm ? "linux-arm64" : "linux64";
		if (os.startsWith("mac")) return arm ? "macos-arm64" : "macos64";
		return arm ? "win-arm64" : "win64";
	}

	/**
	 * Lays ImageJ and the Fiji libraries into {@code app}, then installs every file of the site's index meant for
	 * {@code platform}: downloads {@code <site>/<filename>-<timestamp>} to {@code <app>/<filename>} and checks the
	 * checksum, as the updater does.
	 *
	 * @return the installation, and the files installed from the site
	 */
	static FijiInstallation install(final Path site, final Path app, final String platform, final List<SiteFile> from)
		throws IOException
	{
		Files.createDirectories(app.resolve("jars"));
		Files.createDirectories(app.resolve("plugins"));
		for (final String className : FIJI_JARS) {
			final Path jar = jarOf(className);
			Files.copy(jar, app.resolve("jars").resolve(jar.getFileName()));
		}
		for (final SiteFile f : SiteIndexXml.read(site.resolve(SiteIndexXml.FILE_NAME), true).files()) {
			if (f.current() == null || !(f.platforms().isEmpty() || f.platforms().contains(platform))) continue;
			final Path target = app.resolve(f.filename());
			Files.createDirectories(target.getParent());
			Files.copy(site.resolve(f.uploadName()), target);
			final String checksum = UpdaterChecksum.of(f.filename(), target);
			if (!checksum.equals(f.current().checksum())) throw new IOException(f.filename() + ": checksum " + checksum +
				" after download, index says " + f.current().checksum());
			from.add(f);
		}
		return new FijiInstallation(app, platform);
	}

	/**
	 * @param home the user home the JVM gets (DJL and the plugin cache their files below it)
	 * @param extraClassPath entries put after Fiji's own
	 * @return {@code java ... mainClass} as Fiji's launcher would start it
	 */
	List<String> javaCommand(final Path home, final List<Path> extraClassPath, final String mainClass,
		final String... args) throws IOException
	{
		final List<String> cp = new ArrayList<>();
		for (final String glob : List.of("jars", "plugins"))
			cp.addAll(jars(app.resolve(glob)));
		for (final Path p : extraClassPath)
			cp.add(p.toString());
		final List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
			.toString(), "-Xmx4g", "-Duser.home=" + home, "-Dplugins.dir=" + app, "--module-path=" + app.resolve(
				"jars").resolve(platform), "-cp", String.join(java.io.File.pathSeparator, cp), mainClass));
		cmd.addAll(List.of(args));
		return cmd;
	}

	/** @return the jars in {@code dir} and in its direct sub-folders, sorted */
	private static List<String> jars(final Path dir) throws IOException {
		if (!Files.isDirectory(dir)) return List.of();
		try (Stream<Path> walk = Files.walk(dir, 2)) {
			return walk.filter(p -> p.toString().endsWith(".jar") && Files.isRegularFile(p)).map(Path::toString)
				.sorted().toList();
		}
	}

	static Path jarOf(final String className) throws IOException {
		try {
			return Paths.get(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (final ClassNotFoundException | URISyntaxException e) {
			throw new IOException("No jar for " + className + " on the class path", e);
		}
	}
}
