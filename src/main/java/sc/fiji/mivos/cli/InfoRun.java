package sc.fiji.mivos.cli;

import java.io.PrintStream;

import sc.fiji.mivos.core.EngineSettings;
import sc.fiji.mivos.core.MivosException;
import sc.fiji.mivos.core.MivosVersion;
import sc.fiji.mivos.model.MivosNetworks;
import sc.fiji.mivos.model.ModelRegistry;

/** {@code ./mivos info}: version, the models found with their checksums, the deep-learning engine and device. */
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
			out.println("engine: " + nets.engineVersion());
			out.println("device: " + nets.device() + (nets.deviceWarning() == null ? "" : " (" + nets
				.deviceWarning() + ")"));
		}
		catch (final MivosException e) {
			out.println("engine: not started: " + e.getMessage());
		}
	}
}
