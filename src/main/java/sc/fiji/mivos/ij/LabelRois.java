package sc.fiji.mivos.ij;

import java.awt.Color;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.plugin.filter.ThresholdToSelection;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;
import ij.process.LUT;
import sc.fiji.mivos.core.ObjectRegion;

/**
 * Outlines of label-image objects as ImageJ ROIs: one area ROI per object per frame, named {@code <id>-<frame>}
 * ({@code <id>-<frame>-z<slice>} for labels with several Z slices), outlined in the object's label colour and
 * positioned on its frame (and slice) of a reference image.
 * <p>
 * These names are not scribble names: a ROI Manager holding them is no scribble source for Propagate.
 */
public final class LabelRois {

	private static final LUT COLOURS = LabelImages.lut();

	private LabelRois() {}

	/**
	 * @param labels row-major labels of the frame, {@code width} pixels per row
	 * @param region the object, measured on these labels
	 * @param frame 1-based time point
	 * @param slice 1-based Z slice
	 * @param multiSlice whether the labels have several Z slices (the slice then joins the name)
	 * @param reference the image the ROI is positioned for: the source image, or the label image
	 * @return the object's outline (a composite ROI when it has holes or several parts)
	 */
	public static Roi outline(final int[] labels, final int width, final ObjectRegion region, final int frame,
		final int slice, final boolean multiSlice, final ImagePlus reference)
	{
		final ByteProcessor mask = new ByteProcessor(region.width(), region.height());
		for (int y = 0; y < region.height(); y++)
			for (int x = 0; x < region.width(); x++)
				if (labels[(region.minY() + y) * width + region.minX() + x] == region.objectId()) mask.set(x, y, 255);
		mask.setThreshold(255, 255, ImageProcessor.NO_LUT_UPDATE);
		final Roi roi = new ThresholdToSelection().convert(mask);
		roi.setLocation(region.minX() + roi.getXBase(), region.minY() + roi.getYBase());
		roi.setName(region.objectId() + "-" + frame + (multiSlice ? "-z" + slice : ""));
		final int entry = Math.min(region.objectId(), 255);
		roi.setStrokeColor(new Color(COLOURS.getRed(entry), COLOURS.getGreen(entry), COLOURS.getBlue(entry)));
		position(roi, frame, slice, reference);
		return roi;
	}

	/**
	 * Puts the ROI on a time point and slice of {@code reference}, all channels: a hyperstack position, or for an
	 * image whose slices serve as time (see {@link ImagePlusImgs}) the slice that is the time point.
	 */
	private static void position(final Roi roi, final int frame, final int slice, final ImagePlus reference) {
		if (!ImagePlusImgs.zIsTime(reference)) roi.setPosition(0, slice, frame);
		else if (reference.getNChannels() == 1) roi.setPosition(frame);
		else roi.setPosition(0, frame, 1);
	}
}
