package sc.fiji.mivos.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Line;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.process.ImageProcessor;
import sc.fiji.mivos.core.LabelStack;

/**
 * Hyperstack input through the commands, headless: several channels combined, 16- and 32-bit data, every Z slice
 * segmented on its own, and the source calibration on every label image.
 */
class HyperstackCommandsTest {

	private static final int FRAMES = TwoDiscs.FRAMES;

	private static Context context;
	private static CommandService commands;

	@BeforeAll
	static void start() {
		context = new Context();
		commands = context.service(CommandService.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	@Test
	void everySliceIsSegmentedOnItsOwnIntoAZxTLabelHyperstack() throws Exception {
		// slice 1 holds both discs, slice 2 only the left one
		final ImagePlus image = zt(TwoDiscs.image(), leftDiscOnly());
		final Overlay strokes = new Overlay();
		for (final Roi r : TwoDiscs.strokes())
			if (!r.getName().equals("bg")) strokes.add(positioned(r, 1));
			else strokes.add(positioned(r, 0));
		strokes.add(positioned(named(new Line(12, 32, 20, 32), "1+"), 2));
		image.setOverlay(strokes);

		final CommandModule m = commands.run(PropagateCommand.class, false, Map.of("image", image, "all_slices", true))
			.get();
		assertFalse(m.isCanceled(), m::getCancelReason);
		final ImagePlus labels = (ImagePlus) m.getOutput("labels");
		assertEquals("two-discs-labels", labels.getTitle());
		assertEquals(List.of(1, 2, FRAMES), List.of(labels.getNChannels(), labels.getNSlices(), labels
			.getNFrames()));
		assertEquals(0.25, labels.getCalibration().pixelWidth);
		assertEquals(5.0, labels.getCalibration().frameInterval);
		final List<LabelStack> slices = LabelImages.toLabelSlices(labels);
		for (int t = 0; t < FRAMES; t++) {
			assertEquals(Set.of(1, 2), ids(slices.get(0).frame(t)), "slice 1, frame " + (t + 1));
			assertEquals(Set.of(1), ids(slices.get(1).frame(t)), "slice 2, frame " + (t + 1));
		}
	}

	@Test
	void combinedChannelsOf16BitDataFindBothDiscs() throws Exception {
		final ImagePlus image = channels(16, TwoDiscs.image(), TwoDiscs.image());
		image.setOverlay(TwoDiscs.strokeOverlay());
		final CommandModule m = commands.run(PropagateCommand.class, false, Map.of("image", image, "channels", "all",
			"channel_projection", "max")).get();
		assertFalse(m.isCanceled(), m::getCancelReason);
		final ImagePlus labels = (ImagePlus) m.getOutput("labels");
		assertEquals(0.25, labels.getCalibration().pixelWidth);
		final LabelStack all = LabelImages.toLabelStack(labels);
		for (int t = 0; t < FRAMES; t++)
			assertEquals(Set.of(1, 2), ids(all.frame(t)), "frame " + (t + 1));
	}

	@Test
	void floatDataIsSegmentedToo() throws Exception {
		final ImagePlus image = channels(32, TwoDiscs.image());
		image.setOverlay(TwoDiscs.strokeOverlay());
		final CommandModule m = commands.run(PropagateCommand.class, false, Map.of("image", image)).get();
		assertFalse(m.isCanceled(), m::getCancelReason);
		final LabelStack all = LabelImages.toLabelStack((ImagePlus) m.getOutput("labels"));
		assertEquals(Set.of(1, 2), ids(all.frame(FRAMES - 1)));
	}

	@Test
	void perSliceSegmentationNeedsZAndT() throws Exception {
		final ImagePlus image = TwoDiscs.image();
		image.setOverlay(TwoDiscs.strokeOverlay());
		final CommandModule m = commands.run(PropagateCommand.class, false, Map.of("image", image, "all_slices", true))
			.get();
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("slice by slice"), m.getCancelReason());
	}

	// -- helpers --

	private static ImagePlus leftDiscOnly() {
		final ImagePlus imp = TwoDiscs.image();
		for (int t = 1; t <= FRAMES; t++) {
			final ImageProcessor ip = imp.getStack().getProcessor(t);
			ip.setColor(20);
			ip.setRoi(32, 0, 32, 64);
			ip.fill();
		}
		return imp;
	}

	/** Interleaves time-lapses as the Z slices of one Z x T hyperstack, calibrated 0.25 micron, 5 s per frame. */
	private static ImagePlus zt(final ImagePlus... slices) {
		final ImageStack stack = new ImageStack(TwoDiscs.SIZE, TwoDiscs.SIZE);
		for (int t = 1; t <= FRAMES; t++)
			for (final ImagePlus s : slices)
				stack.addSlice(s.getStack().getProcessor(t));
		return calibrated(new ImagePlus("two-discs", stack), 1, slices.length);
	}

	/** Time-lapses as the channels of one hyperstack of the given bit depth. */
	private static ImagePlus channels(final int bitDepth, final ImagePlus... channels) {
		final ImageStack stack = new ImageStack(TwoDiscs.SIZE, TwoDiscs.SIZE);
		for (int t = 1; t <= FRAMES; t++)
			for (int c = 0; c < channels.length; c++) {
				final ImageProcessor ip = channels[c].getStack().getProcessor(t);
				// NB: scaled per channel, so that the channels differ and the combination matters
				stack.addSlice(bitDepth == 16 ? ip.convertToShort(false) : ip.convertToFloat());
				stack.getProcessor(stack.getSize()).multiply(c + 1);
			}
		return calibrated(new ImagePlus("two-discs", stack), channels.length, 1);
	}

	private static ImagePlus calibrated(final ImagePlus imp, final int channels, final int slices) {
		imp.setDimensions(channels, slices, FRAMES);
		imp.setOpenAsHyperStack(true);
		imp.getCalibration().pixelWidth = 0.25;
		imp.getCalibration().pixelHeight = 0.25;
		imp.getCalibration().setUnit("micron");
		imp.getCalibration().frameInterval = 5;
		return imp;
	}

	private static Roi positioned(final Roi roi, final int slice) {
		roi.setPosition(0, slice, 1);
		return roi;
	}

	private static Roi named(final Roi roi, final String name) {
		roi.setName(name);
		return roi;
	}

	private static Set<Integer> ids(final int[] labels) {
		final Set<Integer> ids = new TreeSet<>();
		for (final int v : labels)
			if (v != 0) ids.add(v);
		return ids;
	}
}
