package sc.fiji.mivos.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Test;

import ij.ImagePlus;
import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.core.Polarity;
import sc.fiji.mivos.core.Scribble;
import sc.fiji.mivos.ij.ImagePlusImgs;
import sc.fiji.mivos.ij.LabelImages;
import sc.fiji.mivos.ij.RoiScribbles;
import sc.fiji.mivos.io.ImageFiles;
import sc.fiji.mivos.io.ScribbleFiles;

/** The bundled sample stack is complete and consistent: image, ground truth, and the same strokes in both files. */
class SampleStackTest {

	private static final Path SAMPLE = Paths.get(DemoRun.SAMPLE);

	@Test
	void imageAndGroundTruthMatchAndEveryScribbleIsInsideItsObject() {
		final ImagePlus image = ImageFiles.open(SAMPLE.resolve("image.tif"));
		final LabelStack truth = LabelImages.toLabelStack(ImageFiles.open(SAMPLE.resolve("labels.tif")));
		assertEquals(40, ImagePlusImgs.frameCount(image));
		assertEquals(image.getWidth(), truth.width());
		assertEquals(truth.frames(), ImagePlusImgs.frameCount(image));
		final List<Scribble> strokes = RoiScribbles.fromRois(ScribbleFiles.read(SAMPLE.resolve("scribbles.zip")),
			image).all();
		assertTrue(strokes.size() >= 8, "a stroke per object on frame 1");
		for (final Scribble s : strokes)
			if (s.polarity() == Polarity.POSITIVE) for (int i = 0; i < s.size(); i++)
				assertEquals(s.objectId(), truth.get(s.xs()[i], s.ys()[i], s.frame()), "positive stroke of object " + s
					.objectId() + " leaves it");
	}

	@Test
	void zipAndJsonHoldTheSameStrokes() {
		final ImagePlus image = ImageFiles.open(SAMPLE.resolve("image.tif"));
		final List<Scribble> zip = RoiScribbles.fromRois(ScribbleFiles.read(SAMPLE.resolve("scribbles.zip")), image)
			.all();
		final List<Scribble> json = RoiScribbles.fromRois(ScribbleFiles.read(SAMPLE.resolve("scribbles.json")),
			image).all();
		assertEquals(json.size(), zip.size());
		for (int i = 0; i < json.size(); i++) {
			assertEquals(json.get(i).frame(), zip.get(i).frame());
			assertEquals(json.get(i).objectId(), zip.get(i).objectId());
			assertEquals(json.get(i).polarity(), zip.get(i).polarity());
			assertArrayEquals(json.get(i).xs(), zip.get(i).xs());
			assertArrayEquals(json.get(i).ys(), zip.get(i).ys());
		}
	}
}
