package sc.fiji.mivos.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import ij.ImagePlus;
import sc.fiji.mivos.core.CancelToken;
import sc.fiji.mivos.core.EngineSettings;
import sc.fiji.mivos.core.MivosException;
import sc.fiji.mivos.core.eval.InteractionProtocol;
import sc.fiji.mivos.engine.RobotEvaluation.FrameChoice;
import sc.fiji.mivos.ij.GroundTruthEvaluation;
import sc.fiji.mivos.ij.ImagePlusImgs;
import sc.fiji.mivos.io.ImageFiles;
import sc.fiji.mivos.model.MivosNetworks;

/**
 * {@code ./mivos evaluate}: scores the engine on a sequence with ground truth, with a simulated user following the
 * DAVIS, cell or semi-supervised protocol, beside the baselines; writes {@code report.json},
 * {@code report.html} and the labels of each method, and prints a one-line summary.
 */
final class EvaluateRun {

	private final CommandLine cl;
	private final PrintStream out;
	private final PrintStream err;

	EvaluateRun(final CommandLine cl, final PrintStream out, final PrintStream err) {
		this.cl = cl;
		this.out = out;
		this.err = err;
	}

	void run() {
		final Path images = cl.path("images", null);
		final Path gtPath = cl.path("gt", null);
		final Path outDir = cl.path("out", null);
		final InteractionProtocol protocol = InteractionProtocol.parse(cl.string("protocol", "davis"));
		final int interactions = cl.integer("interactions", protocol.interactions());
		final int maxObjects = cl.integer("max-objects", 0);
		final String range = cl.string("frames", null);
		final FrameChoice choice = FrameChoice.parse(cl.string("frame-choice", "oracle"));
		final boolean baselines = yesNo(cl.string("baselines", "yes"));
		final long seed = cl.integer("seed", 1);
		final int channel = cl.integer("channel", 1);
		final int slice = cl.integer("slice", 1);
		final int series = cl.integer("series", 1);
		final EngineSettings settings = EngineOptions.read(cl);
		cl.rejectUnknown();
		if (images == null || gtPath == null || outDir == null) throw new MivosException(
			"./mivos evaluate needs --images PATH --gt PATH --out DIR");

		final ImagePlus imp = ImageFiles.open(images, series);
		final int[] ab = range == null ? new int[] { 0, -1 } : frameRange(range, ImagePlusImgs.frameCount(imp));
		final GroundTruthEvaluation.Options options = new GroundTruthEvaluation.Options(protocol, interactions,
			maxObjects, ab[0], ab[1], choice, baselines, seed, channel, slice);
		try (MivosNetworks nets = MivosNetworks.load(settings)) {
			if (nets.deviceWarning() != null) err.println("mivos: " + nets.deviceWarning());
			final Map<String, Object> report = GroundTruthEvaluation.run(imp, gtPath, settings, nets, options, outDir,
				new ConsoleProgress(err), new CancelToken(), note -> err.println("mivos: " + note));
			out.println(report.get("summary"));
		}
	}

	/** @return 0-based {first, last} from a 1-based inclusive {@code A:B} ({@code A:} = to the end) */
	static int[] frameRange(final String range, final int frames) {
		final String[] parts = range.split(":", -1);
		try {
			if (parts.length != 2) throw new NumberFormatException();
			final int a = parts[0].isBlank() ? 1 : Integer.parseInt(parts[0].trim());
			final int b = parts[1].isBlank() ? frames : Integer.parseInt(parts[1].trim());
			if (a < 1 || b > frames || a > b) throw new MivosException("--frames " + range +
				" is not within the sequence's frames 1:" + frames);
			return new int[] { a - 1, b - 1 };
		}
		catch (final NumberFormatException e) {
			throw new MivosException("--frames must look like 1:20, not '" + range + "'");
		}
	}

	private static boolean yesNo(final String v) {
		return switch (v.trim().toLowerCase(Locale.ROOT)) {
			case "yes", "true", "on" -> true;
			case "no", "false", "off" -> false;
			default -> throw new MivosException("--baselines must be yes or no, not '" + v + "'");
		};
	}
}
