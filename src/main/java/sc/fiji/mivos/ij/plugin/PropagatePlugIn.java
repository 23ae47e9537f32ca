package sc.fiji.mivos.ij.plugin;

import sc.fiji.mivos.ij.PropagateCommand;

/** <em>Plugins › Segmentation › MiVOS › Propagate</em>: {@link PropagateCommand} on the current image. */
public final class PropagatePlugIn extends LabelsPlugIn {

	public PropagatePlugIn() {
		super(PropagateCommand.class, "Propagate");
	}
}
