package sc.fiji.mivos.io;

import java.util.List;

import sc.fiji.mivos.core.EngineSettings;
import sc.fiji.mivos.core.PackedLabels;
import sc.fiji.mivos.core.ScribbleSet;
import sc.fiji.mivos.core.TrackedObject;
import sc.fiji.mivos.engine.SessionState;

/**
 * Everything an interactive session file holds: enough to reopen the image and carry on exactly where the user
 * stopped.
 *
 * @param imagePath where the image was read from, or {@code null} for an image never saved
 * @param imageTitle the image's title
 * @param width image width in pixels
 * @param height image height in pixels
 * @param frames time points
 * @param channel 1-based channel segmented
 * @param slice 1-based Z slice segmented
 * @param settings the engine settings the session ran with
 * @param objects the listed objects, in list order
 * @param strokes every stroke drawn, 0-based frames
 * @param engine the engine's bookkeeping
 * @param labels per frame its labels
 */
public record SavedSession(String imagePath, String imageTitle, int width, int height, int frames, int channel,
	int slice, EngineSettings settings, List<TrackedObject> objects, ScribbleSet strokes, SessionState engine,
	List<PackedLabels> labels)
{

	public SavedSession {
		objects = List.copyOf(objects);
		labels = List.copyOf(labels);
	}
}
