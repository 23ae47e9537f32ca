package sc.fiji.mivos.ui;

/** What a drag on the image does with the interactive tool. */
enum ToolMode {
	/** A stroke for Scribble-to-Mask: left = positive, right or alt = negative. */
	SCRIBBLE("Scribble"),
	/** Paints the selected object's mask. */
	BRUSH("Brush"),
	/** Erases the selected object's mask. */
	ERASER("Eraser"),
	/** Draws the box that restricts later strokes; a click clears it. */
	REGION("Region");

	final String label;

	ToolMode(final String label) {
		this.label = label;
	}
}
