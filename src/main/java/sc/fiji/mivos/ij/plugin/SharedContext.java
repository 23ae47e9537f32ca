package sc.fiji.mivos.ij.plugin;

import org.scijava.Context;
import org.scijava.plugin.DefaultPluginFinder;
import org.scijava.plugin.PluginIndex;

import ij.IJ;
import sc.fiji.mivos.ij.MivosService;

/**
 * The SciJava context the ImageJ 1.x entry points run their commands in: Fiji's own context when ImageJ runs with
 * imagej-legacy (Fiji hands it out through {@code IJ.runPlugIn("org.scijava.Context", "")}), otherwise — plain
 * ImageJ with only {@code ij.jar} — one context created on first use and kept for the rest of the session, so that
 * the loaded networks and interactive sessions live on between macro calls.
 */
public final class SharedContext {

	/** The class imagej-legacy adds; its presence means ImageJ runs inside Fiji's context. */
	private static final String LEGACY_SERVICE = "net.imagej.legacy.LegacyService";

	private static Context own;

	private SharedContext() {}

	/** @return Fiji's context when imagej-legacy is present, else the lazily created one */
	public static synchronized Context get() {
		if (legacyPresent()) {
			// NB: without imagej-legacy this call would instantiate a fresh Context on every use.
			final Object fiji = IJ.runPlugIn(Context.class.getName(), "");
			if (fiji instanceof Context context) return context;
		}
		// NB: plain ImageJ loads this plugin and its libraries with its own class loader; SciJava must find its
		// plugins (and these commands) there, not through the thread's context class loader
		if (own == null) own = new Context(new PluginIndex(new DefaultPluginFinder(SharedContext.class
			.getClassLoader())));
		return own;
	}

	/** @return the service that owns the networks and the sessions in {@link #get()}, shared by every entry point */
	public static MivosService service() {
		return get().service(MivosService.class);
	}

	private static boolean legacyPresent() {
		try {
			Class.forName(LEGACY_SERVICE, false, SharedContext.class.getClassLoader());
			return true;
		}
		catch (final ClassNotFoundException e) {
			return false;
		}
	}
}
