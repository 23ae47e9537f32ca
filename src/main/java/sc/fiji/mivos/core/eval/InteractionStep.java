package sc.fiji.mivos.core.eval;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

import sc.fiji.mivos.core.ScribbleSet;

/**
 * What the simulated annotator does in one interaction.
 *
 * @param interaction 1-based interaction number
 * @param frame 0-based frame worked on (for mask input: the earliest frame that receives a mask)
 * @param newFrame whether the frame was newly chosen for this interaction (not the previous interaction's frame)
 * @param scribbles strokes to hand to the engine (may be empty when the frame is already perfect)
 * @param masks for mask-input protocols: per 0-based frame, row-major labels holding the objects to initialise on
 *          that frame (0 elsewhere); empty for scribble protocols; unmodifiable
 */
public record InteractionStep(int interaction, int frame, boolean newFrame, ScribbleSet scribbles,
	SortedMap<Integer, int[]> masks)
{

	public InteractionStep {
		masks = Collections.unmodifiableSortedMap(new TreeMap<>(masks));
	}

	/** @return whether the step carries nothing for the engine to do */
	public boolean isEmpty() {
		return scribbles.isEmpty() && masks.isEmpty();
	}
}
