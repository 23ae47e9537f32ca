package sc.fiji.mivos.io.gt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.core.MivosException;

/**
 * Reads a Cell Tracking Challenge segmentation folder and links its per-frame labels to the tracks of the sibling
 * {@code TRA} folder; see {@link GroundTruthReader}.
 */
final class CtcGroundTruth {

	private final Path seg;
	private final int width;
	private final int height;
	private final int frames;
	private final List<String> notes;

	CtcGroundTruth(final Path seg, final int width, final int height, final int frames, final List<String> notes) {
		this.seg = seg;
		this.width = width;
		this.height = height;
		this.frames = frames;
		this.notes = notes;
	}

	GroundTruth read() {
		final SortedMap<Integer, Path> segFiles = FrameFiles.list(seg, "man_seg");
		if (segFiles.isEmpty()) throw new MivosException("No man_seg*.tif files in " + seg);
		final Path tra = seg.toAbsolutePath().getParent().resolve("TRA");
		final SortedMap<Integer, Path> traFiles = Files.isDirectory(tra) ? FrameFiles.list(tra, "man_track")
			: new TreeMap<>();
		final Path trackFile = tra.resolve("man_track.txt");
		final SortedMap<Integer, GroundTruth.Track> lineage = Files.isRegularFile(trackFile) ? TrackTable.read(
			trackFile) : new TreeMap<>();
		if (isSilver()) notes.add("Silver truth: the segmentation in " + seg.getFileName() +
			" is computer-generated, not manual");
		final boolean linked = !traFiles.isEmpty();
		final LabelStack labels = new LabelStack(width, height, frames);
		final SortedSet<Integer> annotated = new TreeSet<>();
		final List<String> beyond = new ArrayList<>();
		int objects = 0, withoutTrack = 0, untracked = 0, framesWithoutTra = 0, maxId = 0;
		for (final Map.Entry<Integer, Path> e : segFiles.entrySet()) {
			final int t = e.getKey();
			if (t >= frames) {
				beyond.add(e.getValue().getFileName().toString());
				continue;
			}
			final int[] s = GroundTruthReader.singlePlane(LabelImageFile.read(e.getValue(), width, height)).planes()
				.get(0);
			if (linked) {
				final Path markers = traFiles.get(t);
				if (markers == null) framesWithoutTra++;
				final int[] m = markers == null ? new int[s.length] : GroundTruthReader.singlePlane(LabelImageFile.read(
					markers, width, height)).planes().get(0);
				final Link link = link(s, m);
				objects += link.objects();
				withoutTrack += link.withoutTrack();
				untracked += link.untrackedMarkers();
				for (int i = 0; i < s.length; i++) {
					if (s[i] != 0) s[i] = link.ids().get(s[i]);
					maxId = Math.max(maxId, m[i]);
				}
			}
			for (final int v : s)
				maxId = Math.max(maxId, v);
			labels.setFrame(t, s);
			annotated.add(t);
		}
		GroundTruthReader.noteBeyond(beyond, frames, notes);
		if (annotated.isEmpty()) throw new MivosException("No man_seg file in " + seg + " names a frame below " +
			frames);
		if (linked) {
			final int firstFresh = Math.max(maxId, lineage.isEmpty() ? 0 : lineage.lastKey()) + 1;
			giveFreshIds(labels, annotated, firstFresh);
			notes.add("Linked " + (objects - withoutTrack) + " of " + objects + " segmented objects to TRA tracks" +
				(withoutTrack > 0 ? "; " + withoutTrack + " without a track got ids of their own from " + firstFresh
					: ""));
			if (framesWithoutTra > 0) notes.add(framesWithoutTra +
				" annotated frame(s) have no TRA marker image: their objects have per-frame ids");
			if (untracked > 0) notes.add(untracked + " tracked cell(s) in annotated frames have no SEG mask (partial" +
				" annotation): SEG is unaffected, J/F count predictions there as false positives");
		}
		else notes.add("No TRA markers beside " + seg.getFileName() +
			": SEG labels are per frame and may change between frames; use SEG rather than per-object J/F");
		return new GroundTruth(labels, annotated, GroundTruth.CTC, linked && framesWithoutTra == 0 &&
			withoutTrack == 0, lineage, notes);
	}

	private boolean isSilver() {
		final Path parent = seg.toAbsolutePath().getParent();
		return seg.getFileName().toString().equals("ST_SEG") || parent != null && parent.getFileName() != null &&
			parent.getFileName().toString().endsWith("_ST");
	}

	/**
	 * @param ids SEG label → track id, or minus the SEG label when the object has no track
	 * @param objects SEG objects in the frame
	 * @param withoutTrack objects without a track
	 * @param untrackedMarkers TRA markers overlapped by no SEG object
	 */
	private record Link(Map<Integer, Integer> ids, int objects, int withoutTrack, int untrackedMarkers) {}

	/** Each SEG object takes the marker it overlaps most; a marker claimed twice goes to the larger overlap. */
	private static Link link(final int[] seg, final int[] markers) {
		final Map<Long, Integer> overlap = new HashMap<>();
		final SortedSet<Integer> segIds = new TreeSet<>(), markerIds = new TreeSet<>();
		// NB: objects come in runs along rows; counting runs keeps the map and set updates few
		for (int start = 0, i = 1; i <= seg.length; i++) {
			if (i < seg.length && seg[i] == seg[start] && markers[i] == markers[start]) continue;
			final int s = seg[start], m = markers[start];
			if (m != 0) markerIds.add(m);
			if (s != 0) segIds.add(s);
			if (s != 0 && m != 0) overlap.merge((long) s << 32 | m, i - start, Integer::sum);
			start = i;
		}
		// best[s] = {marker, overlap}
		final Map<Integer, int[]> best = new HashMap<>();
		overlap.forEach((key, n) -> {
			final int s = (int) (key >> 32), m = (int) (long) key;
			final int[] b = best.get(s);
			if (b == null || n > b[1] || n == b[1] && m < b[0]) best.put(s, new int[] { m, n });
		});
		// owner[m] = {segment, overlap}
		final Map<Integer, int[]> owner = new HashMap<>();
		for (final int s : segIds) {
			final int[] b = best.get(s);
			if (b == null) continue;
			final int[] o = owner.get(b[0]);
			if (o == null || b[1] > o[1]) owner.put(b[0], new int[] { s, b[1] });
		}
		final Map<Integer, Integer> ids = new HashMap<>();
		for (final int s : segIds)
			ids.put(s, -s);
		owner.forEach((m, o) -> ids.put(o[0], m));
		int withoutTrack = 0;
		for (final int id : ids.values())
			if (id < 0) withoutTrack++;
		final SortedSet<Integer> untracked = new TreeSet<>(markerIds);
		for (final long key : overlap.keySet())
			untracked.remove((int) key);
		return new Link(ids, segIds.size(), withoutTrack, untracked.size());
	}

	/** Replaces the negative placeholders of objects without a track by fresh ids, frame by frame. */
	private static void giveFreshIds(final LabelStack labels, final SortedSet<Integer> frames, final int first) {
		int next = first;
		for (final int t : frames) {
			final int[] f = labels.frame(t);
			final SortedMap<Integer, Integer> fresh = new TreeMap<>();
			for (final int v : f)
				if (v < 0) fresh.putIfAbsent(-v, 0);
			if (fresh.isEmpty()) continue;
			for (final int s : fresh.keySet())
				fresh.put(s, next++);
			for (int i = 0; i < f.length; i++)
				if (f[i] < 0) f[i] = fresh.get(-f[i]);
			labels.setFrame(t, f);
		}
	}
}
