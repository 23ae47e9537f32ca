package sc.fiji.mivos.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the engine runs: memory and top-k parameters, processing size, intensity normalisation, device, threads and
 * which shipped model to use. Immutable; build with {@link #builder()} or change a copy through {@link #toBuilder()}.
 */
public final class EngineSettings {

	/** Default {@link #memEvery()}: every 5th propagated frame joins the memory (as in MiVOS). */
	public static final int DEFAULT_MEM_EVERY = 5;
	/** Default {@link #maxMemoryFrames()}. */
	public static final int DEFAULT_MAX_MEMORY_FRAMES = 20;
	/** Default {@link #processingSize()} in pixels. */
	public static final int DEFAULT_PROCESSING_SIZE = 1024;
	/** Default {@link #lowPercentile()}. */
	public static final double DEFAULT_LOW_PERCENTILE = 1.0;
	/** Default {@link #highPercentile()}. */
	public static final double DEFAULT_HIGH_PERCENTILE = 99.8;
	/** Default {@link #modelName()}: the model packed into the plugin. */
	public static final String DEFAULT_MODEL = "lite";

	/** Whether the difference-aware fusion network runs unless asked otherwise (else rounds are blended in time). */
	public static final boolean DEFAULT_FUSION = false;

	/** top-k MiVOS uses at its reference resolution {@link #REFERENCE_PIXELS} (480×854). */
	private static final int REFERENCE_TOP_K = 50;
	private static final double REFERENCE_PIXELS = 480.0 * 854.0;
	/** Smallest automatic top-k, so that small images still read a useful neighbourhood. */
	private static final int MIN_AUTO_TOP_K = 16;
	private static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

	private final int topK;
	private final int memEvery;
	private final int maxMemoryFrames;
	private final int processingSize;
	private final double lowPercentile;
	private final double highPercentile;
	private final DeviceChoice device;
	private final int threads;
	private final String modelName;
	private final boolean fusion;

	private EngineSettings(final Builder b) {
		topK = b.topK;
		memEvery = b.memEvery;
		maxMemoryFrames = b.maxMemoryFrames;
		processingSize = b.processingSize;
		lowPercentile = b.lowPercentile;
		highPercentile = b.highPercentile;
		device = b.device;
		threads = b.threads;
		modelName = b.modelName;
		fusion = b.fusion;
	}

	/** @return the settings every entry point starts from */
	public static EngineSettings defaults() {
		return builder().build();
	}

	public static Builder builder() {
		return new Builder();
	}

	/** @return a builder holding these settings */
	public Builder toBuilder() {
		final Builder b = new Builder();
		b.topK = topK;
		b.memEvery = memEvery;
		b.maxMemoryFrames = maxMemoryFrames;
		b.processingSize = processingSize;
		b.lowPercentile = lowPercentile;
		b.highPercentile = highPercentile;
		b.device = device;
		b.threads = threads;
		b.modelName = modelName;
		b.fusion = fusion;
		return b;
	}

	/** @return number of memory entries each query position reads; 0 = automatic, see {@link #effectiveTopK} */
	public int topK() {
		return topK;
	}

	/** @return every how many propagated frames one joins the memory, &ge; 1 */
	public int memEvery() {
		return memEvery;
	}

	/** @return most frames kept in the memory bank, &ge; 2 (interacted frames are never dropped) */
	public int maxMemoryFrames() {
		return maxMemoryFrames;
	}

	/** @return longest side, in pixels, that frames are processed at; larger frames are downscaled; 0 = never */
	public int processingSize() {
		return processingSize;
	}

	/** @return percentile of a 16/32-bit stack mapped to 0 */
	public double lowPercentile() {
		return lowPercentile;
	}

	/** @return percentile of a 16/32-bit stack mapped to 1 */
	public double highPercentile() {
		return highPercentile;
	}

	public DeviceChoice device() {
		return device;
	}

	/** @return CPU threads for the networks; 0 = all cores */
	public int threads() {
		return threads;
	}

	/** @return name of the model in the model manifest */
	public String modelName() {
		return modelName;
	}

	/** @return whether difference-aware fusion merges a new propagation with the previous round */
	public boolean fusion() {
		return fusion;
	}

	/**
	 * The top-k to use at a processing size. An explicit {@link #topK()} is returned as is. The automatic value keeps
	 * the share of memory MiVOS reads at 480×854 (top-k 50): it scales with the number of pixels, and is at least
	 * {@value #MIN_AUTO_TOP_K}.
	 *
	 * @param height processing height in pixels
	 * @param width processing width in pixels
	 */
	public int effectiveTopK(final int height, final int width) {
		if (topK > 0) return topK;
		final long scaled = Math.round(REFERENCE_TOP_K * ((double) height * width) / REFERENCE_PIXELS);
		return (int) Math.max(MIN_AUTO_TOP_K, Math.min(Integer.MAX_VALUE, scaled));
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof EngineSettings s && s.topK == topK && s.memEvery == memEvery &&
			s.maxMemoryFrames == maxMemoryFrames && s.processingSize == processingSize && Double.compare(
				s.lowPercentile, lowPercentile) == 0 && Double.compare(s.highPercentile, highPercentile) == 0 &&
			s.device == device && s.threads == threads && s.modelName.equals(modelName) && s.fusion == fusion;
	}

	@Override
	public int hashCode() {
		return Objects.hash(topK, memEvery, maxMemoryFrames, processingSize, lowPercentile, highPercentile, device,
			threads, modelName, fusion);
	}

	@Override
	public String toString() {
		return "EngineSettings[top_k=" + (topK == 0 ? "auto" : topK) + ", mem_every=" + memEvery +
			", max_memory_frames=" + maxMemoryFrames + ", processing_size=" + processingSize + ", percentiles=" +
			lowPercentile + ".." + highPercentile + ", device=" + device + ", threads=" + threads + ", model=" +
			modelName + ", fusion=" + fusion + "]";
	}

	/** Collects settings; {@link #build()} checks them. Starts from the defaults. */
	public static final class Builder {

		private int topK = 0;
		private int memEvery = DEFAULT_MEM_EVERY;
		private int maxMemoryFrames = DEFAULT_MAX_MEMORY_FRAMES;
		private int processingSize = DEFAULT_PROCESSING_SIZE;
		private double lowPercentile = DEFAULT_LOW_PERCENTILE;
		private double highPercentile = DEFAULT_HIGH_PERCENTILE;
		private DeviceChoice device = DeviceChoice.CPU;
		private int threads = 0;
		private String modelName = DEFAULT_MODEL;
		// NB: off by default: the shipped lite fusion network scores below the temporal blend (README, Evaluation).
		private boolean fusion = DEFAULT_FUSION;

		private Builder() {}

		/** @param k memory entries read per query position, &ge; 1; 0 = scaled with the resolution */
		public Builder optTopK(final int k) {
			topK = k;
			return this;
		}

		/** @param every every how many propagated frames one joins the memory, &ge; 1 */
		public Builder optMemEvery(final int every) {
			memEvery = every;
			return this;
		}

		/** @param frames most frames in the memory bank, &ge; 2 */
		public Builder optMaxMemoryFrames(final int frames) {
			maxMemoryFrames = frames;
			return this;
		}

		/** @param size longest processed side in pixels, &ge; {@value Resampler#MIN_SIDE}; 0 = never downscale */
		public Builder optProcessingSize(final int size) {
			processingSize = size;
			return this;
		}

		/** @param percentile 0..100, below the high percentile */
		public Builder optLowPercentile(final double percentile) {
			lowPercentile = percentile;
			return this;
		}

		/** @param percentile 0..100, above the low percentile */
		public Builder optHighPercentile(final double percentile) {
			highPercentile = percentile;
			return this;
		}

		public Builder optDevice(final DeviceChoice choice) {
			device = choice;
			return this;
		}

		/** @param n CPU threads, &ge; 1; 0 = all cores */
		public Builder optThreads(final int n) {
			threads = n;
			return this;
		}

		/** @param name model name as listed in the model manifest */
		public Builder optModelName(final String name) {
			modelName = name;
			return this;
		}

		public Builder optFusion(final boolean on) {
			fusion = on;
			return this;
		}

		/**
		 * @return the settings
		 * @throws MivosException naming the first bad field
		 */
		public EngineSettings build() {
			if (topK < 0) throw bad("top_k", topK, "must be 0 (auto) or positive");
			if (memEvery < 1) throw bad("mem_every", memEvery, "must be at least 1");
			if (maxMemoryFrames < 2) throw bad("max_memory_frames", maxMemoryFrames, "must be at least 2");
			if (processingSize != 0 && processingSize < Resampler.MIN_SIDE) throw bad("processing_size",
				processingSize, "must be 0 (never downscale) or at least " + Resampler.MIN_SIDE);
			if (!(lowPercentile >= 0 && lowPercentile < 100)) throw bad("low_percentile", lowPercentile,
				"must be in 0..100");
			if (!(highPercentile > 0 && highPercentile <= 100)) throw bad("high_percentile", highPercentile,
				"must be in 0..100");
			if (lowPercentile >= highPercentile) throw new MivosException("Setting low_percentile (" + lowPercentile +
				") must be below high_percentile (" + highPercentile + ")");
			if (device == null) throw new MivosException("Setting device is missing; use cpu or gpu");
			if (threads < 0) throw bad("threads", threads, "must be 0 (all cores) or positive");
			if (modelName == null || !MODEL_NAME.matcher(modelName).matches()) throw new MivosException(
				"Setting model '" + modelName + "' is not a model name (letters, digits, '.', '_', '-')");
			return new EngineSettings(this);
		}

		private static MivosException bad(final String field, final Object value, final String rule) {
			return new MivosException("Setting " + field + " = " + value + " " + rule);
		}
	}
}
