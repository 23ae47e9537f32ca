package sc.fiji.mivos.dist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import javax.lang.model.SourceVersion;

/**
 * Repairs a jar's {@code Automatic-Module-Name} manifest header. Fiji's launcher puts the platform folder
 * ({@code jars/linux64}, ...) on the Java module path, and the JVM refuses to start when a jar there declares a name
 * that is not a valid module name; DJL's PyTorch native jars declare such names
 * ({@code ai.djl.pytorch_native_cpu_linux-x86_64}). The repaired jar keeps every other entry byte for byte.
 */
final class AutomaticModuleName {

	static final Attributes.Name HEADER = new Attributes.Name("Automatic-Module-Name");

	private AutomaticModuleName() {}

	/** @return the jar's declared name, or {@code null} when it declares none */
	static String declared(final Path jar) throws IOException {
		try (JarFile j = new JarFile(jar.toFile(), false)) {
			final Manifest m = j.getManifest();
			return m == null ? null : m.getMainAttributes().getValue(HEADER);
		}
	}

	/** @return whether {@code name} is a valid module name (dot-separated Java identifiers, no keywords) */
	static boolean isValid(final String name) {
		return SourceVersion.isName(name);
	}

	/**
	 * @return {@code name} with each character that cannot stand in a Java identifier replaced by {@code _}, and an
	 *         {@code _} added to parts that start with a digit or are keywords
	 */
	static String repaired(final String name) {
		final StringBuilder out = new StringBuilder();
		for (final String part : name.split("\\.", -1)) {
			if (out.length() > 0) out.append('.');
			final StringBuilder p = new StringBuilder();
			for (int i = 0; i < part.length(); i++) {
				final char c = part.charAt(i);
				p.append(Character.isJavaIdentifierPart(c) ? c : '_');
			}
			if (p.length() == 0 || !Character.isJavaIdentifierStart(p.charAt(0))) p.insert(0, '_');
			if (SourceVersion.isKeyword(p)) p.append('_');
			out.append(p);
		}
		return out.toString();
	}

	/**
	 * Copies {@code jar} to {@code target}, repairing its module name when it is invalid.
	 *
	 * @return the repaired name, or {@code null} when the jar was copied unchanged
	 */
	static String copyRepaired(final Path jar, final Path target) throws IOException {
		final String name = declared(jar);
		Files.copy(jar, target);
		if (name == null || isValid(name)) return null;
		final String fixed = repaired(name);
		// NB: the zip file system rewrites only the changed entry; the others are copied as they are, still compressed.
		try (FileSystem zip = FileSystems.newFileSystem(target)) {
			final Path manifest = zip.getPath(UpdaterChecksum.MANIFEST);
			final FileTime time = Files.getLastModifiedTime(manifest);
			final byte[] bytes;
			try (InputStream in = Files.newInputStream(manifest)) {
				bytes = withName(in, fixed);
			}
			Files.write(manifest, bytes);
			Files.setLastModifiedTime(manifest, time);
		}
		return fixed;
	}

	private static byte[] withName(final InputStream manifestBytes, final String name) throws IOException {
		final Manifest m = new Manifest(manifestBytes);
		m.getMainAttributes().put(HEADER, name);
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		m.write(bytes);
		return bytes.toByteArray();
	}
}
