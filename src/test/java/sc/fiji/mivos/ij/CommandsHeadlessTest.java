package sc.fiji.mivos.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import ij.process.ByteProcessor;
import ij.process.LUT;
import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import sc.fiji.mivos.core.EngineSettings;
import sc.fiji.mivos.core.LabelStack;

/** The SciJava commands run headless through {@link CommandService}, as a script or batch job would run them. */
class CommandsHeadlessTest {

	private static final int SIZE = TwoDiscs.SIZE, FRAMES = TwoDiscs.FRAMES;

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
	void scribbleToMaskThenPropagateLabelsBothDiscsOnEveryFrame() throws Exception {
		final ImagePlus image = TwoDiscs.image();
		image.setOverlay(TwoDiscs.strokeOverlay());
		final Object pixelsBefore = image.getStack().getPixels(3);
		final byte[] copyBefore = ((byte[]) pixelsBefore).clone();

		final CommandModule s2m = commands.run(ScribbleToMaskCommand.class, false, Map.of("image", image, "frame",
			1)).get();
		assertFalse(s2m.isCanceled(), () -> s2m.getCancelReason());
		final LabelStack first = LabelImages.toLabelStack((ImagePlus) s2m.getOutput("labels"));
		assertEquals(Set.of(1, 2), ids(first.frame(0)));
		assertTrue(ids(first.frame(FRAMES - 1)).isEmpty(), "only the scribbled frame is segmented");

		final CommandModule prop = commands.run(PropagateCommand.class, false, Map.of("image", image)).get();
		assertFalse(prop.isCanceled(), () -> prop.getCancelReason());
		final LabelStack all = LabelImages.toLabelStack((ImagePlus) prop.getOutput("labels"));
		for (int t = 0; t < FRAMES; t++)
			assertEquals(Set.of(1, 2), ids(all.frame(t)), "frame " + (t + 1));
		// disc 1 sits on the left half, disc 2 on the right half
		assertEquals(1, all.get(16 + 2, 32, FRAMES - 1));
		assertEquals(2, all.get(44 + 2, 32, FRAMES - 1));
		assertArrayEquals(copyBefore, (byte[]) image.getStack().getPixels(3), "the source image stays untouched");

		final ImageSession session = context.service(MivosService.class).existingSession(image, EngineSettings
			.defaults(), 1, 1);
		final Img<? extends IntegerType<?>> img = session.labelImg();
		assertArrayEquals(new long[] { SIZE, SIZE, FRAMES }, img.dimensionsAsLongArray());
		assertTrue(img.firstElement() instanceof UnsignedShortType);
		final RandomAccess<? extends IntegerType<?>> ra = img.randomAccess();
		ra.setPosition(new long[] { 44 + 2, 32, FRAMES - 1 });
		assertEquals(2, ra.get().getInteger());
	}

	@Test
	void propagateAloneAppliesEveryScribbledFrame() throws Exception {
		final ImagePlus image = TwoDiscs.image();
		image.setOverlay(TwoDiscs.strokeOverlay());
		final CommandModule prop = commands.run(PropagateCommand.class, false, Map.of("image", image, "first_frame",
			1, "last_frame", 4)).get();
		assertFalse(prop.isCanceled(), () -> prop.getCancelReason());
		final LabelStack all = LabelImages.toLabelStack((ImagePlus) prop.getOutput("labels"));
		assertEquals(Set.of(1, 2), ids(all.frame(3)));
		assertTrue(ids(all.frame(5)).isEmpty(), "frames outside the range stay empty");
	}

	@Test
	void missingScribblesCancelWithAClearReason() throws Exception {
		final ImagePlus image = TwoDiscs.image();
		final CommandModule m = commands.run(ScribbleToMaskCommand.class, false, Map.of("image", image)).get();
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("No scribbles"), m.getCancelReason());
	}

	@Test
	void scribblesOnAnotherFrameOnlyAreNamed() throws Exception {
		final ImagePlus image = TwoDiscs.image();
		image.setOverlay(TwoDiscs.strokeOverlay());
		final CommandModule m = commands.run(ScribbleToMaskCommand.class, false, Map.of("image", image, "frame", 3))
			.get();
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("frame 3"), m.getCancelReason());
	}

	@Test
	void indexedColourImagesAndBadRangesAreRefused() throws Exception {
		final ByteProcessor bp = new ByteProcessor(SIZE, SIZE);
		final byte[] r = new byte[256], g = new byte[256], b = new byte[256];
		for (int i = 0; i < 256; i++) {
			// NB: a jumpy table; ImageJ treats a smooth one as pseudo-colour on a grey image
			r[i] = (byte) (i * 7);
			b[i] = (byte) (i * 13);
		}
		bp.setLut(new LUT(r, g, b));
		final ImagePlus indexed = new ImagePlus("indexed", bp);
		indexed.setTypeToColor256();
		indexed.setOverlay(TwoDiscs.strokeOverlay());
		final CommandModule m = commands.run(PropagateCommand.class, false, Map.of("image", indexed)).get();
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("indexed colour"), m.getCancelReason());

		final ImagePlus image = TwoDiscs.image();
		image.setOverlay(TwoDiscs.strokeOverlay());
		final CommandModule range = commands.run(PropagateCommand.class, false, Map.of("image", image, "first_frame",
			5, "last_frame", 2)).get();
		assertTrue(range.isCanceled());
		assertTrue(range.getCancelReason().contains("Frame range"), range.getCancelReason());
	}

	// -- helpers --

	private static Set<Integer> ids(final int[] labels) {
		final Set<Integer> ids = new TreeSet<>();
		for (final int v : labels)
			if (v != 0) ids.add(v);
		return ids;
	}
}
