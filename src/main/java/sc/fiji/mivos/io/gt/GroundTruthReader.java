package sc.fiji.mivos.io.gt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntUnaryOperator;

import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.core.MivosException;

/**
 * Reads ground truth for evaluation, recognising the layout by itself:
 * <ol>
 * <li><b>Cell Tracking Challenge</b> ({@link GroundTruth#CTC}): a folder holding {@code SEG/man_segNNN.tif} (or
 * {@code ST_SEG/}, silver truth), or the SEG folder itself. SEG labels are not linked over time, so each SEG object
 * takes the id of the {@code TRA/man_trackNNN.tif} marker that overlaps it most in the same frame (a marker claimed
 * by two objects goes to the larger overlap; objects without a marker get fresh ids above every track id). The
 * lineage comes from {@code TRA/man_track.txt}. Without TRA the per-frame labels are kept and
 * {@link GroundTruth#consistentIds()} is false.</li>
 * <li><b>One label stack</b> ({@link GroundTruth#LABEL_STACK}): a single TIFF whose planes are frames 0, 1, ...;
 * every plane counts as annotated.</li>
 * <li><b>A folder of per-frame label images</b> (TIFF or PNG, {@link GroundTruth#LABEL_FRAMES}): the frame is the
 * last number in the file name; frames without a file carry no ground truth. A {@code masks} sub-folder is used
 * when the folder itself holds no image.</li>
 * <li><b>DAVIS mask PNGs</b> ({@link GroundTruth#DAVIS_PNG}): such a folder of palette PNGs (ids = palette indices;
 * index 255, DAVIS "void", is background when other ids occur), RGB PNGs (colours of the DAVIS palette → their
 * palette index, other colours → 1..n in order of their packed RGB value) or binary 0/255 PNGs (255 → object
 * 1).</li>
 * </ol>
 * The binary rule (8-bit values only 0 and 255 → object 1) applies to every 8-bit layout. Files for frames at or
 * beyond {@code frames} are ignored with a note.
 */
public final class GroundTruthReader {

	private GroundTruthReader() {}

	/**
	 * @param gt a label file or a folder, see the class description
	 * @param width image width in pixels; every label image must match
	 * @param height image height in pixels
	 * @param frames number of frames of the image
	 * @return labels sized {@code width × height × frames} with the annotated frames and notes
	 * @throws MivosException when nothing readable is found, a file has the wrong size (named), file names clash or
	 *           carry no frame number, or a lineage file is malformed
	 */
	public static GroundTruth read(final Path gt, final int width, final int height, final int frames) {
		if (width <= 0 || height <= 0 || frames <= 0) throw new IllegalArgumentException("empty image " + width + "x" +
			height + "x" + frames);
		if (Files.isRegularFile(gt)) return stack(gt, width, height, frames);
		if (!Files.isDirectory(gt)) throw new MivosException("Ground truth not found: " + gt);
		final List<String> notes = new ArrayList<>();
		final Path seg = ctcSegmentation(gt, notes);
		if (seg != null) return new CtcGroundTruth(seg, width, height, frames, notes).read();
		SortedMap<Integer, Path> files = FrameFiles.list(gt, "");
		if (files.isEmpty() && Files.isDirectory(gt.resolve("masks"))) files = FrameFiles.list(gt.resolve("masks"),
			"");
		if (files.isEmpty()) throw new MivosException("No label images (.tif, .tiff, .png) in " + gt);
		return perFrame(files, width, height, frames, notes);
	}

	/** @return the CTC SEG folder under (or at) {@code folder}, or null when it is not a CTC layout */
	private static Path ctcSegmentation(final Path folder, final List<String> notes) {
		final Path gold = folder.resolve("SEG"), silver = folder.resolve("ST_SEG");
		if (Files.isDirectory(gold)) {
			if (Files.isDirectory(silver)) notes.add("Using the gold truth in SEG; ST_SEG is ignored");
			return gold;
		}
		if (Files.isDirectory(silver)) return silver;
		return FrameFiles.list(folder, "man_seg").isEmpty() ? null : folder;
	}

	private static GroundTruth stack(final Path file, final int width, final int height, final int frames) {
		final LabelImageFile image = LabelImageFile.read(file, width, height);
		final List<String> notes = new ArrayList<>();
		final IntUnaryOperator ids = idMapping(List.of(image), notes);
		final LabelStack labels = new LabelStack(width, height, frames);
		final SortedSet<Integer> annotated = new TreeSet<>();
		final int n = image.planes().size();
		for (int t = 0; t < Math.min(n, frames); t++) {
			labels.setFrame(t, apply(image.planes().get(t), ids));
			annotated.add(t);
		}
		if (n > frames) notes.add("Ignored planes " + (frames + 1) + "-" + n + " of " + file.getFileName() +
			": the image has " + frames + " frames");
		if (n < frames) notes.add(file.getFileName() + " has " + n + " planes: only the first " + n + " of " + frames +
			" frames are scored");
		return new GroundTruth(labels, annotated, GroundTruth.LABEL_STACK, true, new TreeMap<>(), notes);
	}

