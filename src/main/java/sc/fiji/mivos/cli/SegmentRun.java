package sc.fiji.mivos.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ij.ImagePlus;
import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.core.MivosException;
import sc.fiji.mivos.core.ScribbleSet;
import sc.fiji.mivos.ij.ImagePlusImgs;
import sc.fiji.mivos.ij.ImageSegmentation;
import sc.fiji.mivos.ij.LabelImages;
import sc.fiji.mivos.ij.RoiScribbles;
import sc.fiji.mivos.io.ImageFiles;
import sc.fiji.mivos.io.ScribbleFiles;

/** {@code ./mivos segment}: segments any stack from scribble ROIs and/or label masks. */
final class SegmentRun {

	private final CommandLine cl;
	private final PrintStream out;
	private final PrintStream err;

	SegmentRun(final CommandLine cl, final PrintStream out, final PrintStream err) {
		this.cl = cl;
		this.out = out;
		this.err = err;
	}

	void run() {
		final Path imagePath = cl.path("image", null);
		final Path scribblePath = cl.path("scribbles", null);
		final Path maskPath = cl.path("masks", null);
		final List<Integer> maskFrames = cl.frameList("mask-frames");
		final Path labelsOut = cl.path("out", null);
		final Path overlay = cl.path("overlay", null);
		final int channel = cl.integer("channel", 1);
		final int slice = cl.integer("slice", 1);
		final int series = cl.integer("series", 1);
		final var settings = EngineOptions.read(cl);
		cl.rejectUnknown();
		if (imagePath == null) throw new MivosException("./mivos segment needs --image STACK");
		if (labelsOut == null) throw new MivosException("./mivos segment needs --out LABELS.tif");
		if (scribblePath == null && maskPath == null) throw new MivosException(
			"./mivos segment needs --scribbles ROIS and/or --masks LABELS.tif");
		if (maskPath == null && !maskFrames.isEmpty()) throw new MivosException("--mask-frames needs --masks");

		final ImagePlus image = ImageFiles.open(imagePath, series);
		final int frames = ImagePlusImgs.frameCount(image);
		err.println("mivos: " + imagePath + ": " + image.getWidth() + "x" + image.getHeight() + ", " + frames +
			" frames, " + image.getBitDepth() + "-bit");
		final ScribbleSet scribbles = scribblePath == null ? ScribbleSet.empty() : RoiScribbles.fromRois(
			ScribbleFiles.read(scribblePath), image);
		final Map<Integer, int[]> masks = maskPath == null ? Map.of() : masks(LabelImages.toLabelStack(ImageFiles
			.open(maskPath)), maskFrames, frames);

		final ImageSegmentation.Result result = new SegmentJob(image, imagePath, scribbles, masks, settings, channel,
			slice).run(labelsOut, overlay, err).result();
		out.println("frames=" + result.labels().frames() + " objects=" + result.labels().objectIds().size() +
			" seconds=" + String.format("%.1f", result.millis() / 1000.0) + (result.canceled() ? " (canceled)" : "") +
			" -> " + labelsOut);
	}

	/**
	 * Picks the interaction masks: a single-frame mask stack applies to the one frame named (default 1); a mask
	 * stack as long as the image gives the named frames, or every frame holding labels.
	 */
	static Map<Integer, int[]> masks(final LabelStack stack, final List<Integer> frames1, final int imageFrames) {
		final Map<Integer, int[]> masks = new TreeMap<>();
		if (stack.frames() == 1) {
			if (frames1.size() > 1) throw new MivosException("The mask image has one frame but --mask-frames names " +
				frames1.size());
			final int f = frames1.isEmpty() ? 1 : frames1.get(0);
			masks.put(checked(f, imageFrames) - 1, stack.frame(0));
		}
		else if (stack.frames() == imageFrames) {
			if (frames1.isEmpty()) {
				for (int t = 0; t < stack.frames(); t++) {
					final int[] m = stack.frame(t);
					for (final int v : m)
						if (v != 0) {
							masks.put(t, m);
							break;
						}
				}
			}
			else for (final int f : frames1)
				masks.put(checked(f, imageFrames) - 1, stack.frame(f - 1));
		}
		else throw new MivosException("The mask image has " + stack.frames() + " frames; it needs 1 or " +
			imageFrames + " (as many as the image)");
		if (masks.isEmpty()) throw new MivosException("The mask image holds no labels");
		return masks;
	}

	private static int checked(final int frame1, final int frames) {
		if (frame1 < 1 || frame1 > frames) throw new MivosException("Mask frame " + frame1 +
			" is outside the image's frames 1.." + frames);
		return frame1;
	}
}
