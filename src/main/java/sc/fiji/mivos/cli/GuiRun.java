package sc.fiji.mivos.cli;

import java.awt.GraphicsEnvironment;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import sc.fiji.mivos.core.EngineSettings;
import sc.fiji.mivos.core.MivosException;
import sc.fiji.mivos.core.Polarity;
import sc.fiji.mivos.core.Scribble;
import sc.fiji.mivos.io.ImageFiles;
import sc.fiji.mivos.ui.InteractiveMivosPlugIn;
import sc.fiji.mivos.ui.StrokeBench;

/**
 * {@code ./mivos gui [--image STACK]}: starts ImageJ with a stack (the bundled sample by default) and the
 * interactive MiVOS tool, and returns when ImageJ is closed. With {@code --bench-strokes N} it instead draws N
 * strokes with the tool on a synthetic 512×512 time-lapse, prints the median Scribble-to-Mask response time and
 * quits.
 */
final class GuiRun {

	/** Size of the frames the stroke benchmark draws on. */
	static final int BENCH_SIZE = 512;
	/** Objects the stroke benchmark segments. */
	static final int BENCH_OBJECTS = 4;

	private final CommandLine cl;
	private final PrintStream out;

	GuiRun(final CommandLine cl, final PrintStream out) {
		this.cl = cl;
		this.out = out;
	}

	void run() {
		final Path home = Paths.get(System.getProperty("mivos.home", "."));
		final Path imagePath = cl.path("image", home.resolve(DemoRun.SAMPLE).resolve("image.tif").toString());
		final int strokes = cl.integer("bench-strokes", 0);
		final EngineSettings settings = EngineOptions.read(cl);
		cl.rejectUnknown();
		if (strokes < 0) throw new MivosException("--bench-strokes must be 0 or more, not " + strokes);
		if (GraphicsEnvironment.isHeadless()) throw new MivosException("./mivos gui needs a display (none is set); " +
			"run it on a desktop, or under xvfb-run for a virtual one");
		if (strokes > 0) bench(strokes, settings);
		else interactive(imagePath, settings);
	}

	private void interactive(final Path imagePath, final EngineSettings settings) {
		final ImagePlus image = ImageFiles.open(imagePath);
		final ImageJ ij = new ImageJ(ImageJ.STANDALONE);
		final CountDownLatch closed = new CountDownLatch(1);
		ij.addWindowListener(new java.awt.event.WindowAdapter() {

			@Override
			public void windowClosed(final java.awt.event.WindowEvent e) {
				closed.countDown();
			}
		});
		image.show();
		InteractiveMivosPlugIn.open(image, settings);
		try {
			closed.await();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private void bench(final int n, final EngineSettings settings) {
		final ImageJ ij = IJ.getInstance() == null ? new ImageJ(ImageJ.NO_SHOW) : null;
		final SyntheticDiscs discs = new SyntheticDiscs(BENCH_SIZE, 3, BENCH_OBJECTS, 5);
		final ImagePlus image = image(discs);
		image.show();
		IJ.wait(500);
		final List<Scribble> positive = discs.scribbles().all().stream().filter(s -> !s.isBackground()).toList();
		final List<Scribble> strokes = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			final Scribble s = positive.get(i % positive.size());
			// NB: every round of strokes is a little lower, so no stroke repeats an earlier one exactly.
			final int dy = i / positive.size() % 5 - 2;
			strokes.add(new Scribble(0, s.objectId(), Polarity.POSITIVE, s.xs(), Arrays.stream(s.ys()).map(y -> y + dy)
				.toArray()));
		}
		final long[] millis;
		try {
			millis = StrokeBench.measure(image, settings, strokes);
		}
		finally {
			image.changes = false;
			image.close();
			// NB: an ImageJ left behind would report later errors in modal dialogs.
			if (ij != null) {
				ij.quit();
				for (int i = 0; i < 200 && IJ.getInstance() != null; i++)
					IJ.wait(50);
			}
		}
		final long[] sorted = millis.clone();
		Arrays.sort(sorted);
		final double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] +
			sorted[sorted.length / 2]) / 2.0;
		out.println(String.format("S2M response after a stroke, %d strokes on %dx%d frames with %d objects: median " +
			"%.0f ms (min %d, max %d; first stroke includes start-up)", n, BENCH_SIZE, BENCH_SIZE, BENCH_OBJECTS,
			median, sorted[0], sorted[sorted.length - 1]));
	}

	/** @return the synthetic frames as an 8-bit time-lapse */
	private static ImagePlus image(final SyntheticDiscs discs) {
		final ImageStack stack = new ImageStack(discs.width(), discs.height());
		for (int t = 0; t < discs.frames(); t++) {
			final float[] v = discs.frame(t);
			final byte[] px = new byte[v.length];
			for (int i = 0; i < v.length; i++)
				px[i] = (byte) Math.round(v[i] * 255);
			stack.addSlice(new ByteProcessor(discs.width(), discs.height(), px));
		}
		final ImagePlus imp = new ImagePlus("bench-discs", stack);
		imp.setDimensions(1, 1, discs.frames());
		return imp;
	}
}
