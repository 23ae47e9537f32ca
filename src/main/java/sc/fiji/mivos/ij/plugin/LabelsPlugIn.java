package sc.fiji.mivos.ij.plugin;

import org.scijava.command.Command;
import org.scijava.command.CommandModule;

import ij.ImagePlus;

/**
 * An entry point whose command outputs a label image ({@code labels}): the label image, titled after the source
 * ({@code <source title without extension>-labels}), is shown and becomes the current image, also in batch mode.
 */
abstract class LabelsPlugIn extends CommandPlugIn {

	LabelsPlugIn(final Class<? extends Command> command, final String title) {
		super(command, title, "image");
	}

	@Override
	protected void present(final CommandModule module, final ImagePlus current) {
		CurrentImage.show((ImagePlus) module.getOutput("labels"));
	}
}
