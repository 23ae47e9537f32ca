package sc.fiji.mivos.ij;

import java.util.Map;
import java.util.TreeMap;

import ij.ImagePlus;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.IntegerType;
import sc.fiji.mivos.core.CancelToken;
import sc.fiji.mivos.core.EngineSettings;
import sc.fiji.mivos.core.FrameSource;
import sc.fiji.mivos.core.LabelImgs;
import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.core.MivosException;
import sc.fiji.mivos.core.ProgressListener;
import sc.fiji.mivos.core.ScribbleSet;
import sc.fiji.mivos.engine.InteractionReplay;
import sc.fiji.mivos.engine.InteractionSession;
import sc.fiji.mivos.engine.StageTimings;
import sc.fiji.mivos.model.MivosNetworks;

/**
 * Segments a whole time-lapse {@link ImagePlus} from recorded interactions — scribbles and/or label masks on some
 * frames — in one go: the path shared by {@code ./mivos segment}, the demo and the headless commands. The input
 * image is only read.
 */
public final class ImageSegmentation {

	/**
	 * What a run produced.
	 *
	 * @param labels the label stack, one frame per time point of the input
	 * @param frames the normalised frames the networks saw (for overlays, without normalising again)
	 * @param timings mean milliseconds per network stage call
	 * @param millis wall time of the whole run
	 * @param canceled whether the run stopped early (finished frames are kept)
	 */
	public record Result(LabelStack labels, FrameSource frames, StageTimings timings, long millis,
		boolean canceled)
	{

		/** @return the labels as an ImgLib2 image (XYT; unsigned 16-bit, or 32-bit past 65535 objects) */
		public Img<? extends IntegerType<?>> labelImg() {
			return LabelImgs.toImg(labels);
		}
	}

	private final MivosNetworks networks;
	private final EngineSettings settings;
	private final InputChannels channels;
	private final int slice;

	/**
	 * @param channel 1-based channel of a hyperstack used as network input
	 * @param slice 1-based Z slice of a hyperstack that is segmented
	 */
	public ImageSegmentation(final MivosNetworks networks, final EngineSettings settings, final int channel,
		final int slice)
	{
		this(networks, settings, InputChannels.single(channel), slice);
	}

	/**
	 * @param channels the channel(s) of a hyperstack used as network input
	 * @param slice 1-based Z slice of a hyperstack that is segmented
	 */
	public ImageSegmentation(final MivosNetworks networks, final EngineSettings settings,
		final InputChannels channels, final int slice)
	{
		this.networks = networks;
		this.settings = settings;
		this.channels = channels;
		this.slice = slice;
	}

	/**
	 * @param image the time-lapse (T frames; a plain stack counts its slices as frames)
	 * @param scribbles scribbles with 0-based frames, validated against the image size
	 * @param masks label images used as interaction, by 0-based frame, row-major; may be empty
	 * @throws MivosException on bad input (no interaction, scribbles outside the image, mask size mismatch)
	 */
	public Result run(final ImagePlus image, final ScribbleSet scribbles, final Map<Integer, int[]> masks,
		final ProgressListener progress, final CancelToken cancel)
	{
		final FrameSource frames = ImagePlusImgs.frameSource(image, channels, slice, settings.lowPercentile(), settings
			.highPercentile());
		scribbles.validate(frames.width(), frames.height(), frames.frames());
		final Map<Integer, int[]> checkedMasks = new TreeMap<>();
		for (final Map.Entry<Integer, int[]> e : masks.entrySet()) {
			if (e.getKey() < 0 || e.getKey() >= frames.frames()) throw new MivosException("Mask frame " + (e
				.getKey() + 1) + " is outside the image's " + frames.frames() + " frames");
			if (e.getValue().length != frames.width() * frames.height()) throw new MivosException(
				"The label masks are not the size of the image (" + frames.width() + "x" + frames.height() + ")");
			checkedMasks.put(e.getKey(), e.getValue());
		}
		final long start = System.currentTimeMillis();
		try (InteractionSession session = new InteractionSession(networks, frames, settings)) {
			new InteractionReplay(scribbles, checkedMasks).runOn(session, 0, frames.frames() - 1, progress, cancel);
			return new Result(session.labels(), frames, session.timings(), System.currentTimeMillis() - start, cancel
				.isCanceled());
		}
	}
}
