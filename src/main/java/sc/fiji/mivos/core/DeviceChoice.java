package sc.fiji.mivos.core;

import java.util.Locale;

/** Where the networks run. A GPU request falls back to the CPU, with a warning, when no CUDA device is present. */
public enum DeviceChoice {
	CPU, GPU;

	/**
	 * @param text "cpu" or "gpu", case-insensitive, surrounding blanks ignored
	 * @throws MivosException for anything else
	 */
	public static DeviceChoice parse(final String text) {
		if (text != null) {
			final String t = text.trim().toLowerCase(Locale.ROOT);
			if (t.equals("cpu")) return CPU;
			if (t.equals("gpu")) return GPU;
		}
		throw new MivosException("Unknown device '" + text + "'; use cpu or gpu");
	}

	/** @return the lower-case name used in options and reports ("cpu", "gpu") */
	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}
}
