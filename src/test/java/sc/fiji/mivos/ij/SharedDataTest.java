package sc.fiji.mivos.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ij.ImagePlus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import sc.fiji.mivos.TestData;
import sc.fiji.mivos.core.FrameSource;
import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.core.eval.EvaluationScores;
import sc.fiji.mivos.io.ImageFiles;

/** Reads the developer data set (skipped where it is absent) through the same path as the plugin. */
class SharedDataTest {

	private static final Path FLUO = TestData.sharedData().resolve("Fluo-N2DH-SIM+_01");

	@Test
	void groundTruthLabelsOfTheSimulatedNuclei() {
		final Path seg = FLUO.resolve("gt/SEG/man_seg000.tif");
		assumeTrue(Files.isRegularFile(seg), "shared test data not present: " + seg);
		final LabelStack gt = LabelImages.toLabelStack(ImageFiles.open(seg));
		assertEquals(628, gt.width());
		assertEquals(690, gt.height());
		final int objects = gt.objectIds().size();
		assertTrue(objects >= 30 && objects <= 47, "the data set lists 30-47 nuclei per frame: " + objects);
		assertEquals(1, EvaluationScores.compute(gt, gt.copy(), new TreeSet<>(List.of(0))).j(), 0);
	}

	@Test
	void lowDynamicRangeSixteenBitFramesAreStretchedByPercentiles() {
		final Path frame = FLUO.resolve("images/t000.tif");
		assumeTrue(Files.isRegularFile(frame), "shared test data not present: " + frame);
		final ImagePlus imp = ImageFiles.open(frame);
		final FrameSource f = ImagePlusImgs.frameSource(imp, 1, 1, 1, 99.8);
		final float[] v = f.frame(0);
		int low = 0;
		int high = 0;
		for (final float x : v) {
			assertTrue(x >= 0 && x <= 1);
			if (x == 0) low++;
			if (x == 1) high++;
		}
		// about 1 % of the pixels lie at or below the 1st percentile, about 0.2 % at or above the 99.8th
		assertTrue(low >= v.length * 0.005 && low <= v.length * 0.05, "clipped low: " + low);
		assertTrue(high >= v.length * 0.001 && high <= v.length * 0.01, "clipped high: " + high);
	}
}
