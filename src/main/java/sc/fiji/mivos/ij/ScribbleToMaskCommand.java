package sc.fiji.mivos.ij;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import sc.fiji.mivos.core.MivosException;
import sc.fiji.mivos.core.ScribbleSet;

/**
 * <em>Scribble to Mask</em>: turns the scribbles on the image's current frame into object masks on that frame and
 * shows them in the label image. Earlier rounds of the same image are kept, so this also refines.
 */
@Plugin(type = Command.class)
public final class ScribbleToMaskCommand extends ScribbleCommand {

	@Parameter(label = "Frame", min = "0", description = "1-based frame to segment (0 = the current frame)")
	private int frame = 0;

	@Parameter(type = ItemIO.OUTPUT, label = "Labels")
	private ImagePlus labels;

	@Override
	protected void execute() {
		final int t = frame > 0 ? frame - 1 : currentFrame();
		final ScribbleSet onFrame = RoiScribbles.fromRois(ScribbleSources.find(image, scribbles), image).onFrame(t);
		if (onFrame.isEmpty()) throw new MivosException("No scribbles on frame " + (t + 1) + " of " + image
			.getTitle());
		final ImageSession session = mivos.session(image, settings(), inputChannels(), slice);
		session.interact(t, onFrame);
		labels = session.labels();
	}
}
