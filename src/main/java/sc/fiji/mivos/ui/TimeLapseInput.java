package sc.fiji.mivos.ui;

import ij.ImagePlus;
import sc.fiji.mivos.core.MivosException;
import sc.fiji.mivos.ij.ImagePlusImgs;

/**
 * Which images the interactive tool accepts: a time-lapse of at least two time points, grey (8, 16 or 32 bit) or
 * RGB; indexed-colour images are refused. Hyperstacks with several channels, or with slices and frames, need a
 * channel and slice to be chosen.
 */
final class TimeLapseInput {

	private TimeLapseInput() {}

	/** @return why the tool cannot work on {@code image}, or {@code null} when it can */
	static String problem(final ImagePlus image) {
		if (image == null) return "Interactive MiVOS needs an open image: open a time-lapse (File > Open) first";
		try {
			ImagePlusImgs.requireSupportedType(image);
		}
		catch (final MivosException e) {
			return e.getMessage();
		}
		if (ImagePlusImgs.frameCount(image) < 2) return "Image '" + image.getTitle() + "' has a single time point; " +
			"Interactive MiVOS needs a time-lapse (several frames, or a stack whose slices are time points)";
		return null;
	}

	/** @return whether a channel and a Z slice must be chosen before segmenting */
	static boolean needsChannelAndSlice(final ImagePlus image) {
		return image.getNChannels() > 1 || (image.getNSlices() > 1 && image.getNFrames() > 1);
	}
}
