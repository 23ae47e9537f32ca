package sc.fiji.mivos.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import ai.djl.Device;
import sc.fiji.mivos.core.DeviceChoice;
import sc.fiji.mivos.core.EngineSettings;

class DeviceSelectorTest {

	@Test
	void cpuIsTakenAsIs() {
		final DeviceSelector.Selection s = DeviceSelector.select(DeviceChoice.CPU);
		assertEquals(Device.cpu(), s.device());
		assertEquals(DeviceChoice.CPU, s.choice());
		assertNull(s.warning());
	}

	@Test
	void gpuWithoutCudaFallsBackToCpuWithOneWarning() {
		assumeTrue(PyTorchRuntime.engine().getGpuCount() == 0, "this machine has a CUDA device");
		final DeviceSelector.Selection s = DeviceSelector.select(DeviceChoice.GPU);
		assertEquals(Device.cpu(), s.device());
		assertEquals(DeviceChoice.CPU, s.choice());
		assertEquals(DeviceSelector.NO_GPU_WARNING, s.warning());
		assertEquals(1, s.warning().lines().count());
	}

	@Test
	void reportNamesTheBundledCpuBuild() {
		final DeviceSelector.GpuReport r = DeviceSelector.report();
		assumeTrue(r.systemGpus() == 0, "this machine has a CUDA device");
		assertEquals(0, r.pytorchGpus());
		assertEquals("cpu", r.flavour());
		assertNull(r.cudaVersion());
		assertTrue(Files.exists(r.library().resolve(System.mapLibraryName("torch"))), r.library().toString());
	}

	@Test
	void networksReportTheFallback() {
		ShippedModel.assumePresent();
		assumeTrue(PyTorchRuntime.engine().getGpuCount() == 0, "this machine has a CUDA device");
		try (MivosNetworks nets = MivosNetworks.load(EngineSettings.builder().optDevice(DeviceChoice.GPU).build())) {
			assertEquals(DeviceChoice.CPU, nets.device());
			assertEquals(DeviceSelector.NO_GPU_WARNING, nets.deviceWarning());
		}
	}
}
