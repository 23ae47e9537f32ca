package sc.fiji.mivos.ij.plugin;

import sc.fiji.mivos.ij.ScribbleToMaskCommand;

/** <em>Plugins › Segmentation › MiVOS › Scribble to Mask</em>: {@link ScribbleToMaskCommand} on the current image. */
public final class ScribbleToMaskPlugIn extends LabelsPlugIn {

	public ScribbleToMaskPlugIn() {
		super(ScribbleToMaskCommand.class, "Scribble to Mask");
	}
}
