package sc.fiji.mivos.ij;

import java.io.File;
import java.util.List;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.gui.Roi;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.IntegerType;

/**
 * <em>Export MiVOS result</em>: from a label image (and the segmented image, for calibration and intensities) makes
 * the calibrated label hyperstack and ImgLib2 image, one outline ROI per object per frame for the ROI Manager, and
 * per-object measurements; writes {@code <stem>-labels.tif}, {@code <stem>-rois.zip} and {@code <stem>-tracks.csv}
 * to the output folder on request (see {@link LabelExport}).
 */
@Plugin(type = Command.class)
public final class ExportCommand extends MivosCommand {

	@Parameter(label = "Label image", description = "the label image to export (a MiVOS result); it is only read")
	private ImagePlus label_image;

	@Parameter(label = "Image", required = false,
		description = "the segmented image: its calibration and intensities; none = the label image's calibration")
	private ImagePlus image;

	@Parameter(label = "Channel", min = "1", description = "1-based channel of the image whose intensities are measured")
	private int channel = 1;

	@Parameter(label = "Slice", min = "1",
		description = "1-based Z slice of the image that labels with a single slice belong to")
	private int slice = 1;

	@Parameter(label = "Save label TIFF", description = "write <stem>-labels.tif to the output folder")
	private boolean label_tiff = true;

	@Parameter(label = "Add to ROI Manager", description = "add one ROI per object per frame, named <id>-<frame>")
	private boolean roi_manager = true;

	@Parameter(label = "Save ROI zip", description = "write the ROIs as <stem>-rois.zip to the output folder")
	private boolean roi_zip = true;

	@Parameter(label = "Save CSV", description = "write per-object, per-frame measurements as <stem>-tracks.csv")
	private boolean csv = true;

	@Parameter(label = "Show as dataset", description = "also show the labels as an ImgLib2 dataset (Fiji)")
	private boolean dataset = true;

	@Parameter(label = "Output folder", style = "directory", required = false,
		description = "where the files go; needed when a file is asked for")
	private File output_folder;

	@Parameter(type = ItemIO.OUTPUT, label = "Labels (calibrated)")
	private ImagePlus labels;

	@Parameter(type = ItemIO.OUTPUT, label = "Labels (ImgLib2)")
	private Img<? extends IntegerType<?>> label_img;

	@Parameter(type = ItemIO.OUTPUT, label = "ROIs")
	private List<Roi> rois;

	@Parameter(type = ItemIO.OUTPUT, label = "Summary")
	private String summary;

	@Override
	protected void execute() {
		final LabelExport.Result result = LabelExport.run(label_image, image, new LabelExport.Options(channel, slice,
			label_tiff, roi_zip, csv, output_folder == null ? null : output_folder.toPath()));
		if (roi_manager) LabelExport.addToRoiManager(result.rois());
		if (dataset) DatasetPublisher.publish(context(), result.labelImg(), result.labelImage().getTitle(), result
			.labelImage().getCalibration());
		labels = result.labelImage();
		label_img = result.labelImg();
		rois = result.rois();
		summary = result.summary();
		log.info("MiVOS: " + summary);
	}
}
