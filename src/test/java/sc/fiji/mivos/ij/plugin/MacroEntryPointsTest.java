package sc.fiji.mivos.ij.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.ij.LabelImages;
import sc.fiji.mivos.ij.TwoDiscs;
import sc.fiji.mivos.io.ImageFiles;
import sc.fiji.mivos.io.RoiFiles;

/**
 * The ImageJ 1.x menu entries, driven by macro strings as a user's macro would drive them. Needs a display (run
 * under {@code xvfb-run}); each test has a timeout because a modal ImageJ dialog would wait forever.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MacroEntryPointsTest {

	@TempDir
	static Path dir;

	@BeforeAll
	static void writeInputs() {
		assumeFalse(GraphicsEnvironment.isHeadless(), "ImageJ 1.x menus need a display; run under xvfb-run");
		IJ.saveAsTiff(TwoDiscs.image(), dir.resolve("two-discs.tif").toString());
		RoiFiles.write(TwoDiscs.strokes(), dir.resolve("strokes.zip"));
	}

	@Test
	void propagateTakesTheCurrentImageAndLeavesItsLabelsCurrent() {
		final ImageJMacros.Outcome out = ImageJMacros.run("""
			dir = getArgument();
			setBatchMode(true);
			open(dir + "/two-discs.tif");
			run("Propagate", "scribbles=[" + dir + "/strokes.zip] first_frame=1 last_frame=0");
			title = getTitle();
			getDimensions(w, h, channels, slices, frames);
			saveAs("Tiff", dir + "/propagated.tif");
			return title + " " + frames + " " + bitDepth();
			""", dir.toString());
		assertNull(out.error());
		assertEquals("two-discs-labels " + TwoDiscs.FRAMES + " 16", out.returned());
		final LabelStack labels = labels("propagated.tif");
		for (int t = 0; t < TwoDiscs.FRAMES; t++)
			assertEquals(Set.of(1, 2), ids(labels.frame(t)), "frame " + (t + 1));
		assertEquals(1, labels.get(18, 32, TwoDiscs.FRAMES - 1));
		assertEquals(2, labels.get(46, 32, TwoDiscs.FRAMES - 1));
	}

	@Test
	void scribbleToMaskReadsTheBatchModeRoiManager() {
		final ImageJMacros.Outcome out = ImageJMacros.run("""
			dir = getArgument();
			setBatchMode(true);
			open(dir + "/two-discs.tif");
			roiManager("open", dir + "/strokes.zip");
			run("Scribble to Mask", "frame=1");
			saveAs("Tiff", dir + "/s2m.tif");
			return "" + roiManager("count");
			""", dir.toString());
		assertNull(out.error());
		assertEquals("4", out.returned());
		final LabelStack labels = labels("s2m.tif");
		assertEquals(Set.of(1, 2), ids(labels.frame(0)));
		assertTrue(ids(labels.frame(1)).isEmpty(), "only frame 1 is segmented");
	}

	@Test
	void anUnknownKeyStopsTheMacroAndIsNamed() {
		final ImageJMacros.Outcome out = ImageJMacros.run("""
			setBatchMode(true);
			open(getArgument() + "/two-discs.tif");
			run("Propagate", "frist_frame=2");
			return "went on";
			""", dir.toString());
		assertNull(out.returned(), "the macro stops at the bad call");
		assertTrue(out.error().contains("Unknown key 'frist_frame'") && out.error().contains("first_frame"), out
			.error());
	}

	@Test
	void theCommandsReasonStopsTheMacro() {
		final ImageJMacros.Outcome out = ImageJMacros.run("""
			setBatchMode(true);
			open(getArgument() + "/two-discs.tif");
			run("Propagate", "first_frame=1");
			return "went on";
			""", dir.toString());
		assertNull(out.returned());
		assertTrue(out.error().contains("No scribbles"), out.error());
	}

	private static LabelStack labels(final String file) {
		final ImagePlus imp = ImageFiles.open(dir.resolve(file));
		return LabelImages.toLabelStack(imp);
	}

	private static Set<Integer> ids(final int[] labels) {
		final Set<Integer> ids = new TreeSet<>();
		for (final int v : labels)
			if (v != 0) ids.add(v);
		return ids;
	}
}
