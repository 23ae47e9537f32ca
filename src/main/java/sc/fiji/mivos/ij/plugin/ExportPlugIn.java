package sc.fiji.mivos.ij.plugin;

import org.scijava.command.CommandModule;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import sc.fiji.mivos.ij.ExportCommand;
import sc.fiji.mivos.ij.LabelExport;

/**
 * <em>Plugins › Segmentation › MiVOS › Export MiVOS result</em>: {@link ExportCommand} on the current image, which
 * is the label image; the segmented image is preselected by title ({@code <title>-labels} is the label image of
 * {@code <title>.ext}). The summary goes to the Log window.
 */
public final class ExportPlugIn extends CommandPlugIn {

	public ExportPlugIn() {
		super(ExportCommand.class, "Export MiVOS result", "label_image");
	}

	@Override
	protected String defaultImageTitle(final String key, final ImagePlus current) {
		final int[] ids = WindowManager.getIDList();
		if (ids != null) for (final int id : ids) {
			final ImagePlus imp = WindowManager.getImage(id);
			if (imp != null && imp != current && LabelExport.isLabelTitleOf(current.getTitle(), imp.getTitle()))
				return imp.getTitle();
		}
		return CommandDialog.NONE;
	}

	@Override
	protected void present(final CommandModule module, final ImagePlus current) {
		IJ.log(title() + ": " + module.getOutput("summary"));
	}
}
