package sc.fiji.mivos.core;

import java.util.Locale;
import java.util.Objects;

/**
 * What a scribble's name says: which object it is about and whether it is positive or negative. This is the naming
 * convention users follow when they name ROIs (ROI Manager, overlay, JSON strokes):
 * <ul>
 * <li>{@code 3} or {@code 3+}: positive for object 3,</li>
 * <li>{@code 3-}: negative for object 3,</li>
 * <li>{@code bg} (any case): negative for every object.</li>
 * </ul>
 * Anything after the first space is a free label and is ignored, so {@code "3+ left nucleus"} reads as {@code 3+}.
 *
 * @param objectId object id &ge; 1, or {@link Scribble#ALL_OBJECTS} for "bg"
 * @param polarity positive or negative; always negative for "bg"
 */
public record ScribbleName(int objectId, Polarity polarity) {

	/** The convention in one line, quoted in every parse error. */
	public static final String CONVENTION = "expected '<id>' or '<id>+' (positive), '<id>-' (negative) or 'bg', " +
		"with <id> a whole number from 1 to " + Integer.MAX_VALUE + ", optionally followed by a space and a label";

	public ScribbleName {
		Objects.requireNonNull(polarity, "polarity");
		if (objectId < 0) throw new IllegalArgumentException("object id " + objectId + " is negative");
		if (objectId == Scribble.ALL_OBJECTS && polarity != Polarity.NEGATIVE) throw new IllegalArgumentException(
			"a background name must be negative");
	}

	/**
	 * Reads a ROI name.
	 *
	 * @param roiName the name as the user typed it; leading and trailing blanks are ignored
	 * @return the object and polarity it names
	 * @throws MivosException naming {@code roiName} and the convention when the name does not follow it
	 */
	public static ScribbleName parse(final String roiName) {
		if (roiName == null) throw new MivosException("A scribble has no name; " + CONVENTION);
		final String trimmed = roiName.strip();
		final int space = firstBlank(trimmed);
		final String head = space < 0 ? trimmed : trimmed.substring(0, space);
		if (head.toLowerCase(Locale.ROOT).equals("bg")) return new ScribbleName(Scribble.ALL_OBJECTS,
			Polarity.NEGATIVE);
		Polarity polarity = Polarity.POSITIVE;
		String digits = head;
		if (head.endsWith("+") || head.endsWith("-")) {
			polarity = head.endsWith("+") ? Polarity.POSITIVE : Polarity.NEGATIVE;
			digits = head.substring(0, head.length() - 1);
		}
		if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9'))
			throw bad(roiName);
		final long id = Long.parseLong(digits);
		if (id < 1 || id > Integer.MAX_VALUE) throw bad(roiName);
		return new ScribbleName((int) id, polarity);
	}

	/** @return whether this is a "bg" name (negative for every object) */
	public boolean isBackground() {
		return objectId == Scribble.ALL_OBJECTS;
	}

	/** @return the canonical form: {@code bg}, {@code 3+} or {@code 3-} */
	@Override
	public String toString() {
		return isBackground() ? "bg" : objectId + (polarity == Polarity.POSITIVE ? "+" : "-");
	}

	private static int firstBlank(final String s) {
		for (int i = 0; i < s.length(); i++)
			if (Character.isWhitespace(s.charAt(i))) return i;
		return -1;
	}

	private static MivosException bad(final String roiName) {
		return new MivosException("Scribble name '" + roiName + "' does not follow the naming convention: " +
			CONVENTION);
	}
}
