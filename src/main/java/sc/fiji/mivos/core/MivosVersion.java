package sc.fiji.mivos.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this build, written into {@code mivos-version.properties} by the build. */
public final class MivosVersion {

	private MivosVersion() {}

	/** @return the version, or {@code "unknown"} when the build did not record one */
	public static String get() {
		try (InputStream in = MivosVersion.class.getResourceAsStream("/mivos-version.properties")) {
			if (in == null) return "unknown";
			final Properties p = new Properties();
			p.load(in);
			final String v = p.getProperty("version", "unknown");
			return v.startsWith("${") ? "unknown" : v;
		}
		catch (final IOException e) {
			return "unknown";
		}
	}
}
