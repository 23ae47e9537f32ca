package sc.fiji.mivos.core;

/**
 * An object the user segments, as listed to them: its id (the value in the label image), a name and a display colour.
 *
 * @param id object id &ge; 1
 * @param name shown name, never blank
 * @param rgb display colour, {@code 0xRRGGBB}
 */
public record TrackedObject(int id, String name, int rgb) {

	public TrackedObject {
		if (id < 1) throw new MivosException("Object id " + id + " must be at least 1");
		if (name == null || name.isBlank()) throw new MivosException("Object " + id + " needs a name");
		rgb &= 0xffffff;
	}

	public TrackedObject withName(final String newName) {
		return new TrackedObject(id, newName, rgb);
	}

	public TrackedObject withColour(final int newRgb) {
		return new TrackedObject(id, name, newRgb);
	}
}
