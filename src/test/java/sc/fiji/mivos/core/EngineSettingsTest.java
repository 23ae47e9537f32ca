package sc.fiji.mivos.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EngineSettingsTest {

	@Test
	void defaultsAreDocumented() {
		final EngineSettings s = EngineSettings.defaults();
		assertEquals(0, s.topK());
		assertEquals(5, s.memEvery());
		assertEquals(20, s.maxMemoryFrames());
		assertEquals(1024, s.processingSize());
		assertEquals(1.0, s.lowPercentile());
		assertEquals(99.8, s.highPercentile());
		assertEquals(DeviceChoice.CPU, s.device());
		assertEquals(0, s.threads());
		assertEquals("lite", s.modelName());
		assertEquals(false, s.fusion());
	}

	@Test
	void builderRoundTripsAndValueSemantics() {
		final EngineSettings s = EngineSettings.builder().optTopK(30).optMemEvery(3).optMaxMemoryFrames(7)
			.optProcessingSize(0).optLowPercentile(2).optHighPercentile(98).optDevice(DeviceChoice.GPU).optThreads(2)
			.optModelName("mivos").optFusion(true).build();
		assertEquals(30, s.topK());
		assertEquals(3, s.memEvery());
		assertEquals(7, s.maxMemoryFrames());
		assertEquals(0, s.processingSize());
		assertEquals(2.0, s.lowPercentile());
		assertEquals(98.0, s.highPercentile());
		assertEquals(DeviceChoice.GPU, s.device());
		assertEquals(2, s.threads());
		assertEquals("mivos", s.modelName());
		assertTrue(s.fusion());
		final EngineSettings copy = s.toBuilder().build();
		assertEquals(s, copy);
		assertEquals(s.hashCode(), copy.hashCode());
		assertNotEquals(s, s.toBuilder().optTopK(31).build());
		assertNotEquals(EngineSettings.defaults(), s);
	}

	@Test
	void invalidFieldsAreNamed() {
		assertMessage("top_k", EngineSettings.builder().optTopK(-1));
		assertMessage("mem_every", EngineSettings.builder().optMemEvery(0));
		assertMessage("max_memory_frames", EngineSettings.builder().optMaxMemoryFrames(1));
		assertMessage("processing_size", EngineSettings.builder().optProcessingSize(64));
		assertMessage("low_percentile", EngineSettings.builder().optLowPercentile(-1));
		assertMessage("high_percentile", EngineSettings.builder().optHighPercentile(101));
		assertMessage("low_percentile", EngineSettings.builder().optLowPercentile(50).optHighPercentile(40));
		assertMessage("device", EngineSettings.builder().optDevice(null));
		assertMessage("threads", EngineSettings.builder().optThreads(-2));
		assertMessage("model", EngineSettings.builder().optModelName("../x"));
		assertMessage("model", EngineSettings.builder().optModelName(""));
	}

	@Test
	void effectiveTopKScalesWithResolution() {
		final EngineSettings auto = EngineSettings.defaults();
		assertEquals(50, auto.effectiveTopK(480, 854));
		assertTrue(auto.effectiveTopK(1024, 1024) > auto.effectiveTopK(512, 512));
		assertEquals(16, auto.effectiveTopK(64, 64));
		assertEquals(7, EngineSettings.builder().optTopK(7).build().effectiveTopK(1024, 1024));
	}

	private static void assertMessage(final String field, final EngineSettings.Builder b) {
		final MivosException e = assertThrows(MivosException.class, b::build);
		assertTrue(e.getMessage().contains(field), e.getMessage());
	}
}
