package sc.fiji.mivos.ui;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import sc.fiji.mivos.core.DeviceChoice;
import sc.fiji.mivos.core.EngineSettings;
import sc.fiji.mivos.core.MivosException;

/**
 * <em>MiVOS Settings</em>: the engine settings the interactive tool starts with (model, device, threads, processing
 * size, top-k, memory interval and cap, fusion), remembered between runs. The field keys are the commands' macro
 * keys, so the dialog records and replays in macros. A panel already open keeps its settings; the next one uses
 * these.
 */
public final class MivosSettingsPlugIn implements PlugIn {

	@Override
	public void run(final String arg) {
		try {
			final EngineSettings chosen = ask(SettingsPrefs.load());
			if (chosen == null) IJ.showStatus("MiVOS settings unchanged");
			else {
				SettingsPrefs.store(chosen);
				IJ.showStatus("MiVOS settings saved: " + chosen);
			}
		}
		catch (final MivosException e) {
			IJ.error("MiVOS Settings", e.getMessage() + "\nThe settings are unchanged.");
		}
	}

	/**
	 * Shows the dialog (or reads macro options).
	 *
	 * @return the new settings, or {@code null} when canceled
	 * @throws MivosException naming the first bad field
	 */
	static EngineSettings ask(final EngineSettings current) {
		final GenericDialog gd = new GenericDialog("MiVOS Settings");
		gd.addStringField("Model", current.modelName(), 12);
		gd.addChoice("Device", new String[] { "cpu", "gpu" }, current.device().toString());
		gd.addNumericField("Threads", current.threads(), 0, 6, "(0 = all cores)");
		gd.addNumericField("Processing_size", current.processingSize(), 0, 6, "px (0 = never downscale)");
		gd.addNumericField("Top_k", current.topK(), 0, 6, "(0 = scaled with resolution)");
		gd.addNumericField("Mem_every", current.memEvery(), 0, 6, "frames");
		gd.addNumericField("Max_memory_frames", current.maxMemoryFrames(), 0, 6, "frames");
		gd.addCheckbox("Fusion", current.fusion());
		gd.addMessage("An open MiVOS panel keeps its settings; the next one uses these (a resumed session keeps its own).");
		gd.showDialog();
		if (gd.wasCanceled()) return null;
		final EngineSettings.Builder b = EngineSettings.builder().optModelName(gd.getNextString().trim()).optDevice(
			DeviceChoice.parse(gd.getNextChoice())).optThreads((int) gd.getNextNumber()).optProcessingSize((int) gd
				.getNextNumber()).optTopK((int) gd.getNextNumber()).optMemEvery((int) gd.getNextNumber())
			.optMaxMemoryFrames((int) gd.getNextNumber()).optFusion(gd.getNextBoolean());
		if (gd.invalidNumber()) throw new MivosException("A number field of MiVOS Settings holds no number");
		return b.build();
	}
}
