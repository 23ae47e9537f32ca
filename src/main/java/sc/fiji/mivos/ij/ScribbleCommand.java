package sc.fiji.mivos.ij;

import java.io.File;

import org.scijava.plugin.Parameter;

/** A command that reads scribbles: from a file when one is given, else the ROI Manager, else the overlay. */
public abstract class ScribbleCommand extends EngineCommand {

	@Parameter(label = "Scribble file", required = false, style = "open",
		description = "ROI file (.roi/.zip) or stroke file (.json); empty: ROI Manager, then the image overlay")
	protected File scribbles;
}
