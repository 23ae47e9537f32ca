package sc.fiji.mivos.ij;

import java.util.Map;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import sc.fiji.mivos.core.EngineSettings;
import sc.fiji.mivos.core.MivosException;
import sc.fiji.mivos.engine.InteractionReplay;

/**
 * <em>Propagate</em>: carries the masks of the interacted frames through the stack (or a frame range) and fuses
 * them with the previous round. When the image has no interaction yet, every scribbled frame is applied and
 * propagated in frame order first — the one-step headless and macro path. With {@code all_slices} every Z slice
 * of a hyperstack is segmented on its own ({@link SliceBySliceSegmentation}).
 */
@Plugin(type = Command.class)
public final class PropagateCommand extends ScribbleCommand {

	@Parameter(label = "First frame", min = "1", description = "1-based first frame of the range")
	private int first_frame = 1;

	@Parameter(label = "Last frame", min = "0", description = "1-based last frame of the range (0 = the last frame)")
	private int last_frame = 0;

	@Parameter(label = "All slices", description = "segment every Z slice of a Z x T hyperstack on its own " +
		"(scribbles without a Z position count for every slice); slice is then ignored")
	private boolean all_slices = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Labels")
	private ImagePlus labels;

	@Override
	protected void execute() {
		final int frames = ImagePlusImgs.frameCount(image);
		final int first = first_frame - 1;
		final int last = last_frame == 0 ? frames - 1 : last_frame - 1;
		if (first < 0 || last >= frames || first > last) throw new MivosException("Frame range " + first_frame +
			".." + (last + 1) + " is not within the image's frames 1.." + frames);
		final EngineSettings settings = settings();
		if (all_slices) {
			labels = SliceBySliceSegmentation.run(image, ScribbleSources.find(image, scribbles), mivos.networks(
				settings), settings, inputChannels(), first, last, progress(), cancelToken());
			return;
		}
		ImageSession session = mivos.existingSession(image, settings, inputChannels(), slice);
		if (session == null || session.engine().interactedFrames().isEmpty()) {
			final var all = RoiScribbles.fromRois(ScribbleSources.find(image, scribbles), image);
			session = mivos.session(image, settings, inputChannels(), slice);
			session.replay(new InteractionReplay(all, Map.of()), first, last, progress(), cancelToken());
		}
		else session.propagate(first, last, progress(), cancelToken());
		labels = session.labels();
	}
}
