package sc.fiji.mivos.ij;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ij.ImagePlus;
import ij.gui.Roi;
import sc.fiji.mivos.core.CancelToken;
import sc.fiji.mivos.core.EngineSettings;
import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.core.MivosException;
import sc.fiji.mivos.core.ProgressListener;
import sc.fiji.mivos.engine.InteractionReplay;
import sc.fiji.mivos.model.MivosNetworks;

/**
 * Segments every Z slice of a Z × T hyperstack as a time-lapse of its own, from the scribbles on that slice (ROIs
 * without a Z position count for every slice), and stacks the results into one label hyperstack. Object ids are
 * shared by name, so object 3 on one slice and object 3 on the next are meant as the same object; slices without a
 * scribble stay empty. The source image is only read; nothing is kept for interactive refinement (use one
 * {@code slice} at a time for that).
 */
public final class SliceBySliceSegmentation {

	private SliceBySliceSegmentation() {}

	/**
	 * @param first 0-based first frame of the range
	 * @param last 0-based last frame of the range, inclusive
	 * @return the label hyperstack (one channel, the image's slices and frames), titled after the image
	 * @throws MivosException when the image has no Z and T axes, or on bad scribbles
	 */
	public static ImagePlus run(final ImagePlus image, final Roi[] rois, final MivosNetworks networks,
		final EngineSettings settings, final InputChannels channels, final int first, final int last,
		final ProgressListener progress, final CancelToken cancel)
	{
		if (image.getNSlices() < 2 || image.getNFrames() < 2) throw new MivosException("Image '" + image.getTitle() +
			"' has " + image.getNSlices() + " slice(s) and " + image.getNFrames() + " frame(s); segmenting slice by " +
			"slice needs several of both");
		final int slices = image.getNSlices();
		final List<LabelStack> labels = new ArrayList<>(slices);
		for (int z = 1; z <= slices && !cancel.isCanceled(); z++) {
			final Roi[] onSlice = RoiScribbles.onSlice(rois, image, z);
			if (onSlice.length == 0) {
				labels.add(new LabelStack(image.getWidth(), image.getHeight(), image.getNFrames()));
				continue;
			}
			final String prefix = "slice " + z + "/" + slices + ": ";
			try (ImageSession session = new ImageSession(image, networks, settings, channels, z)) {
				session.replay(new InteractionReplay(RoiScribbles.fromRois(onSlice, image), Map.of()), first, last, (text,
					done, total) -> progress.progress(prefix + text, done, total), cancel);
				labels.add(session.engine().labels());
			}
		}
		while (labels.size() < slices)
			labels.add(new LabelStack(image.getWidth(), image.getHeight(), image.getNFrames()));
		return LabelImages.toImagePlus(labels, ImageSession.labelTitle(image.getTitle()), image);
	}
}
