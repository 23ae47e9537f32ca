/**
 * Pure Java and ImgLib2 core: masks, scribbles, memory policy, propagation and fusion schedules, metrics and
 * settings. Nothing here may import DJL, ImageJ 1.x, Swing or AWT.
 */
package sc.fiji.mivos.core;
