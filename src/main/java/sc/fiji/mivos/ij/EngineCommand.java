package sc.fiji.mivos.ij;

import org.scijava.app.StatusService;
import org.scijava.plugin.Parameter;

import ij.ImagePlus;
import sc.fiji.mivos.core.CancelToken;
import sc.fiji.mivos.core.DeviceChoice;
import sc.fiji.mivos.core.EngineSettings;
import sc.fiji.mivos.core.ProgressListener;

/**
 * The parameters every MiVOS command shares — their field names are the macro keys, documented in the README and
 * never renamed — and the plumbing from them to the engine: settings, progress on the status bar, cancel, and bad
 * input reported as a cancel reason rather than a stack trace.
 * <p>
 * The commands carry no menu path: their menu entries, in plain ImageJ as in Fiji, are the ImageJ 1.x plug-ins of
 * {@code sc.fiji.mivos.ij.plugin} listed in {@code plugins.config}, which run these commands. A menu path here too
 * would list every entry twice in Fiji. Scripts and headless runs use the commands through {@code CommandService}.
 */
public abstract class EngineCommand extends MivosCommand {

	@Parameter(label = "Image", description = "the time-lapse to segment; it is only read")
	protected ImagePlus image;

	@Parameter(label = "Channel", min = "1", description = "1-based channel of a hyperstack used as input")
	protected int channel = 1;

	@Parameter(label = "Slice", min = "1", description = "1-based Z slice of a hyperstack that is segmented")
	protected int slice = 1;

	@Parameter(label = "Channels", required = false,
		description = "several channels combined as input: all, or channels and ranges such as 1,3 or 2-4; " +
			"empty = the channel above")
	protected String channels = "";

	@Parameter(label = "Channel projection", choices = { "mean", "max" },
		description = "how several channels are combined into one")
	protected String channel_projection = "mean";

	@Parameter(label = "Model", description = "model name from the model manifest")
	protected String model = EngineSettings.defaults().modelName();

	@Parameter(label = "Device", choices = { "cpu", "gpu" },
		description = "gpu uses CUDA when present, otherwise says so and uses the CPU")
	protected String device = "cpu";

	@Parameter(label = "Threads", min = "0", description = "CPU threads for the networks (0 = all cores)")
	protected int threads = EngineSettings.defaults().threads();

	@Parameter(label = "Processing size", min = "0",
		description = "larger frames are downscaled so their longer side is this many pixels (0 = never)")
	protected int processing_size = EngineSettings.defaults().processingSize();

	@Parameter(label = "Top-k", min = "0", description = "memory matches kept per position (0 = scaled)")
	protected int top_k = EngineSettings.defaults().topK();

	@Parameter(label = "Memory every", min = "1", description = "every N-th propagated frame joins the memory")
	protected int mem_every = EngineSettings.defaults().memEvery();

	@Parameter(label = "Memory cap", min = "2", description = "most frames kept in memory")
	protected int max_memory_frames = EngineSettings.defaults().maxMemoryFrames();

	@Parameter(label = "Fusion", description = "fuse a new round with the previous one between interacted frames")
	protected boolean fusion = EngineSettings.defaults().fusion();

	@Parameter
	protected MivosService mivos;

	@Parameter
	private StatusService status;

	private final CancelToken cancelToken = new CancelToken();

	@Override
	public void cancel(final String reason) {
		super.cancel(reason);
		cancelToken.cancel(reason);
	}

	protected CancelToken cancelToken() {
		return cancelToken;
	}

	protected EngineSettings settings() {
		return EngineSettings.builder().optModelName(model).optDevice(DeviceChoice.parse(device)).optThreads(threads)
			.optProcessingSize(processing_size).optTopK(top_k).optMemEvery(mem_every).optMaxMemoryFrames(
				max_memory_frames).optFusion(fusion).build();
	}

	protected ProgressListener progress() {
		return (text, done, total) -> status.showStatus((int) Math.min(Integer.MAX_VALUE, done), (int) Math.min(
			Integer.MAX_VALUE, total), "MiVOS: " + text);
	}

	/** @return the input channel(s) the keys {@code channel}, {@code channels} and {@code channel_projection} name */
	protected InputChannels inputChannels() {
		return InputChannels.parse(channel, channels, channel_projection);
	}

	/** @return the image's current frame, 0-based */
	protected int currentFrame() {
		return (image.getNFrames() > 1 ? image.getT() : image.getCurrentSlice()) - 1;
	}
}
