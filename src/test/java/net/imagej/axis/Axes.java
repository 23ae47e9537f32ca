package net.imagej.axis;

/** Test stand-in for ImageJ2's predefined axis types. */
public final class Axes {

	public static final AxisType X = named("X"), Y = named("Y"), Z = named("Z"), TIME = named("Time");

	private Axes() {}

	private static AxisType named(final String name) {
		return new AxisType() {

			@Override
			public String toString() {
				return name;
			}
		};
	}
}
