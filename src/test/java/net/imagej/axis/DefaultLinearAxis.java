package net.imagej.axis;

/** Test stand-in for ImageJ2's linear axis: calibrated = origin + scale * raw. */
public final class DefaultLinearAxis {

	public final AxisType type;
	public final String unit;
	public final double scale;
	public final double origin;

	public DefaultLinearAxis(final AxisType type, final String unit, final double scale, final double origin) {
		this.type = type;
		this.unit = unit;
		this.scale = scale;
		this.origin = origin;
	}
}
