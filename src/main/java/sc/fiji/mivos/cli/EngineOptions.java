package sc.fiji.mivos.cli;

import java.util.Locale;

import sc.fiji.mivos.core.DeviceChoice;
import sc.fiji.mivos.core.EngineSettings;
import sc.fiji.mivos.core.MivosException;

/** The engine options shared by the sub-commands that run the networks. */
final class EngineOptions {

	private EngineOptions() {}

	/**
	 * Reads {@code --model --device --threads --top-k --mem-every --max-memory-frames --processing-size
	 * --fusion}.
	 */
	static EngineSettings read(final CommandLine cl) {
		final EngineSettings d = EngineSettings.defaults();
		return EngineSettings.builder() //
			.optModelName(cl.string("model", d.modelName())) //
			.optDevice(DeviceChoice.parse(cl.string("device", d.device().name()))) //
			.optThreads(cl.integer("threads", d.threads())) //
			.optTopK(cl.integer("top-k", d.topK())) //
			.optMemEvery(cl.integer("mem-every", d.memEvery())) //
			.optMaxMemoryFrames(cl.integer("max-memory-frames", d.maxMemoryFrames())) //
			.optProcessingSize(cl.integer("processing-size", d.processingSize())) //
			.optFusion(onOff(cl.string("fusion", d.fusion() ? "on" : "off"))) //
			.build();
	}

	private static boolean onOff(final String value) {
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "on", "yes", "true" -> true;
			case "off", "no", "false" -> false;
			default -> throw new MivosException("--fusion must be on or off, not '" + value + "'");
		};
	}
}
