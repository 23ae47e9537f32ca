package sc.fiji.mivos.ui;

import org.scijava.Context;

import ij.IJ;
import sc.fiji.mivos.ij.MivosService;

/**
 * The SciJava context the interactive tool uses: Fiji's own when running inside Fiji (so the tool and the menu
 * commands share one {@link MivosService} and one set of loaded networks), otherwise one made on first use.
 */
public final class MivosContext {

	private static Context context;

	private MivosContext() {}

	/** @return the shared context */
	public static synchronized Context get() {
		if (context != null) return context;
		if (insideFiji()) {
			// NB: inside Fiji, ImageJ's legacy layer answers this with the running application context.
			final Object fiji = IJ.runPlugIn("org.scijava.Context", "");
			if (fiji instanceof Context c) context = c;
		}
		if (context == null) context = new Context();
		return context;
	}

	/** @return the service owning networks and sessions in {@link #get()} */
	public static MivosService service() {
		return get().service(MivosService.class);
	}

	private static boolean insideFiji() {
		try {
			Class.forName("net.imagej.legacy.LegacyService");
			return true;
		}
		catch (final ClassNotFoundException e) {
			return false;
		}
	}
}
