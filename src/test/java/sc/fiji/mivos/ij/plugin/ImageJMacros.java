package sc.fiji.mivos.ij.plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import ij.macro.Interpreter;

/**
 * Runs macros through ImageJ 1.x as a user's ImageJ would, with MiVOS's menu entries installed from
 * {@code plugins.config}. ImageJ reads that file only from a jar whose name contains '_' in
 * {@code <plugins.dir>/plugins}; the classes themselves come from the test class path. The menus are built once per
 * JVM, so the plug-in folder is set up before the first macro runs.
 */
public final class ImageJMacros {

	/** What a macro gave back: its top-level {@code return} value and the error that stopped it, if any. */
	public record Outcome(String returned, String error) {}

	private static boolean installed;

	private ImageJMacros() {}

	/** Runs {@code macro} with {@code getArgument()} = {@code argument}, then closes every image it left open. */
	public static synchronized Outcome run(final String macro, final String argument) {
		install();
		final Interpreter interpreter = new Interpreter();
		interpreter.setIgnoreErrors(true);
		final String returned = interpreter.run(macro, argument);
		final Outcome outcome = new Outcome(returned, interpreter.getErrorMessage());
		final Interpreter cleanup = new Interpreter();
		cleanup.setIgnoreErrors(true);
		cleanup.run("close('*');", "");
		return outcome;
	}

	/** Installs the plug-in jar holding {@code plugins.config} and points ImageJ at it (once per JVM). */
	public static synchronized void install() {
		if (installed) return;
		try {
			final Path root = Files.createTempDirectory("mivos-imagej");
			final Path plugins = Files.createDirectories(root.resolve("plugins"));
			try (OutputStream os = Files.newOutputStream(plugins.resolve("MiVOS_Fiji.jar"));
				JarOutputStream jar = new JarOutputStream(os))
			{
				jar.putNextEntry(new JarEntry("plugins.config"));
				jar.write(Files.readAllBytes(Paths.get("src/main/resources/plugins.config")));
				jar.closeEntry();
			}
			System.setProperty("plugins.dir", root.toString());
			installed = true;
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
