package sc.fiji.mivos.model;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The one way into DJL's PyTorch engine: fixes the process environment first, keeps DJL offline (no model zoo or
 * usage probes over the network, whoever started the JVM), then starts the engine.
 */
final class PyTorchRuntime {

	static final String ENGINE = "PyTorch";

	private PyTorchRuntime() {}

	/** @return the PyTorch engine, started after {@link OneDnnIsaLimit#apply()} */
	static Engine engine() {
		OneDnnIsaLimit.apply();
		System.setProperty("ai.djl.offline", "true");
		System.setProperty("OPT_OUT_TRACKING", "true");
		return Engine.getEngine(ENGINE);
	}

	/**
	 * Prepares the calling thread for inference: libtorch keeps gradient mode per thread, and DJL only switches it off
	 * on the thread that started the engine.
	 */
	static void prepareThread() {
		if (JniUtils.isGradMode()) JniUtils.setGradMode(false);
	}

	/** @param threads intra-op threads, &ge; 1 */
	static void setThreads(final int threads) {
		engine();
		JniUtils.setNumThreads(threads);
	}

	/** @return intra-op threads in use */
	static int threads() {
		engine();
		return JniUtils.getNumThreads();
	}
}
