package sc.fiji.mivos.core;

/**
 * A time-lapse as the networks see it: {@link #frames()} frames of {@link #channels()} channels, intensities already
 * normalised to 0..1 (see {@link NormalizedFrames}). Implementations may compute frames lazily.
 */
public interface FrameSource {

	int width();

	int height();

	/** 1 for grey images, 3 for RGB. */
	int channels();

	int frames();

	/**
	 * @param t 0-based frame index
	 * @return channel-major pixels {@code [C][H][W]} flattened, length {@code C*H*W}, values 0..1; a fresh array
	 */
	float[] frame(int t);
}
