package sc.fiji.mivos.ij;

import ij.ImagePlus;
import ij.ImageStack;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.IntegerType;
import sc.fiji.mivos.core.CancelToken;
import sc.fiji.mivos.core.EngineSettings;
import sc.fiji.mivos.core.FrameSource;
import sc.fiji.mivos.core.LabelImgs;
import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.core.ProgressListener;
import sc.fiji.mivos.core.ScribbleSet;
import sc.fiji.mivos.engine.InteractionReplay;
import sc.fiji.mivos.engine.InteractionSession;
import sc.fiji.mivos.engine.PropagationResult;
import sc.fiji.mivos.model.MivosNetworks;

/**
 * The interactive state kept for one open image: its engine session (all rounds so far) and the label image that
 * shows the result, updated in place after every step. The source image is only read.
 */
public final class ImageSession implements AutoCloseable {

	/** What the session was made for; a different key needs a new session. */
	public record Key(int imageId, EngineSettings settings, InputChannels channels, int slice) {}

	private final Key key;
	private final String title;
	private final InteractionSession engine;
	private final ImagePlus labels;

	/**
	 * @param channels the input channel(s) of a hyperstack
	 * @param slice 1-based Z slice of a hyperstack
	 */
	public ImageSession(final ImagePlus image, final MivosNetworks networks, final EngineSettings settings,
		final InputChannels channels, final int slice)
	{
		this.key = new Key(image.getID(), settings, channels, slice);
		this.title = image.getTitle();
		final FrameSource frames = ImagePlusImgs.frameSource(image, channels, slice, settings.lowPercentile(),
			settings.highPercentile());
		this.engine = new InteractionSession(networks, frames, settings);
		this.labels = LabelImages.toImagePlus(engine.labels(), labelTitle(title), image);
	}

	public Key key() {
		return key;
	}

	/** @return the ImageJ id of the source image */
	public int imageId() {
		return key.imageId();
	}

	/** @return the label image of this session, kept up to date */
	public ImagePlus labels() {
		return labels;
	}

	/** @return the current labels as an ImgLib2 image (XYT; unsigned 16-bit, or 32-bit past 65535 objects) */
	public Img<? extends IntegerType<?>> labelImg() {
		return LabelImgs.toImg(engine.labels());
	}

	/** @return the engine session, for callers that need rounds or interacted frames */
	public InteractionSession engine() {
		return engine;
	}

	/** Applies the scribbles of one frame (Scribble-to-Mask) and shows that frame's new labels. */
	public void interact(final int frame, final ScribbleSet scribblesOnFrame) {
		engine.interact(frame, scribblesOnFrame);
		refreshLabels();
	}

	/**
	 * Propagates the latest interaction within the 0-based frames {@code first..last} (fusing with earlier rounds)
	 * and shows all labels; on cancel the frames done so far are kept.
	 */
	public PropagationResult propagate(final int first, final int last, final ProgressListener progress,
		final CancelToken cancel)
	{
		final PropagationResult r = engine.propagate(first, last, progress, cancel);
		refreshLabels();
		return r;
	}

	/** Runs every recorded interaction within the 0-based frames {@code first..last}, then shows all labels. */
	public void replay(final InteractionReplay replay, final int first, final int last,
		final ProgressListener progress, final CancelToken cancel)
	{
		try {
			replay.runOn(engine, first, last, progress, cancel);
		}
		finally {
			refreshLabels();
		}
	}

	/** Copies all the engine's labels into the label image (its stack is replaced when ids outgrow 16 bits). */
	public void refreshLabels() {
		final LabelStack current = engine.labels();
		final ImagePlus fresh = LabelImages.toImagePlus(current, labels.getTitle(), labels);
		final ImageStack target = labels.getStack();
		final ImageStack source = fresh.getStack();
		if (fresh.getBitDepth() != labels.getBitDepth()) labels.setStack(source, 1, 1, current.frames());
		else for (int i = 1; i <= source.getSize(); i++)
			target.setPixels(source.getPixels(i), i);
		labels.updateAndDraw();
	}

	/**
	 * Copies the engine's labels of some frames into the label image, after a step that changed only those (the
	 * whole image is rebuilt when an id no longer fits its bit depth).
	 *
	 * @param frames 0-based frames
	 */
	public void refreshLabels(final Collection<Integer> frames) {
		final boolean floats = labels.getBitDepth() == 32;
		final Map<Integer, int[]> fresh = new TreeMap<>();
		for (final int t : frames) {
			final int[] f = engine.labels(t);
			for (final int v : f)
				if (!floats && v > 0xffff) {
					refreshLabels();
					return;
				}
			fresh.put(t, f);
		}
		final ImageStack target = labels.getStack();
		for (final Map.Entry<Integer, int[]> e : fresh.entrySet())
			target.setPixels(LabelImages.processor(e.getValue(), labels.getWidth(), labels.getHeight(), floats)
				.getPixels(), e.getKey() + 1);
		if (!fresh.isEmpty()) labels.updateAndDraw();
	}

	static String labelTitle(final String imageTitle) {
		final int dot = imageTitle.lastIndexOf('.');
		return (dot > 0 ? imageTitle.substring(0, dot) : imageTitle) + "-labels";
	}

	@Override
	public void close() {
		engine.close();
	}
}
