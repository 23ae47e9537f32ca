package sc.fiji.mivos.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import sc.fiji.mivos.core.MivosException;

class AucTest {

	@Test
	void roundsUseTheTrapezoidOnNormalisedX() {
		assertEquals(0.7, Auc.overRounds(0.7));
		assertEquals(0.5, Auc.overRounds(0, 1), 1e-12);
		assertEquals(0.75, Auc.overRounds(0, 1, 1), 1e-12);
		assertEquals(0.6, Auc.overRounds(0.6, 0.6, 0.6, 0.6), 1e-12);
		assertThrows(MivosException.class, () -> Auc.overRounds());
		assertThrows(MivosException.class, () -> Auc.overRounds(0.5, Double.NaN));
	}

	@Test
	void timeUsesAStepCurve() {
		final double[] t = { 10, 30, 90 };
		final double[] s = { 0.5, 0.8, 0.9 };
		// 0 for 10 s, 0.5 for 20 s, 0.8 for 30 s; the result at 90 s is past the budget
		assertEquals((0.5 * 20 + 0.8 * 30) / 60, Auc.overTime(t, s, 60), 1e-12);
		assertEquals((0.5 * 20 + 0.8 * 60 + 0.9 * 10) / 100, Auc.overTime(t, s, 100), 1e-12);
		assertEquals(0, Auc.atTime(t, s, 5));
		assertEquals(0.8, Auc.atTime(t, s, 60));
		assertEquals(0.5, Auc.atTime(t, s, 10));
		assertEquals(0.7, Auc.overTime(new double[] { 0 }, new double[] { 0.7 }, 60), 1e-12);
	}

	@Test
	void badCurvesAreRefused() {
		assertThrows(MivosException.class, () -> Auc.overTime(new double[] { 1 }, new double[] { 1, 2 }, 60));
		assertThrows(MivosException.class, () -> Auc.overTime(new double[] { 5, 1 }, new double[] { 1, 2 }, 60));
		assertThrows(MivosException.class, () -> Auc.overTime(new double[] { 1 }, new double[] { 1 }, 0));
	}
}
