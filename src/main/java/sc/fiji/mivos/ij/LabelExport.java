package sc.fiji.mivos.ij;

import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Roi;
import ij.io.FileInfo;
import ij.plugin.frame.RoiManager;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.IntegerType;
import sc.fiji.mivos.core.LabelImgs;
import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.core.Lineage;
import sc.fiji.mivos.core.MivosException;
import sc.fiji.mivos.core.ObjectRegion;
import sc.fiji.mivos.io.LabelTiffWriter;
import sc.fiji.mivos.io.RoiFiles;
import sc.fiji.mivos.io.TrackCsv;

/**
 * Turns a label image into the outputs people work with: a calibrated label hyperstack (ImagePlus and ImgLib2
 * {@code Img}), one outline ROI per object per frame, and per-object, per-frame measurements — optionally written
 * to a folder as {@code <stem>-labels.tif}, {@code <stem>-rois.zip} and {@code <stem>-tracks.csv}, where the stem
 * is the source image's title without extension (or the label image's, without {@code -labels}). The path shared
 * by the Export command and its macro call; the images given are only read.
 */
public final class LabelExport {

	/**
	 * What to export.
	 *
	 * @param channel 1-based channel of the source image whose intensities are measured
	 * @param slice 1-based Z slice of the source image that labels with a single slice belong to
	 * @param labelTiff write the label TIFF
	 * @param roiZip write the ROI zip
	 * @param csv write the measurements as CSV (columns in {@link TrackCsv})
	 * @param outputFolder where the files go; null when no file is asked for
	 */
	public record Options(int channel, int slice, boolean labelTiff, boolean roiZip, boolean csv,
		Path outputFolder)
	{}

	/**
	 * What an export produced.
	 *
	 * @param labelImage the labels as a one-channel hyperstack (Z slices, T frames) with the source's calibration
	 * @param labelImg the same labels as an ImgLib2 image, XYT (or XYZT with several slices)
	 * @param rois one outline per object per frame (and slice), in frame order
	 * @param rows the measurements, one per ROI
	 * @param objectIds the object ids present
	 * @param files the files written
	 */
	public record Result(ImagePlus labelImage, Img<? extends IntegerType<?>> labelImg, List<Roi> rois,
		List<TrackCsv.Row> rows, SortedSet<Integer> objectIds, List<Path> files)
	{

		/** @return one line: objects, frames, ROIs and where the files went */
		public String summary() {
			return "objects=" + objectIds.size() + " frames=" + labelImage.getNFrames() + " slices=" + labelImage
				.getNSlices() + " rois=" + rois.size() + (files.isEmpty() ? "" : " files=" + files);
		}
	}

	private LabelExport() {}

	/**
	 * @param labels a label image (see {@link LabelImages#toLabelSlices})
	 * @param source the segmented image, for calibration and intensities; null to take the label image's
	 *        calibration and measure no intensity
	 * @throws MivosException when the images do not match, a channel or slice does not exist, files are asked for
	 *         without a folder, or a file cannot be written
	 */
	public static Result run(final ImagePlus labels, final ImagePlus source, final Options options) {
		final List<LabelStack> slices = LabelImages.toLabelSlices(labels);
		final LabelStack first = slices.get(0);
		if (source != null) checkMatch(labels, slices, source, options);
		final boolean filesWanted = options.labelTiff() || options.roiZip() || options.csv();
		if (filesWanted && options.outputFolder() == null) throw new MivosException(
			"Choose an output folder for the exported files");
		final ImagePlus reference = source != null ? source : labels;
		final String stem = stem(labels, source);
		final ImagePlus labelImage = LabelImages.toImagePlus(slices, stem + "-labels", reference);

		final Map<Integer, Integer> parents = new TreeMap<>();
		for (final LabelStack s : slices)
			Lineage.parents(s).forEach(parents::putIfAbsent);
		final List<Roi> rois = new ArrayList<>();
		final List<TrackCsv.Row> rows = new ArrayList<>();
		final SortedSet<Integer> ids = new TreeSet<>();
		final boolean multiSlice = slices.size() > 1;
		for (int t = 0; t < first.frames(); t++)
			for (int z = 0; z < slices.size(); z++) {
				final int[] frame = slices.get(z).frame(t);
				final int sliceNumber = multiSlice ? z + 1 : sliceOf(reference, options.slice());
				final float[] intensity = source == null ? null : intensities(source, options.channel(), sliceNumber, t);
				for (final ObjectRegion r : ObjectRegion.measure(frame, first.width(), first.height(), intensity)) {
					ids.add(r.objectId());
					rows.add(new TrackCsv.Row(t + 1, sliceNumber, r, parents.get(r.objectId())));
					rois.add(LabelRois.outline(frame, first.width(), r, t + 1, sliceNumber, multiSlice, reference));
				}
			}

		final List<Path> files = new ArrayList<>();
		if (options.labelTiff()) {
			final Path out = options.outputFolder().resolve(stem + "-labels.tif");
			LabelTiffWriter.write(labelImage, out, fileOf(source), fileOf(labels));
			files.add(out);
		}
		if (options.roiZip()) {
			if (rois.isEmpty()) throw new MivosException("Label image '" + labels.getTitle() + "' holds no object, " +
				"so there are no ROIs to save");
			final Path out = options.outputFolder().resolve(stem + "-rois.zip");
			RoiFiles.write(rois.toArray(Roi[]::new), out);
			files.add(out);
		}
		if (options.csv()) {
			final Path out = options.outputFolder().resolve(stem + "-tracks.csv");
			TrackCsv.write(rows, labelImage.getCalibration(), out);
			files.add(out);
		}
		return new Result(labelImage, LabelImgs.toImg(slices), rois, rows, ids, files);
	}

