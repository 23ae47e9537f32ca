package sc.fiji.mivos.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

import ij.ImagePlus;
import net.imglib2.img.Img;

/** <em>Export MiVOS result</em> run headless through {@link CommandService}, as a script would. */
class ExportCommandTest {

	@TempDir
	Path dir;

	@Test
	void exportsFilesAndOutputsWithoutAnyDisplay() throws Exception {
		final ImagePlus labels = LabelImages.toImagePlus(LabelExportTest.divisionLabels(), "cells-labels", null);
		try (Context context = new Context()) {
			final CommandModule m = context.service(CommandService.class).run(ExportCommand.class, false, Map.of(
				"label_image", labels, "roi_manager", false, "output_folder", dir.toFile())).get();
			assertFalse(m.isCanceled(), m::getCancelReason);
			assertTrue(Files.exists(dir.resolve("cells-labels.tif")));
			assertTrue(Files.exists(dir.resolve("cells-rois.zip")));
			assertEquals(6, Files.readAllLines(dir.resolve("cells-tracks.csv")).size());
			assertEquals(5, ((List<?>) m.getOutput("rois")).size());
			assertEquals(3, ((Img<?>) m.getOutput("label_img")).numDimensions());
			assertEquals("cells-labels", ((ImagePlus) m.getOutput("labels")).getTitle());
			assertTrue(((String) m.getOutput("summary")).startsWith("objects=2 frames=3"), (String) m.getOutput(
				"summary"));
		}
	}

	@Test
	void filesWithoutAFolderCancelWithTheReason() throws Exception {
		final ImagePlus labels = LabelImages.toImagePlus(LabelExportTest.divisionLabels(), "cells-labels", null);
		try (Context context = new Context()) {
			final CommandModule m = context.service(CommandService.class).run(ExportCommand.class, false, Map.of(
				"label_image", labels, "roi_manager", false)).get();
			assertTrue(m.isCanceled());
			assertTrue(m.getCancelReason().contains("output folder"), m.getCancelReason());
		}
	}
}
