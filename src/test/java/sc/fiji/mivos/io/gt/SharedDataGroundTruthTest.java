package sc.fiji.mivos.io.gt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import sc.fiji.mivos.TestData;

/**
 * Reads the ground truth of the developer sequences in {@code shared/data} (see its MANIFEST.md); skipped where
 * that folder is absent.
 */
class SharedDataGroundTruthTest {

	private static final Path DATA = TestData.sharedData();

	private static Path sequence(final String name) {
		final Path p = DATA.resolve(name);
		assumeTrue(Files.isDirectory(p), "developer data not present: " + p);
		return p;
	}

	@Test
	void fluoN2dhSimIsTrackedThroughTra() {
		final GroundTruth gt = GroundTruthReader.read(sequence("Fluo-N2DH-SIM+_01").resolve("gt"), 628, 690, 65);
		assertEquals(GroundTruth.CTC, gt.layout());
		assertTrue(gt.consistentIds());
		assertEquals(65, gt.annotatedFrames().size());
		assertEquals(95, gt.lineage().size());
		assertEquals(gt.lineage().keySet(), gt.objectIds());
		// every object lies inside its track's frame interval, and every frame holds 30-47 nuclei
		for (final int t : gt.annotatedFrames()) {
			final SortedSet<Integer> ids = new GroundTruth(gt.labels(), new TreeSet<>(Set.of(t)), gt.layout(), true, gt
				.lineage(), gt.notes()).objectIds();
			assertTrue(ids.size() >= 30 && ids.size() <= 47, "frame " + t + ": " + ids.size());
			for (final int id : ids) {
				final GroundTruth.Track track = gt.lineage().get(id);
				assertTrue(track.start() <= t && t <= track.end(), "track " + id + " at frame " + t);
			}
		}
		assertEquals(59, gt.lineage().values().stream().filter(tr -> tr.parent() != 0).count());
	}

	@Test
	void dicHelaSilverTruthHasPerFrameIds() {
		final GroundTruth gt = GroundTruthReader.read(sequence("DIC-C2DH-HeLa_01").resolve("gt"), 512, 512, 50);
		assertEquals(GroundTruth.CTC, gt.layout());
		assertFalse(gt.consistentIds());
		assertEquals(50, gt.annotatedFrames().size());
		assertTrue(gt.lineage().isEmpty());
		assertTrue(gt.objectIds().last() <= 54);
		assertTrue(gt.notes().stream().anyMatch(n -> n.startsWith("No TRA")));
	}

	@Test
	void davisBlackswanIsOneObject() {
		final GroundTruth gt = GroundTruthReader.read(sequence("DAVIS16_blackswan").resolve("gt/masks"), 854, 480, 50);
		assertEquals(GroundTruth.DAVIS_PNG, gt.layout());
		assertEquals(50, gt.annotatedFrames().size());
		assertEquals(Set.of(1), gt.objectIds());
		for (final int t : gt.annotatedFrames()) {
			int n = 0;
			for (final int v : gt.labels().frame(t))
				n += v;
			assertTrue(n > 1000, "the swan is visible in frame " + t);
		}
	}
}
