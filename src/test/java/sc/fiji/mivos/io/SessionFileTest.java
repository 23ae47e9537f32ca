package sc.fiji.mivos.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.mivos.core.EngineSettings;
import sc.fiji.mivos.core.MivosException;
import sc.fiji.mivos.core.PackedLabels;
import sc.fiji.mivos.core.Polarity;
import sc.fiji.mivos.core.Scribble;
import sc.fiji.mivos.core.ScribbleSet;
import sc.fiji.mivos.core.TrackedObject;
import sc.fiji.mivos.engine.SessionState;

class SessionFileTest {

	private static SavedSession sample(final String path) {
		final int w = 5, h = 4, n = 3;
		final List<PackedLabels> labels = new ArrayList<>();
		for (int t = 0; t < n; t++) {
			final int[] f = new int[w * h];
			f[t] = 2;
			f[w * h - 1] = 1000;
			labels.add(PackedLabels.pack(f));
		}
		final int[] grid = new int[16 * 16];
		grid[17] = 2;
		final SessionState state = new SessionState(16, 16, Map.of(1, new SessionState.Interacted(grid, new int[] { 2,
			1000 }, 7)), Map.of(1, new int[16 * 16]), new boolean[] { true, false, true }, 1, 3, 9, new double[] { 0.5,
				Double.NaN, 0.25 });
		return new SavedSession(path, "cells.tif", w, h, n, 2, 3, EngineSettings.builder().optTopK(12).optThreads(1)
			.optFusion(true).build(), List.of(new TrackedObject(2, "left cell", 0xff8000), new TrackedObject(1000,
				"object 1000", 0x00ff00)), new ScribbleSet(List.of(new Scribble(1, 2, Polarity.POSITIVE, new int[] { 0,
					1 }, new int[] { 2, 2 }), new Scribble(2, 0, Polarity.NEGATIVE, new int[] { 4 }, new int[] { 3 }))),
			state, labels);
	}

	@Test
	void aSessionRoundTrips(@TempDir final Path dir) {
		final SavedSession s = sample("/data/cells.tif");
		final Path file = dir.resolve("cells" + SessionFile.EXTENSION);
		SessionFile.write(file, s);
		final SavedSession r = SessionFile.read(file);
		assertEquals(s.imagePath(), r.imagePath());
		assertEquals(s.imageTitle(), r.imageTitle());
		assertEquals(List.of(s.width(), s.height(), s.frames(), s.channel(), s.slice()), List.of(r.width(), r
			.height(), r.frames(), r.channel(), r.slice()));
		assertEquals(s.settings(), r.settings());
		assertEquals(s.objects(), r.objects());
		assertEquals(s.labels(), r.labels());
		assertEquals(2, r.strokes().all().size());
		for (int i = 0; i < 2; i++) {
			final Scribble a = s.strokes().all().get(i), b = r.strokes().all().get(i);
			assertEquals(List.of(a.frame(), a.objectId(), a.polarity()), List.of(b.frame(), b.objectId(), b.polarity()));
			assertArrayEquals(a.xs(), b.xs());
			assertArrayEquals(a.ys(), b.ys());
		}
		final SessionState a = s.engine(), b = r.engine();
		assertEquals(List.of(a.width(), a.height(), a.latest(), a.round(), a.versions()), List.of(b.width(), b
			.height(), b.latest(), b.round(), b.versions()));
		assertArrayEquals(a.interacted().get(1).labels(), b.interacted().get(1).labels());
		assertArrayEquals(a.interacted().get(1).ids(), b.interacted().get(1).ids());
		assertEquals(7, b.interacted().get(1).version());
		assertArrayEquals(a.before().get(1), b.before().get(1));
		assertArrayEquals(a.propagated(), b.propagated());
		assertArrayEquals(a.doubts(), b.doubts());
		assertFalse(Files.exists(dir.resolve(".cells.mivos.part")));
	}

	@Test
	void anUnsavedImageHasNoPath(@TempDir final Path dir) {
		final Path file = dir.resolve("x.mivos");
		SessionFile.write(file, sample(null));
		assertNull(SessionFile.read(file).imagePath());
	}

	@Test
	void theFileSitsBesideTheImage() {
		assertEquals(Paths.get("/d/cells.mivos"), SessionFile.besideImage(Paths.get("/d/cells.tif")));
		assertEquals(Paths.get("/d/frames.mivos"), SessionFile.besideImage(Paths.get("/d/frames")));
	}

	@Test
	void badFilesAreNamed(@TempDir final Path dir) throws IOException {
		final Path missing = dir.resolve("none.mivos");
		assertTrue(assertThrows(MivosException.class, () -> SessionFile.read(missing)).getMessage().contains(
			"does not exist"));
		final Path text = dir.resolve("text.mivos");
		Files.writeString(text, "hello");
		assertTrue(assertThrows(MivosException.class, () -> SessionFile.read(text)).getMessage().contains(
			"not a MiVOS session"));
		final Path good = dir.resolve("good.mivos");
		SessionFile.write(good, sample(null));
		final byte[] bytes = Files.readAllBytes(good);
		final Path cut = dir.resolve("cut.mivos");
		Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
		final MivosException e = assertThrows(MivosException.class, () -> SessionFile.read(cut));
		assertTrue(e.getMessage().startsWith("Session file " + cut), e.getMessage());
	}
}
