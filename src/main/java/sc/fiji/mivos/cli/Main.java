package sc.fiji.mivos.cli;

import java.io.PrintStream;
import java.util.Set;

import sc.fiji.mivos.core.MivosException;

/**
 * Entry point of {@code ./mivos}. Each sub-command is a small class over the same engine calls the Fiji commands
 * use. Bad input ends with one message line on stderr and exit code 2; an unexpected failure with exit code 1.
 */
public final class Main {

	static final String USAGE = String.join("\n", //
		"usage: ./mivos <command> [options]", //
		"  demo      [--out DIR]                                 segment the bundled sample stack", //
		"  segment   --image STACK --scribbles ROIS --out LABELS.tif [--masks LABELS.tif --mask-frames 1,40]", //
		"            [--overlay PNG] [--model NAME] [--device cpu|gpu] [--threads N] [--channel C] [--slice Z]", //
		"            [--top-k K] [--mem-every N] [--max-memory-frames N] [--processing-size PX] [--series S]", //
		"  evaluate  --images PATH --gt PATH --out DIR [--protocol davis|cells|semi] [--interactions 8]", //
		"            [--max-objects N] [--frames A:B] [--frame-choice oracle|suggest] [--baselines yes|no]", //
		"            [--seed N] [--model NAME] [--device cpu|gpu] [--threads N] [--processing-size PX]", //
		"            [--series S] ...", //
		"  bench     [--json FILE] [--size PX] [--frames N] [--model NAME] [--device cpu|gpu] [--threads N]", //
		"  info      [--model NAME] [--device cpu|gpu]            version, models, engine, CUDA, Bio-Formats", //
		"  gui       [--image STACK] [--bench-strokes N] [--model NAME] ...  ImageJ with the interactive tool", //
		"  test                                                  run all tests (shell only)");

	private Main() {}

	public static void main(final String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/** Runs one sub-command; returns the process exit code. */
	static int run(final String[] args, final PrintStream out, final PrintStream err) {
		if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
			out.println(USAGE);
			return args.length == 0 ? 2 : 0;
		}
		try {
			final CommandLine cl = CommandLine.parse(args, Set.of("help"));
			switch (cl.command()) {
				case "demo" -> new DemoRun(cl, out, err).run();
				case "segment" -> new SegmentRun(cl, out, err).run();
				case "info" -> new InfoRun(cl, out).run();
				case "bench" -> new BenchRun(cl, out, err).run();
				case "evaluate" -> new EvaluateRun(cl, out, err).run();
				case "gui" -> new GuiRun(cl, out).run();
				default -> throw new MivosException("Unknown command '" + cl.command() + "'; try ./mivos help");
			}
			return 0;
		}
		catch (final MivosException e) {
			err.println("mivos: error: " + e.getMessage());
			return 2;
		}
		catch (final RuntimeException | Error e) {
			err.println("mivos: internal error: " + e);
			e.printStackTrace(err);
			return 1;
		}
	}
}
