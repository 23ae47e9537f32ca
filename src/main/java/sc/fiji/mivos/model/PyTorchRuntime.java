package sc.fiji.mivos.model;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The one way into DJL's PyTorch engine: fixes the process environment first, keeps DJL offline (no model zoo or
 * usage probes over the network, whoever started the JVM), then starts the engine.
 */
final class PyTorchRuntime {

	static final String ENGINE = "PyTorch";
	/** DJL reads this property once, when the PyTorch engine starts. */
	private static final String INTEROP_PROPERTY = "ai.djl.pytorch.num_interop_threads";

	private PyTorchRuntime() {}

	/** @return the PyTorch engine, started after {@link OneDnnIsaLimit#apply()} */
	static Engine engine() {
		OneDnnIsaLimit.apply();
		System.setProperty("ai.djl.offline", "true");
		System.setProperty("OPT_OUT_TRACKING", "true");
		return Engine.getEngine(ENGINE);
	}

	/**
	 * Prepares the calling thread for inference: libtorch keeps gradient mode and the TorchScript graph optimiser
	 * switch per thread, and DJL only sets them on its own call paths. The stages are called with
	 * {@code IValueUtils.runMethod}, so both are set here.
	 */
	static void prepareThread() {
		if (JniUtils.isGradMode()) JniUtils.setGradMode(false);
		// NB: the profiling graph executor re-optimises for every new input shape (object counts, memory sizes
		// change all the time here) and its fused CPU kernels run the small lite convolutions slower; measured
		// with ./mivos bench: 7.2 -> 12 frames/s propagation, 92 -> 62 ms S2M at 512x512 on 2 cores.
		JniUtils.setGraphExecutorOptimize(false);
	}

	/**
	 * Sets the CPU threads libtorch uses inside an operation (intra-op). The inter-op pool, which the stages do not
	 * use, gets the same size when the engine has not started yet; libtorch fixes it at start.
	 *
	 * @param threads threads, &ge; 1
	 */
	static void setThreads(final int threads) {
		if (System.getProperty(INTEROP_PROPERTY) == null) System.setProperty(INTEROP_PROPERTY, Integer.toString(
			threads));
		engine();
		JniUtils.setNumThreads(threads);
	}

	/** @return intra-op threads in use */
	static int threads() {
		engine();
		return JniUtils.getNumThreads();
	}
}
