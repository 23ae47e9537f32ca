package net.imagej.axis;

/** Test stand-in for ImageJ2's axis type. */
public interface AxisType {}
