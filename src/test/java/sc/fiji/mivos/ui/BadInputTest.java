package sc.fiji.mivos.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.GraphicsEnvironment;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.scijava.Context;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.LUT;
import sc.fiji.mivos.core.Polarity;
import sc.fiji.mivos.core.Scribble;
import sc.fiji.mivos.ij.MivosService;
import sc.fiji.mivos.model.ShippedModel;

/**
 * What the interactive tool does with input it cannot or need not work on: no image, a single frame, indexed
 * colour, RGB, a 5D hyperstack, canceled choices, strokes without a selected object or for an object without a
 * mask. None of it alters the source image.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BadInputTest {

	private static Context context;

	@BeforeAll
	static void start() {
		context = new Context(MivosService.class);
	}

	@AfterAll
	static void stop() {
		TestImageJ.quit();
		context.dispose();
	}

	private static ImagePlus stack(final int channels, final int slices, final int frames, final boolean rgb) {
		final ImageStack s = new ImageStack(32, 32);
		for (int i = 0; i < channels * slices * frames; i++)
			s.addSlice(rgb ? new ColorProcessor(32, 32) : new ByteProcessor(32, 32));
		final ImagePlus imp = new ImagePlus("input", s);
		imp.setDimensions(channels, slices, frames);
		return imp;
	}

	private static ControlPanel start(final ImagePlus image, final List<String> said, final int[] cz) {
		return InteractiveMivosPlugIn.start(image, InteractiveSegmentationTest.SETTINGS, context.service(
			MivosService.class), new ScriptedPrompts(said, cz, false));
	}

	@Test
	void imagesTheToolCannotUseAreRefusedWithAReason() {
		final List<String> said = new ArrayList<>();
		assertNull(start(null, said, null));
		assertTrue(said.get(0).contains("needs an open image"), said.toString());
		said.clear();
		assertNull(start(stack(1, 1, 1, false), said, null));
		assertTrue(said.get(0).contains("single time point"), said.toString());
		said.clear();
		// NB: the colour check comes first, so a single plane shows it.
		final ByteProcessor bp = new ByteProcessor(32, 32);
		final byte[] r = new byte[256], b = new byte[256];
		for (int i = 0; i < 256; i++) {
			// NB: a jumpy table; ImageJ takes a smooth one for pseudo-colour on a grey image
			r[i] = (byte) (i * 7);
			b[i] = (byte) (i * 13);
		}
		bp.setLut(new LUT(r, new byte[256], b));
		final ImagePlus indexed = new ImagePlus("indexed", bp);
		indexed.setTypeToColor256();
		assertNull(start(indexed, said, null));
		assertTrue(said.get(0).contains("indexed colour"), said.toString());
	}

	@Test
	void plainStacksRgbAndHyperstacksAreAccepted() {
		assertNull(TimeLapseInput.problem(stack(1, 5, 1, false)), "slices of a plain stack are time points");
		assertNull(TimeLapseInput.problem(stack(1, 1, 5, true)), "RGB time-lapses are segmented in colour");
		assertFalse(TimeLapseInput.needsChannelAndSlice(stack(1, 5, 1, false)));
		assertTrue(TimeLapseInput.needsChannelAndSlice(stack(2, 1, 4, false)));
		assertTrue(TimeLapseInput.needsChannelAndSlice(stack(1, 3, 4, false)));
	}

	@Test
	void aCanceledChannelChoiceStartsNothing() {
		final List<String> said = new ArrayList<>();
		assertNull(start(stack(2, 3, 4, false), said, null));
		assertEquals(List.of("asked for channel and slice of input", "status: Interactive MiVOS canceled"), said);
	}

	@Test
	void aHyperstackIsSegmentedOnTheChosenChannelAndSliceAndStrokesNeedAnObject() {
		assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display: run under xvfb-run");
		ShippedModel.assumePresent();
		TestImageJ.start();
		final ImagePlus image = stack(2, 3, 4, false);
		final byte[] plane = (byte[]) image.getStack().getPixels(image.getStackIndex(2, 3, 1));
		for (int y = 10; y < 20; y++)
			for (int x = 10; x < 20; x++)
				plane[y * 32 + x] = (byte) 200;
		final byte[] copy = plane.clone();
		image.setOpenAsHyperStack(true);
		image.show();
		IJ.wait(300);
		final List<String> said = new ArrayList<>();
		final ControlPanel panel = start(image, said, new int[] { 2, 3 });
		assertNotNull(panel, said::toString);
		try {
			final InteractiveSegmentation seg = panel.segmentation();
			seg.setAutosave(false);
			seg.ready().join();
			assertEquals(List.of(2, 3), List.of(seg.channel(), seg.slice()));
			final MivosTool tool = MivosTool.install();
			final Scribble negative = new Scribble(0, 1, Polarity.NEGATIVE, new int[] { 14, 15 }, new int[] { 14, 14 });

			// a negative stroke for an object that has no mask yet
			StrokeBench.drag(image.getCanvas(), negative, MouseEvent.BUTTON1, true);
			final InteractiveSegmentation.Update u = tool.lastRequest().join();
			assertTrue(u.error() && u.message().contains("has no mask on frame 1"), u.message());
			IJ.wait(300);
			assertTrue(panel.statusText().contains("has no mask"), panel.statusText());

			// a stroke with no object selected
			ControlPanel.onEdt(() -> panel.selectObject(-1));
			final var before = tool.lastRequest();
			StrokeBench.drag(image.getCanvas(), negative, MouseEvent.BUTTON1, false);
			assertTrue(before == tool.lastRequest(), "nothing is sent");
			IJ.wait(200);
			assertTrue(panel.statusText().startsWith("Select an object"), panel.statusText());
			assertEquals(0, seg.strokes().all().size());
			assertTrue(java.util.Arrays.equals(copy, plane), "the source is untouched");
		}
		finally {
			ControlPanel.onEdt(panel::dispose);
			image.changes = false;
			image.close();
		}
	}
}
