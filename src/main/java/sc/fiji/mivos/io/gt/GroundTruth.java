package sc.fiji.mivos.io.gt;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import sc.fiji.mivos.core.LabelStack;

/**
 * Ground truth of a sequence as read by {@link GroundTruthReader}.
 *
 * @param labels object ids per frame and pixel, sized like the image; 0 = background or no annotation
 * @param annotatedFrames 0-based frames that carry ground truth (score only these); unmodifiable
 * @param layout how the files were laid out: {@link #LABEL_STACK}, {@link #LABEL_FRAMES}, {@link #DAVIS_PNG} or
 *          {@link #CTC}
 * @param consistentIds whether one id means one object in every frame (false for Cell Tracking Challenge
 *          segmentations without tracking markers, whose labels are per frame)
 * @param lineage Cell Tracking Challenge tracks by id (empty for other layouts); unmodifiable
 * @param notes one-line remarks for the user about how the files were interpreted; unmodifiable
 */
public record GroundTruth(LabelStack labels, SortedSet<Integer> annotatedFrames, String layout,
	boolean consistentIds, SortedMap<Integer, Track> lineage, List<String> notes)
{

	/** One multi-frame label TIFF, every plane annotated. */
	public static final String LABEL_STACK = "label-stack";

	/** A folder of single-frame label images, frame = last number in the file name. */
	public static final String LABEL_FRAMES = "label-frames";

	/** A folder of DAVIS-style mask PNGs (palette indices, RGB colours or binary 0/255). */
	public static final String DAVIS_PNG = "davis-png";

	/** Cell Tracking Challenge: {@code SEG/man_seg*.tif} (or {@code ST_SEG}), optionally {@code TRA}. */
	public static final String CTC = "ctc";

	/**
	 * One line of a Cell Tracking Challenge {@code man_track.txt}.
	 *
	 * @param id track label
	 * @param start first frame (0-based, as in the file)
	 * @param end last frame, inclusive
	 * @param parent label of the mother track, 0 for none
	 */
	public record Track(int id, int start, int end, int parent) {}

	public GroundTruth {
		annotatedFrames = Collections.unmodifiableSortedSet(new TreeSet<>(annotatedFrames));
		lineage = Collections.unmodifiableSortedMap(new TreeMap<>(lineage));
		notes = List.copyOf(notes);
	}

	/** @return ids of all objects in the annotated frames, ascending */
	public SortedSet<Integer> objectIds() {
		final SortedSet<Integer> ids = new TreeSet<>();
		for (final int t : annotatedFrames) {
			int last = 0;
			for (final int v : labels.frame(t))
				if (v != 0 && v != last) {
					ids.add(v);
					last = v;
				}
		}
		return ids;
	}
}
