package sc.fiji.mivos.cli;

import java.io.PrintStream;

import sc.fiji.mivos.core.EngineSettings;
import sc.fiji.mivos.core.MivosException;
import sc.fiji.mivos.core.MivosVersion;
import sc.fiji.mivos.io.BioFormats;
import sc.fiji.mivos.model.DeviceSelector;
import sc.fiji.mivos.model.MivosNetworks;
import sc.fiji.mivos.model.ModelRegistry;

/**
 * {@code ./mivos info}: version, the models found with their checksums, the deep-learning engine with its build
 * flavour, the CUDA devices, the device used and whether Bio-Formats is there.
 */
final class InfoRun {

	private final CommandLine cl;
	private final PrintStream out;

	InfoRun(final CommandLine cl, final PrintStream out) {
		this.cl = cl;
		this.out = out;
	}

	void run() {
		final EngineSettings settings = EngineOptions.read(cl);
		cl.rejectUnknown();
		out.println("mivos " + MivosVersion.get() + " (Java " + System.getProperty("java.version") + ", " + System
			.getProperty("os.name") + " " + System.getProperty("os.arch") + ", " + Runtime.getRuntime()
				.availableProcessors() + " cores)");
		out.println("models:");
		boolean any = false;
		for (final ModelRegistry.Listing m : ModelRegistry.standard().list()) {
			any = true;
			out.println("  " + m.name() + " " + m.version() + "  " + (m.ok() ? "ok" : "BAD") + "  input " + m
				.inputDescription() + "  from " + m.source());
			for (final ModelRegistry.FileCheck c : m.checks())
				out.println("    " + c.stage() + "  " + c.path() + "  sha256 " + (c.ok() ? "ok" : "BAD (expected " + c
					.expectedSha256() + ", found " + c.actualSha256() + ")"));
		}
		if (!any) out.println("  none found");
		try (MivosNetworks nets = MivosNetworks.load(settings)) {
			final DeviceSelector.GpuReport gpu = DeviceSelector.report();
			out.println("engine: " + nets.engineVersion() + " (flavour " + gpu.flavour() + ", from " + gpu.library() +
				")");
			out.println("cuda: " + gpu.pytorchGpus() + " device(s) PyTorch can use; " + (gpu.cudaVersion() == null
				? "no CUDA runtime on this system" : gpu.systemGpus() + " on this system, CUDA " + gpu.cudaVersion()));
			out.println("device: " + nets.device() + (nets.deviceWarning() == null ? "" : " (" + nets
				.deviceWarning() + ")"));
		}
		catch (final MivosException e) {
			out.println("engine: not started: " + e.getMessage());
		}
		out.println("bio-formats: " + BioFormats.find().map(bf -> bf.version() +
			" (other formats and --series open through it)").orElse(
				"not found (TIFF, PNG and JPEG open through ImageJ)"));
	}
}
