package sc.fiji.mivos.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;

import ij.ImagePlus;
import sc.fiji.mivos.core.EngineSettings;
import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.core.PixelRect;
import sc.fiji.mivos.core.Polarity;
import sc.fiji.mivos.core.TrackedObject;
import sc.fiji.mivos.ij.LabelImages;
import sc.fiji.mivos.ij.MivosService;
import sc.fiji.mivos.model.ShippedModel;

/**
 * The interactive segmentation without widgets, on the sample stack: strokes, propagation, undo/redo, object list,
 * session files and refused requests.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InteractiveSegmentationTest {

	static final EngineSettings SETTINGS = EngineSettings.builder().optThreads(2).build();

	private static Context context;
	private static LabelStack truth;

	@BeforeAll
	static void start() {
		ShippedModel.assumePresent();
		context = new Context(MivosService.class);
		truth = SampleStack.truth();
	}

	@AfterAll
	static void stop() {
		if (context != null) context.dispose();
	}

	private static InteractiveSegmentation.Update done(
		final java.util.concurrent.CompletableFuture<InteractiveSegmentation.Update> f)
	{
		return f.join();
	}

	private static InteractiveSegmentation open(final ImagePlus image, final MivosService service) {
		final InteractiveSegmentation s = InteractiveSegmentation.start(image, 1, 1, SETTINGS, service);
		s.setAutosave(false);
		s.ready().join();
		return s;
	}

	/** Strokes for objects 1 and 2 on frame 1, then one propagation. */
	private static void firstRound(final InteractiveSegmentation s) {
		assertEquals(2, done(s.addObject()).value());
		ok(s.stroke(SampleStack.strokeThrough(truth, 1, 0, 1, Polarity.POSITIVE, 6), null));
		ok(s.stroke(SampleStack.strokeThrough(truth, 2, 0, 2, Polarity.POSITIVE, 5), null));
		ok(s.propagate());
	}

	/** A correction on frame 9 and its propagation. */
	private static void secondRound(final InteractiveSegmentation s) {
		ok(s.stroke(SampleStack.strokeThrough(truth, 1, 8, 1, Polarity.POSITIVE, 4), null));
		ok(s.propagate());
	}

	private static InteractiveSegmentation.Update ok(
		final java.util.concurrent.CompletableFuture<InteractiveSegmentation.Update> f)
	{
		final InteractiveSegmentation.Update u = f.join();
		assertFalse(u.error(), u.message());
		return u;
	}

	private static LabelStack labels(final InteractiveSegmentation s) {
		return LabelImages.toLabelStack(s.labelImage());
	}

	@Test
	void aSavedSessionResumedElsewhereContinuesAsIfNeverClosed(@TempDir final Path dir) throws IOException {
		final LabelStack direct;
		try (InteractiveSegmentation s = open(SampleStack.image(), context.service(MivosService.class))) {
			firstRound(s);
			secondRound(s);
			direct = labels(s);
		}
		assertTrue(SampleStack.meanIou(truth, direct, 1, 2) > 0.3, "both objects are found");

		final Path file = dir.resolve("nuclei" + ".mivos");
		final List<TrackedObject> objects;
		try (InteractiveSegmentation s = open(SampleStack.image(), context.service(MivosService.class))) {
			firstRound(s);
			ok(s.rename(2, "lower nucleus"));
			objects = s.objects();
			ok(s.save(file));
		}
		assertTrue(Files.size(file) > 0);
		try (Context fresh = new Context(MivosService.class)) {
			final ImagePlus reopened = SampleStack.image();
			try (InteractiveSegmentation s = InteractiveSegmentation.resume(file, fresh.service(MivosService.class),
				saved -> reopened))
			{
				s.setAutosave(false);
				s.ready().join();
				assertEquals(objects, s.objects());
				assertEquals(2, s.strokes().all().size());
				assertEquals(SETTINGS, s.settings());
				secondRound(s);
				assertEquals(direct, labels(s), "the same labels as without saving and reopening");
			}
		}
	}

	@Test
	void undoRestoresTheExactEarlierLabelsAndRedoRepeats() {
		final ImagePlus image = SampleStack.image();
		final Object sourcePixels = ((short[]) image.getStack().getPixels(1)).clone();
		try (InteractiveSegmentation s = open(image, context.service(MivosService.class))) {
			final LabelStack empty = labels(s);
			ok(s.stroke(SampleStack.strokeThrough(truth, 1, 0, 1, Polarity.POSITIVE, 6), null));
			final LabelStack oneStroke = labels(s);
			assertNotEquals(empty, oneStroke);
			ok(s.propagate());
			final LabelStack propagated = labels(s);
			assertTrue(SampleStack.meanIou(truth, propagated, 1) > SampleStack.meanIou(truth, oneStroke, 1),
				"propagation finds object 1 on the other frames");
			assertEquals("propagation", s.nextUndo());

			final InteractiveSegmentation.Update u = ok(s.undo());
			assertEquals("Undid: propagation", u.message());
			assertEquals(oneStroke, labels(s));
			for (int t = 0; t < SampleStack.FRAMES; t++)
				assertArrayEquals(oneStroke.frame(t), s.labels(t));
			ok(s.undo());
			assertEquals(empty, labels(s));
			assertTrue(done(s.undo()).error(), "nothing more to undo");
			ok(s.redo());
			ok(s.redo());
			assertEquals(propagated, labels(s));
			assertTrue(done(s.redo()).error(), "nothing more to redo");

			// a propagation after undo continues from the restored state
			ok(s.undo());
			ok(s.propagate());
			assertEquals(propagated, labels(s));
		}
		assertArrayEquals((short[]) sourcePixels, (short[]) image.getStack().getPixels(1), "source untouched");
	}

	@Test
	void cancelStopsAPropagationAndKeepsTheFramesDone() {
		try (InteractiveSegmentation s = open(SampleStack.image(), context.service(MivosService.class))) {
			ok(s.stroke(SampleStack.strokeThrough(truth, 1, 0, 1, Polarity.POSITIVE, 6), null));
			final LabelStack before = labels(s);
			s.addListener(new InteractiveSegmentation.Listener() {

				@Override
				public void updated(final InteractiveSegmentation.Update u) {}

				@Override
				public void progress(final String status, final long done, final long total) {
					if (done == 3) s.cancel();
				}
			});
			final InteractiveSegmentation.Update u = ok(s.propagate());
			assertTrue(u.message().contains("canceled after 3 of 11 frames"), u.message());
			assertEquals(3, u.frames().size(), "the frames done are kept: " + u.frames());
			assertEquals(List.of(1, 2, 3), List.copyOf(u.frames()));
			ok(s.undo());
			assertEquals(before, labels(s));
		}
	}

	@Test
	void theHistoryKeepsAtLeastFiftySteps() {
		try (InteractiveSegmentation s = open(SampleStack.image(), context.service(MivosService.class))) {
			for (int i = 0; i < 60; i++)
				ok(s.rename(1, "name " + i));
			for (int i = 59; i >= 10; i--) {
				ok(s.undo());
				assertEquals(i == 0 ? "object 1" : "name " + (i - 1), s.objects().get(0).name());
			}
		}
	}

	@Test
	void aRegionAndTheBrushChangeOnlyWhatTheyCover() {
		try (InteractiveSegmentation s = open(SampleStack.image(), context.service(MivosService.class))) {
			ok(s.stroke(SampleStack.strokeThrough(truth, 1, 0, 1, Polarity.POSITIVE, 6), null));
			final int[] before = s.labels(0);
			final int[] c = SampleStack.centre(truth, 2, 0);
			final PixelRect box = new PixelRect(c[0] - 15, c[1] - 15, 31, 31);
			ok(s.addObject());
			ok(s.stroke(SampleStack.strokeThrough(truth, 2, 0, 2, Polarity.POSITIVE, 5), box));
			final int[] after = s.labels(0);
			boolean grew = false;
			for (int i = 0; i < after.length; i++) {
				if (!box.contains(i % truth.width(), i / truth.width())) assertEquals(before[i], after[i]);
				else if (after[i] == 2) grew = true;
			}
			assertTrue(grew, "object 2 appears inside the region");

			final int w = truth.width();
			final int[] brush = { 5 * w + 5, 5 * w + 6, 6 * w + 5 };
			ok(s.brush(3, 2, brush, false));
			final int[] painted = s.labels(3);
			for (int i = 0; i < painted.length; i++)
				assertEquals(i == brush[0] || i == brush[1] || i == brush[2] ? 2 : 0, painted[i]);
			ok(s.brush(3, 2, new int[] { brush[1] }, true));
			assertEquals(0, s.labels(3)[brush[1]]);
			assertEquals(2, s.labels(3)[brush[0]]);
		}
	}

	@Test
	void badRequestsAreRefusedAndChangeNothing() {
		final ImagePlus image = SampleStack.image();
		final Object sourcePixels = ((short[]) image.getStack().getPixels(2)).clone();
		try (InteractiveSegmentation s = open(image, context.service(MivosService.class))) {
			final LabelStack empty = labels(s);
			InteractiveSegmentation.Update u = done(s.propagate());
			assertTrue(u.error() && u.message().contains("Nothing to propagate"), u.message());
			u = done(s.stroke(SampleStack.strokeThrough(truth, 1, 0, 1, Polarity.NEGATIVE, 3), null));
			assertTrue(u.error() && u.message().contains("has no mask on frame 1"), u.message());
			u = done(s.stroke(SampleStack.strokeThrough(truth, 1, 0, 5, Polarity.POSITIVE, 3), null));
			assertTrue(u.error() && u.message().contains("Object 5 is not in the object list"), u.message());
			u = done(s.brush(0, 1, new int[] { 10 }, true));
			assertTrue(u.error() && u.message().contains("no pixels under the eraser"), u.message());
			u = done(s.rename(1, " "));
			assertTrue(u.error() && u.message().contains("needs a name"), u.message());
			u = done(s.suggestFrame());
			assertEquals(-1, u.value());
			assertEquals(empty, labels(s));
			assertEquals(null, s.nextUndo(), "refused requests leave no step");
			assertEquals(List.of(InteractiveSegmentation.defaultObject(1)), s.objects());
		}
		assertArrayEquals((short[]) sourcePixels, (short[]) image.getStack().getPixels(2));
	}

	@Test
	void removingAnObjectTakesItsMaskAndStrokes() {
		try (InteractiveSegmentation s = open(SampleStack.image(), context.service(MivosService.class))) {
			firstRound(s);
			assertTrue(labels(s).objectIds().contains(2));
			final InteractiveSegmentation.Update u = ok(s.removeObject(2));
			assertEquals(SampleStack.FRAMES, u.frames().size());
			assertFalse(labels(s).objectIds().contains(2));
			assertEquals(1, s.strokes().all().size());
			assertEquals(1, s.objects().size());
			ok(s.undo());
			assertTrue(labels(s).objectIds().contains(2));
			assertEquals(2, s.objects().size());
			assertTrue(done(s.suggestFrame()).value() > 0, "a propagated frame is suggested");
		}
	}
}
