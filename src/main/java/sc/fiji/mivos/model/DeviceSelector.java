package sc.fiji.mivos.model;

import java.nio.file.Path;
import java.nio.file.Paths;

import ai.djl.Device;
import ai.djl.pytorch.jni.LibUtils;
import ai.djl.util.Platform;
import ai.djl.util.Utils;
import ai.djl.util.cuda.CudaUtils;
import sc.fiji.mivos.core.DeviceChoice;

/** Turns a device wish into a DJL device: a GPU when asked for and CUDA has one, otherwise the CPU. */
public final class DeviceSelector {

	/** Warning given when a GPU was requested but none can be used. */
	public static final String NO_GPU_WARNING =
		"GPU requested but no CUDA device is available to PyTorch; running on the CPU";

	private DeviceSelector() {}

	/**
	 * @param device the device used
	 * @param choice what it is, as a user choice
	 * @param warning one line explaining a fallback, or {@code null}
	 */
	public record Selection(Device device, DeviceChoice choice, String warning) {}

	/**
	 * What the PyTorch engine and the system say about CUDA.
	 *
	 * @param pytorchGpus CUDA devices PyTorch can use (0 with a CPU build of PyTorch)
	 * @param systemGpus CUDA devices the CUDA runtime of the system reports (0 without one)
	 * @param cudaVersion version of that CUDA runtime, or {@code null} without one
	 * @param flavour the PyTorch build DJL loaded: {@code cpu}, or a CUDA build such as {@code cu128}
	 * @param library the folder DJL loaded libtorch from
	 */
	public record GpuReport(int pytorchGpus, int systemGpus, String cudaVersion, String flavour, Path library) {}

	/** @return the CUDA devices and the PyTorch build in use; starts the engine */
	public static GpuReport report() {
		final int pytorchGpus = PyTorchRuntime.engine().getGpuCount();
		final boolean cuda = CudaUtils.hasCuda();
		final Path library = Paths.get(LibUtils.getLibtorchPath());
		return new GpuReport(pytorchGpus, cuda ? CudaUtils.getGpuCount() : 0, cuda ? CudaUtils.getCudaVersionString()
			: null, flavour(library), library);
	}

	/**
	 * DJL extracts a bundled build into {@code <cache>/pytorch/<version>-<flavour>-<classifier>}; a libtorch of the
	 * user's own (PYTORCH_LIBRARY_PATH) is the flavour named by PYTORCH_FLAVOR, whose default in DJL is
	 * {@code cpu-precxx11}.
	 */
	private static String flavour(final Path library) {
		final Platform platform = Platform.detectPlatform("pytorch");
		final String name = library.getFileName().toString();
		final String prefix = platform.getVersion() + "-", suffix = "-" + platform.getClassifier();
		if (library.getParent() != null && library.getParent().equals(Utils.getEngineCacheDir("pytorch")) && name
			.startsWith(prefix) && name.endsWith(suffix) && name.length() > prefix.length() + suffix.length())
			return name.substring(prefix.length(), name.length() - suffix.length());
		final String env = System.getenv("PYTORCH_FLAVOR");
		final String flavour = env != null ? env : System.getProperty("PYTORCH_FLAVOR");
		return flavour != null ? flavour : "cpu-precxx11";
	}

	/** @return the device to run on for {@code wish}; never fails, falls back to the CPU with a warning */
	public static Selection select(final DeviceChoice wish) {
		if (wish == DeviceChoice.GPU) {
			if (PyTorchRuntime.engine().getGpuCount() > 0) return new Selection(Device.gpu(), DeviceChoice.GPU, null);
			return new Selection(Device.cpu(), DeviceChoice.CPU, NO_GPU_WARNING);
		}
		return new Selection(Device.cpu(), DeviceChoice.CPU, null);
	}
}
