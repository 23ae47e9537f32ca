package sc.fiji.mivos.core;

/** A contiguous range of frames of a sequence, seen as a sequence of its own (frame 0 = the first of the range). */
public final class FrameWindow implements FrameSource {

	private final FrameSource source;
	private final int first;
	private final int count;

	/**
	 * @param first 0-based first frame of the range
	 * @param last 0-based last frame of the range, inclusive
	 * @throws MivosException when the range is empty or outside the sequence
	 */
	public FrameWindow(final FrameSource source, final int first, final int last) {
		check(first, last, source.frames());
		this.source = source;
		this.first = first;
		this.count = last - first + 1;
	}

	/** @return frames {@code first..last} (0-based, inclusive) of {@code labels} as a new stack */
	public static LabelStack labels(final LabelStack labels, final int first, final int last) {
		check(first, last, labels.frames());
		final LabelStack out = new LabelStack(labels.width(), labels.height(), last - first + 1);
		for (int t = first; t <= last; t++)
			out.setFrame(t - first, labels.frame(t));
		return out;
	}

	private static void check(final int first, final int last, final int frames) {
		if (first < 0 || last >= frames || first > last) throw new MivosException("Frames " + (first + 1) + ":" +
			(last + 1) + " are not within the sequence's frames 1:" + frames);
	}

	@Override
	public int width() {
		return source.width();
	}

	@Override
	public int height() {
		return source.height();
	}

	@Override
	public int channels() {
		return source.channels();
	}

	@Override
	public int frames() {
		return count;
	}

	@Override
	public float[] frame(final int t) {
		if (t < 0 || t >= count) throw new IndexOutOfBoundsException("frame " + t + " of " + count);
		return source.frame(first + t);
	}
}