	/**
	 * Adds ROIs to the ROI Manager: the one open, else the hidden one of a batch-mode macro, else a new one. The
	 * ROIs already there stay.
	 *
	 * @throws MivosException when there is no display for a ROI Manager
	 */
	public static void addToRoiManager(final List<Roi> rois) {
		RoiManager manager = RoiManager.getInstance();
		if (manager == null) {
			if (GraphicsEnvironment.isHeadless()) throw new MivosException("There is no ROI Manager without a " +
				"display; save the ROIs as a zip instead (roi_zip)");
			manager = RoiManager.getRoiManager();
		}
		for (final Roi roi : rois)
			manager.addRoi(roi);
	}

	private static void checkMatch(final ImagePlus labels, final List<LabelStack> slices, final ImagePlus source,
		final Options options)
	{
		final LabelStack first = slices.get(0);
		final String pair = "Label image '" + labels.getTitle() + "' and image '" + source.getTitle() + "'";
		if (first.width() != source.getWidth() || first.height() != source.getHeight()) throw new MivosException(
			pair + " differ in size (" + first.width() + "x" + first.height() + " and " + source.getWidth() + "x" +
				source.getHeight() + ")");
		final int frames = ImagePlusImgs.frameCount(source);
		if (first.frames() != frames) throw new MivosException(pair + " differ in time points (" + first.frames() +
			" and " + frames + ")");
		if (slices.size() > 1 && slices.size() != source.getNSlices()) throw new MivosException(pair +
			" differ in Z slices (" + slices.size() + " and " + source.getNSlices() + ")");
		if (options.channel() < 1 || options.channel() > source.getNChannels()) throw new MivosException("Channel " +
			options.channel() + " does not exist: image '" + source.getTitle() + "' has " + source.getNChannels() +
			" channel(s)");
		if (slices.size() == 1 && !ImagePlusImgs.zIsTime(source) && (options.slice() < 1 || options.slice() > source
			.getNSlices())) throw new MivosException("Slice " + options.slice() + " does not exist: image '" + source
				.getTitle() + "' has " + source.getNSlices() + " slice(s)");
	}

	/** @return raw values of one plane of the source (RGB: the mean of red, green and blue), row-major */
	private static float[] intensities(final ImagePlus source, final int channel, final int slice, final int t) {
		final boolean zIsTime = ImagePlusImgs.zIsTime(source);
		final ImageStack stack = source.getStack();
		final ImageProcessor ip = stack.getProcessor(zIsTime ? source.getStackIndex(channel, t + 1, 1) : source
			.getStackIndex(channel, slice, t + 1));
		final float[] v = new float[ip.getPixelCount()];
		if (ip instanceof ColorProcessor rgb) {
			final int[] px = (int[]) rgb.getPixels();
			for (int i = 0; i < v.length; i++)
				v[i] = (((px[i] >> 16) & 0xff) + ((px[i] >> 8) & 0xff) + (px[i] & 0xff)) / 3f;
		}
		else for (int i = 0; i < v.length; i++)
			v[i] = ip.getf(i);
		return v;
	}

	/** @return the 1-based slice of {@code reference} that single-slice labels lie on */
	private static int sliceOf(final ImagePlus reference, final int slice) {
		return ImagePlusImgs.zIsTime(reference) || reference.getNSlices() == 1 ? 1 : slice;
	}

	/** @return the source's title without extension, else the label image's without extension and "-labels" */
	static String stem(final ImagePlus labels, final ImagePlus source) {
		if (source != null) return withoutExtension(source.getTitle());
		final String base = withoutExtension(labels.getTitle());
		return base.endsWith("-labels") && base.length() > "-labels".length() ? base.substring(0, base.length() -
			"-labels".length()) : base;
	}

	/**
	 * @return whether {@code labelTitle} names the label image of the image titled {@code sourceTitle}: both without
	 *         extension, the label title is the source title followed by {@code -labels}
	 */
	public static boolean isLabelTitleOf(final String labelTitle, final String sourceTitle) {
		return withoutExtension(labelTitle).equals(withoutExtension(sourceTitle) + "-labels");
	}

	private static String withoutExtension(final String title) {
		final int dot = title.lastIndexOf('.');
		return dot > 0 ? title.substring(0, dot) : title;
	}

	private static Path fileOf(final ImagePlus imp) {
		final FileInfo info = imp == null ? null : imp.getOriginalFileInfo();
		return info == null || info.directory == null || info.fileName == null ? null : Paths.get(info.directory,
			info.fileName);
	}
}
