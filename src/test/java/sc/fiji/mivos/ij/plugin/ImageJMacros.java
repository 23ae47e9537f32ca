package sc.fiji.mivos.ij.plugin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import ij.Macro;
import ij.Menus;
import ij.Prefs;
import ij.macro.Interpreter;

/**
 * Runs macros through ImageJ 1.x as a user's ImageJ would, with MiVOS's menu entries installed from
 * {@code plugins.config}. ImageJ reads that file only from a jar whose name contains '_' in
 * {@code <plugins.dir>/plugins}; the classes themselves come from the test class path.
 */
public final class ImageJMacros {

	/**
	 * What a macro gave back.
	 *
	 * @param returned its top-level {@code return} value, or null
	 * @param error the error that stopped it, or null
	 * @param printed what it printed (without an ImageJ window, {@code print} writes to the standard output)
	 */
	public record Outcome(String returned, String error, String printed) {}

	private static boolean installed;

	private ImageJMacros() {}

	/** Runs {@code macro} with {@code getArgument()} = {@code argument}, then closes every image it left open. */
	public static synchronized Outcome run(final String macro, final String argument) {
		install();
		final Interpreter interpreter = new Interpreter();
		interpreter.setIgnoreErrors(true);
		final PrintStream stdout = System.out;
		final ByteArrayOutputStream printed = new ByteArrayOutputStream();
		String returned;
		System.setOut(new PrintStream(new TeeStream(stdout, printed), true, StandardCharsets.UTF_8));
		String error = null;
		try {
			returned = interpreter.run(macro, argument);
		}
		catch (final RuntimeException e) {
			// NB: ImageJ aborts some errors (an unknown command) by this exception even when errors are ignored
			if (!Macro.MACRO_CANCELED.equals(e.getMessage())) throw e;
			returned = null;
			error = e.getMessage();
		}
		finally {
			System.setOut(stdout);
		}
		final Outcome outcome = new Outcome(returned, interpreter.getErrorMessage() != null ? interpreter
			.getErrorMessage() : error, printed.toString(StandardCharsets.UTF_8));
		final Interpreter cleanup = new Interpreter();
		cleanup.setIgnoreErrors(true);
		cleanup.run("close('*');", "");
		return outcome;
	}

	/** Runs the macro file {@code macros/<name>} of this checkout, as {@link #run}. */
	public static Outcome runFile(final String name, final String argument) {
		try {
			return run(Files.readString(Paths.get("macros", name)), argument);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Writes to two streams. */
	private static final class TeeStream extends OutputStream {

		private final OutputStream a, b;

		TeeStream(final OutputStream a, final OutputStream b) {
			this.a = a;
			this.b = b;
		}

		@Override
		public void write(final int c) throws IOException {
			a.write(c);
			b.write(c);
		}

		@Override
		public void write(final byte[] bytes, final int off, final int len) throws IOException {
			a.write(bytes, off, len);
			b.write(bytes, off, len);
		}
	}

	/** Installs the plug-in jar holding {@code plugins.config} and points ImageJ at it (once per JVM). */
	public static synchronized void install() {
		if (installed) return;
		try {
			final Path root = Files.createTempDirectory("mivos-imagej");
			writePluginJar(root);
			// NB: the plugins folder itself, not its parent: ImageJ caches the property's parent reading on first
			// use (another test may already have caused that) and then falls back to the raw property as the folder
			System.setProperty("plugins.dir", root.resolve("plugins").toString());
			// NB: with a display, ImageJ builds its menus the first time anything asks for them (opening an image
			// does), possibly in an earlier test and without this folder; build them again as Help > Refresh Menus
			// does, with empty startup macros (ImageJ's own would need its toolbar)
			Files.writeString(Files.createDirectories(root.resolve("macros")).resolve("StartupMacros.txt"), "");
			// NB: ImageJ finds no plugins folder at all before it has read its preferences, which only happens
			// as a side effect of other calls (an ImageJ window, some commands); read them here
			if (Prefs.getHomeDir() == null) Prefs.load(null, null);
			Menus.updateImageJMenus();
			installed = true;
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Writes {@code <root>/plugins/MiVOS_Fiji.jar} holding this checkout's {@code plugins.config}. */
	public static void writePluginJar(final Path root) throws IOException {
		final Path plugins = Files.createDirectories(root.resolve("plugins"));
		try (OutputStream os = Files.newOutputStream(plugins.resolve("MiVOS_Fiji.jar"));
			JarOutputStream jar = new JarOutputStream(os))
		{
			jar.putNextEntry(new JarEntry("plugins.config"));
			jar.write(Files.readAllBytes(Paths.get("src/main/resources/plugins.config")));
			jar.closeEntry();
		}
	}
}
