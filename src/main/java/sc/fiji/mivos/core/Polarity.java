package sc.fiji.mivos.core;

/** Whether a scribble marks pixels that belong to an object or pixels that do not. */
public enum Polarity {
	POSITIVE, NEGATIVE
}
