package sc.fiji.mivos.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.GraphicsEnvironment;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import ij.Macro;
import ij.Prefs;
import sc.fiji.mivos.core.DeviceChoice;
import sc.fiji.mivos.core.EngineSettings;
import sc.fiji.mivos.core.MivosException;

/** The MiVOS Settings dialog, filled from macro options as a recorded macro does, and the remembered settings. */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SettingsTest {

	/** Runs the dialog with macro options on this thread (ImageJ reads them only on a "Run$_" thread). */
	private static EngineSettings dialog(final String options) {
		final Thread me = Thread.currentThread();
		final String name = me.getName();
		me.setName("Run$_settings");
		try {
			Macro.setOptions(options);
			return MivosSettingsPlugIn.ask(EngineSettings.defaults());
		}
		finally {
			Macro.setOptions(null);
			me.setName(name);
		}
	}

	@Test
	void theDialogReadsTheMacroKeys() {
		assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display: run under xvfb-run");
		final EngineSettings s = dialog("model=lite device=gpu threads=3 processing_size=256 top_k=20 mem_every=4 " +
			"max_memory_frames=10 fusion");
		assertEquals(EngineSettings.builder().optDevice(DeviceChoice.GPU).optThreads(3).optProcessingSize(256).optTopK(
			20).optMemEvery(4).optMaxMemoryFrames(10).optFusion(true).build(), s);
		final MivosException e = assertThrows(MivosException.class, () -> dialog("model=lite device=cpu threads=1 " +
			"processing_size=512 top_k=0 mem_every=0 max_memory_frames=20"));
		assertTrue(e.getMessage().contains("mem_every"), e.getMessage());
	}

	@Test
	void settingsAreRemembered() {
		final EngineSettings s = EngineSettings.builder().optThreads(2).optTopK(30).optMemEvery(3).optMaxMemoryFrames(
			12).optProcessingSize(384).optFusion(true).build();
		SettingsPrefs.store(s);
		assertEquals(s, SettingsPrefs.load());
		Prefs.set(SettingsPrefs.PREFIX + "mem_every", 0);
		assertEquals(EngineSettings.defaults(), SettingsPrefs.load(), "invalid remembered settings give the defaults");
		SettingsPrefs.store(EngineSettings.defaults());
	}
}
