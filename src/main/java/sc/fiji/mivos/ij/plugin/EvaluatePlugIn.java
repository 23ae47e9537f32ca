package sc.fiji.mivos.ij.plugin;

import org.scijava.command.CommandModule;

import ij.IJ;
import ij.ImagePlus;
import sc.fiji.mivos.ij.EvaluateCommand;

/**
 * <em>Plugins › Segmentation › MiVOS › Evaluate against ground truth</em>: {@link EvaluateCommand} on the current
 * image; the one-line summary goes to the Log window, the reports to the output folder.
 */
public final class EvaluatePlugIn extends CommandPlugIn {

	public EvaluatePlugIn() {
		super(EvaluateCommand.class, "Evaluate against ground truth", "image");
	}

	@Override
	protected void present(final CommandModule module, final ImagePlus current) {
		IJ.log(title() + ": " + module.getOutput("summary"));
	}
}
