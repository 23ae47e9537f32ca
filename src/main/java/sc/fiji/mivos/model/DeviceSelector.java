package sc.fiji.mivos.model;

import ai.djl.Device;
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

	/** @return the device to run on for {@code wish}; never fails, falls back to the CPU with a warning */
	public static Selection select(final DeviceChoice wish) {
		if (wish == DeviceChoice.GPU) {
			if (PyTorchRuntime.engine().getGpuCount() > 0) return new Selection(Device.gpu(), DeviceChoice.GPU, null);
			return new Selection(Device.cpu(), DeviceChoice.CPU, NO_GPU_WARNING);
		}
		return new Selection(Device.cpu(), DeviceChoice.CPU, null);
	}
}
