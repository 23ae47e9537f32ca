package sc.fiji.mivos.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import ij.ImagePlus;
import sc.fiji.mivos.core.CancelToken;
import sc.fiji.mivos.core.EngineSettings;
import sc.fiji.mivos.core.ScribbleSet;
import sc.fiji.mivos.ij.ImageSegmentation;
import sc.fiji.mivos.ij.LabelImages;
import sc.fiji.mivos.ij.OverlayRenderer;
import sc.fiji.mivos.io.LabelTiffWriter;
import sc.fiji.mivos.model.MivosNetworks;

/**
 * One command-line segmentation: an opened image, its interactions and settings in; a label TIFF and optionally an
 * overlay montage out. Shared by {@code segment} and {@code demo}.
 */
final class SegmentJob {

	private static final int OVERLAY_TILES = 12;

	private final ImagePlus image;
	private final Path imagePath;
	private final ScribbleSet scribbles;
	private final Map<Integer, int[]> masks;
	private final EngineSettings settings;
	private final int channel;
	private final int slice;

	SegmentJob(final ImagePlus image, final Path imagePath, final ScribbleSet scribbles,
		final Map<Integer, int[]> masks, final EngineSettings settings, final int channel, final int slice)
	{
		this.image = image;
		this.imagePath = imagePath;
		this.scribbles = scribbles;
		this.masks = masks;
		this.settings = settings;
		this.channel = channel;
		this.slice = slice;
	}

	/** What a run produced, with the model and device that produced it. */
	record Outcome(ImageSegmentation.Result result, String model, String device) {}

	/** Loads the networks, segments, and writes the label stack (and overlay when {@code overlay} is not null). */
	Outcome run(final Path labelsOut, final Path overlay, final PrintStream err) {
		try (MivosNetworks nets = MivosNetworks.load(settings)) {
			if (nets.deviceWarning() != null) err.println("mivos: " + nets.deviceWarning());
			err.println("mivos: model " + nets.modelName() + " " + nets.modelVersion() + " on " + nets.device());
			final ImageSegmentation.Result result = new ImageSegmentation(nets, settings, channel, slice).run(image,
				scribbles, masks, new ConsoleProgress(err), new CancelToken());
			final ImagePlus labels = LabelImages.toImagePlus(result.labels(), labelsOut.getFileName().toString(),
				image);
			LabelTiffWriter.write(labels, labelsOut, imagePath);
			if (overlay != null) OverlayRenderer.writePng(OverlayRenderer.montage(result.frames(), result.labels(),
				OVERLAY_TILES), overlay);
			return new Outcome(result, nets.modelName() + " " + nets.modelVersion(), nets.device().name().toLowerCase(
				Locale.ROOT));
		}
	}
}