	private static GroundTruth perFrame(final SortedMap<Integer, Path> files, final int width, final int height,
		final int frames, final List<String> notes)
	{
		final SortedMap<Integer, LabelImageFile> images = new TreeMap<>();
		final List<String> beyond = new ArrayList<>();
		files.forEach((t, f) -> {
			if (t >= frames) beyond.add(f.getFileName().toString());
			else images.put(t, singlePlane(LabelImageFile.read(f, width, height)));
		});
		noteBeyond(beyond, frames, notes);
		if (images.isEmpty()) throw new MivosException("No ground-truth file in " + files.get(files.firstKey())
			.getParent() + " names a frame below " + frames);
		final List<LabelImageFile> all = List.copyOf(images.values());
		final IntUnaryOperator ids = idMapping(all, notes);
		final LabelStack labels = new LabelStack(width, height, frames);
		images.forEach((t, image) -> labels.setFrame(t, apply(image.planes().get(0), ids)));
		final boolean png = all.stream().allMatch(f -> f.file().getFileName().toString().toLowerCase(Locale.ROOT)
			.endsWith(".png"));
		final boolean masks = all.stream().anyMatch(f -> f.kind() == LabelImageFile.Kind.PALETTE8 || f
			.kind() == LabelImageFile.Kind.RGB) || isBinary(distinctValues(all));
		return new GroundTruth(labels, new TreeSet<>(images.keySet()), png && masks ? GroundTruth.DAVIS_PNG
			: GroundTruth.LABEL_FRAMES, true, new TreeMap<>(), notes);
	}

	/** @throws MivosException when the file has more than one plane */
	static LabelImageFile singlePlane(final LabelImageFile image) {
		if (image.planes().size() != 1) throw new MivosException("Ground-truth file " + image.file() + " has " + image
			.planes().size() + " planes; a per-frame label image must have one");
		return image;
	}

	/** Adds one note naming the files beyond the image's frames, if any. */
	static void noteBeyond(final List<String> beyond, final int frames, final List<String> notes) {
		if (beyond.isEmpty()) return;
		notes.add("Ignored " + beyond.size() + " ground-truth file(s) beyond the image's " + frames + " frames (" +
			beyond.get(0) + (beyond.size() > 1 ? " ... " + beyond.get(beyond.size() - 1) : "") + ")");
	}

	/**
	 * How raw values become object ids for a set of files read together: RGB colours through {@code ColourIds};
	 * 8-bit binary masks (only 0 and 255) → 1; palette index 255 → 0 when other ids occur; other values as they
	 * are.
	 */
	private static IntUnaryOperator idMapping(final List<LabelImageFile> files, final List<String> notes) {
		final long rgb = files.stream().filter(f -> f.kind() == LabelImageFile.Kind.RGB).count();
		if (rgb > 0 && rgb < files.size()) throw new MivosException("Ground truth mixes RGB and grey label images (" +
			files.stream().filter(f -> f.kind() == LabelImageFile.Kind.RGB).findFirst().orElseThrow().file()
				.getFileName() + " is RGB)");
		final BitSet values = distinctValues(files);
		if (rgb > 0) {
			final SortedSet<Integer> colours = new TreeSet<>();
			values.stream().forEach(colours::add);
			final ColourIds colourIds = new ColourIds(colours);
			notes.add("RGB masks: " + colourIds.size() + " colour(s) mapped to ids " + (colourIds.isPalette()
				? "by their DAVIS palette index" : "1.." + colourIds.size() + " in order of their RGB value"));
			return colourIds::id;
		}
		final boolean eightBit = files.stream().allMatch(f -> f.kind() == LabelImageFile.Kind.GREY8 || f
			.kind() == LabelImageFile.Kind.PALETTE8);
		if (eightBit && isBinary(values)) {
			notes.add("Binary masks: value 255 is object 1");
			return v -> v == 255 ? 1 : 0;
		}
		final boolean palette = files.stream().anyMatch(f -> f.kind() == LabelImageFile.Kind.PALETTE8);
		if (palette && values.get(255)) {
			notes.add("Palette index 255 (DAVIS 'void') is treated as background");
			return v -> v == 255 ? 0 : v;
		}
		return v -> v;
	}

	private static boolean isBinary(final BitSet values) {
		return values.get(255) && values.cardinality() <= 2 && values.nextSetBit(1) == 255;
	}

	private static BitSet distinctValues(final List<LabelImageFile> files) {
		final BitSet values = new BitSet();
		for (final LabelImageFile f : files)
			for (final int[] plane : f.planes())
				for (final int v : plane)
					values.set(v);
		return values;
	}

	private static int[] apply(final int[] plane, final IntUnaryOperator ids) {
		final int[] out = new int[plane.length];
		int lastValue = 0, lastId = 0;
		for (int i = 0; i < plane.length; i++) {
			final int v = plane[i];
			// NB: labels come in runs; remembering the last value avoids most calls of the mapping
			if (v != lastValue) {
				lastValue = v;
				lastId = v == 0 ? 0 : ids.applyAsInt(v);
			}
			out[i] = lastId;
		}
		return out;
	}
}
