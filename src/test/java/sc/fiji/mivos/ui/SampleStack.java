package sc.fiji.mivos.ui;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.plugin.Duplicator;
import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.core.Polarity;
import sc.fiji.mivos.core.Scribble;
import sc.fiji.mivos.core.eval.RegionJaccard;
import sc.fiji.mivos.ij.LabelImages;
import sc.fiji.mivos.io.ImageFiles;

/** The bundled sample stack (first frames only, to keep tests short), its ground truth and strokes made from it. */
final class SampleStack {

	static final Path DIR = Paths.get("sample-stacks/nuclei-demo");

	/** Frames of the sample the tests use. */
	static final int FRAMES = 12;

	private SampleStack() {}

	/** @return a fresh copy of the sample's first {@link #FRAMES} frames, as a file-less image */
	static ImagePlus image() {
		final ImagePlus all = ImageFiles.open(DIR.resolve("image.tif"));
		final ImagePlus cut = new Duplicator().run(all, 1, 1, 1, 1, 1, FRAMES);
		cut.setTitle("nuclei-demo");
		return cut;
	}

	/** @return the ground truth of the same frames */
	static LabelStack truth() {
		final LabelStack all = LabelImages.toLabelStack(ImageFiles.open(DIR.resolve("labels.tif")));
		final LabelStack out = new LabelStack(all.width(), all.height(), FRAMES);
		for (int t = 0; t < FRAMES; t++)
			out.setFrame(t, all.frame(t));
		return out;
	}

	/** @return the centre of object {@code id} on frame {@code t} of the truth, {x, y} */
	static int[] centre(final LabelStack truth, final int id, final int t) {
		long sx = 0, sy = 0, n = 0;
		final int[] f = truth.frame(t);
		for (int i = 0; i < f.length; i++)
			if (f[i] == id) {
				sx += i % truth.width();
				sy += i / truth.width();
				n++;
			}
		return new int[] { (int) (sx / n), (int) (sy / n) };
	}

	/** @return a horizontal stroke of {@code 2 * half + 1} pixels through the object's centre */
	static Scribble strokeThrough(final LabelStack truth, final int id, final int t, final int objectId,
		final Polarity polarity, final int half)
	{
		final int[] c = centre(truth, id, t);
		final List<Integer> xs = new ArrayList<>();
		for (int x = c[0] - half; x <= c[0] + half; x++)
			xs.add(x);
		return new Scribble(t, objectId, polarity, xs.stream().mapToInt(Integer::intValue).toArray(), xs.stream()
			.mapToInt(x -> c[1]).toArray());
	}

	/** @return mean IoU of the given objects over all frames */
	static double meanIou(final LabelStack truth, final LabelStack labels, final int... ids) {
		double sum = 0;
		int n = 0;
		for (int t = 0; t < truth.frames(); t++)
			for (final int id : ids) {
				sum += iou(truth.frame(t), labels.frame(t), id);
				n++;
			}
		return sum / n;
	}

	static double iou(final int[] truth, final int[] labels, final int id) {
		return RegionJaccard.of(truth, labels, id);
	}
}
