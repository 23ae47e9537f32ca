package sc.fiji.mivos.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScribbleNameTest {

	@Test
	void bareIdAndPlusArePositive() {
		assertEquals(new ScribbleName(3, Polarity.POSITIVE), ScribbleName.parse("3"));
		assertEquals(new ScribbleName(3, Polarity.POSITIVE), ScribbleName.parse("3+"));
	}

	@Test
	void minusIsNegativeForThatObject() {
		assertEquals(new ScribbleName(3, Polarity.NEGATIVE), ScribbleName.parse("3-"));
	}

	@Test
	void bgIsNegativeForAllObjectsInAnyCase() {
		for (final String bg : new String[] { "bg", "BG", "Bg", "bg whatever" }) {
			final ScribbleName n = ScribbleName.parse(bg);
			assertEquals(Scribble.ALL_OBJECTS, n.objectId(), bg);
			assertEquals(Polarity.NEGATIVE, n.polarity(), bg);
			assertTrue(n.isBackground());
		}
	}

	@Test
	void textAfterTheFirstSpaceIsIgnored() {
		assertEquals(new ScribbleName(12, Polarity.NEGATIVE), ScribbleName.parse("12- not the left cell"));
		assertEquals(new ScribbleName(7, Polarity.POSITIVE), ScribbleName.parse(" 7\tnucleus "));
	}

	@Test
	void largeIdsAreAccepted() {
		assertEquals(1_000_000, ScribbleName.parse("1000000+").objectId());
		assertEquals(Integer.MAX_VALUE, ScribbleName.parse(Integer.toString(Integer.MAX_VALUE)).objectId());
	}

	@Test
	void badNamesAreRejectedNamingTheNameAndTheConvention() {
		for (final String name : new String[] { "", " ", "abc", "3x", "-3", "0", "0+", "+", "-", "3+-", "2147483648",
			"99999999999", "b g", "bg+", "1.5", "+3" })
		{
			final MivosException e = assertThrows(MivosException.class, () -> ScribbleName.parse(name), name);
			assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
			assertTrue(e.getMessage().contains("'bg'"), e.getMessage());
		}
	}

	@Test
	void nullNameIsRejected() {
		final MivosException e = assertThrows(MivosException.class, () -> ScribbleName.parse(null));
		assertTrue(e.getMessage().contains("no name"), e.getMessage());
	}

	@Test
	void printsTheCanonicalForm() {
		assertEquals("3+", ScribbleName.parse("3").toString());
		assertEquals("3-", ScribbleName.parse("3- x").toString());
		assertEquals("bg", ScribbleName.parse("BG").toString());
	}
}
