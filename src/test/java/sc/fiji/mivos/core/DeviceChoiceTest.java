package sc.fiji.mivos.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeviceChoiceTest {

	@Test
	void parsesIgnoringCase() {
		assertEquals(DeviceChoice.CPU, DeviceChoice.parse("cpu"));
		assertEquals(DeviceChoice.GPU, DeviceChoice.parse(" GPU "));
		assertEquals(DeviceChoice.GPU, DeviceChoice.parse("Gpu"));
	}

	@Test
	void rejectsOtherNames() {
		final MivosException e = assertThrows(MivosException.class, () -> DeviceChoice.parse("cuda"));
		assertTrue(e.getMessage().contains("'cuda'"), e.getMessage());
		assertThrows(MivosException.class, () -> DeviceChoice.parse(null));
	}
}
