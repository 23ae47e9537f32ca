package sc.fiji.mivos.ui;

import ij.Prefs;
import sc.fiji.mivos.core.DeviceChoice;
import sc.fiji.mivos.core.EngineSettings;
import sc.fiji.mivos.core.MivosException;

/**
 * Remembers the engine settings of the interactive tool between runs in ImageJ's preferences (keys
 * {@code mivos.model}, {@code mivos.device}, … named like the macro keys of the commands).
 */
final class SettingsPrefs {

	static final String PREFIX = "mivos.";

	private SettingsPrefs() {}

	/** @return the remembered settings, or the defaults where none (or no valid ones) are remembered */
	static EngineSettings load() {
		final EngineSettings d = EngineSettings.defaults();
		try {
			return EngineSettings.builder().optModelName(Prefs.get(PREFIX + "model", d.modelName())).optDevice(
				DeviceChoice.parse(Prefs.get(PREFIX + "device", d.device().toString()))).optThreads(integer("threads", d
					.threads())).optProcessingSize(integer("processing_size", d.processingSize())).optTopK(integer("top_k", d
						.topK())).optMemEvery(integer("mem_every", d.memEvery())).optMaxMemoryFrames(integer(
							"max_memory_frames", d.maxMemoryFrames())).optFusion(Prefs.get(PREFIX + "fusion", d.fusion())).build();
		}
		catch (final MivosException e) {
			return d;
		}
	}

	/** Remembers {@code s}; ImageJ writes its preferences file when it quits. */
	static void store(final EngineSettings s) {
		Prefs.set(PREFIX + "model", s.modelName());
		Prefs.set(PREFIX + "device", s.device().toString());
		Prefs.set(PREFIX + "threads", s.threads());
		Prefs.set(PREFIX + "processing_size", s.processingSize());
		Prefs.set(PREFIX + "top_k", s.topK());
		Prefs.set(PREFIX + "mem_every", s.memEvery());
		Prefs.set(PREFIX + "max_memory_frames", s.maxMemoryFrames());
		Prefs.set(PREFIX + "fusion", s.fusion());
	}

	private static int integer(final String key, final int fallback) {
		return (int) Prefs.get(PREFIX + key, fallback);
	}
}
