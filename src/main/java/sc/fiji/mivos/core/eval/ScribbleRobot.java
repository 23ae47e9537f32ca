package sc.fiji.mivos.core.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import sc.fiji.mivos.core.Polarity;
import sc.fiji.mivos.core.Scribble;
import sc.fiji.mivos.core.ScribbleSet;

/**
 * A simulated annotator that draws scribbles from the ground truth. It is deterministic: two robots made with the
 * same seed and given the same calls in the same order draw the same pixels. Objects are visited in ascending id
 * order whatever the iteration order of the given set.
 * <p>
 * Strokes are 1 pixel wide pixel lists in image coordinates, ordered along the stroke (see {@link Scribble}); the
 * engine widens them when it rasterises.
 */
public final class ScribbleRobot {

	/** Error regions smaller than this (pixels) get no correction stroke. */
	public static final int MIN_REGION_PIXELS = 10;

	/** Distance (pixels) of the background ring from its object. */
	public static final int RING_GAP = 5;

	/** Smallest distance (pixels) between a background ring pixel and any object. */
	public static final int RING_CLEARANCE = 2;

	private final Random random;

	/** @param seed seed of the random choices (stroke ends, kept stretch, ring arc) */
	public ScribbleRobot(final long seed) {
		this.random = new Random(seed);
	}

	/**
	 * The first scribbles on a frame: for each requested object present in the ground truth, one positive stroke
	 * along the medial axis of its largest part (eroded by up to 3 pixels, a random 60–90 % stretch of the longest
	 * internal path), and one background stroke ({@link Scribble#ALL_OBJECTS}): a
	 * random arc of 50–75 % of the ring {@value #RING_GAP} pixels outside the object, without the pixels closer than
	 * {@value #RING_CLEARANCE} pixels to any object. Objects absent from the frame are skipped; a ring that is
	 * entirely blocked or off the image is left out.
	 *
	 * @param frame 0-based frame the scribbles are drawn on
	 * @param gtLabels ground-truth labels of that frame, row-major, length {@code width × height}
	 * @param objects object ids (&ge; 1) to draw
	 */
	public ScribbleSet firstInteraction(final int frame, final int[] gtLabels, final int width, final int height,
		final Set<Integer> objects)
	{
		checkSize(gtLabels, width, height);
		final List<Scribble> out = new ArrayList<>();
		for (final int id : new TreeSet<>(objects)) {
			final PixelBox object = PixelBox.around(gtLabels, null, id, width);
			if (object.isEmpty()) continue;
			final PixelBox box = object.grow(RING_GAP + RING_CLEARANCE + 1, width, height);
			final boolean[] mask = box.mask(gtLabels, id, width);
			final boolean[] part = Components.largest(mask, box.width(), box.height());
			out.add(scribble(frame, id, Polarity.POSITIVE, box, MedialStroke.trace(part, box.width(), box.height(),
				random)));
			final int[] ring = ring(mask, box.mask(gtLabels, 0, width), box.width(), box.height());
			if (ring.length > 0) out.add(scribble(frame, Scribble.ALL_OBJECTS, Polarity.NEGATIVE, box, ring));
		}
		return new ScribbleSet(out);
	}

	/**
	 * Correction scribbles on a frame: for each requested object, a positive stroke along the medial axis of its
	 * largest false-negative region (ground truth is the object, prediction is not) and a negative stroke
	 * ({@code id-}) along the medial axis of its largest false-positive region (prediction is the object, ground
	 * truth is not). Regions are 8-connected; regions under {@value #MIN_REGION_PIXELS} pixels are ignored. A
	 * perfect frame gives an empty set.
	 *
	 * @param frame 0-based frame
	 * @param gtLabels ground-truth labels, row-major
	 * @param predicted current prediction of that frame, same size
	 * @param objects object ids (&ge; 1) to correct
	 */
	public ScribbleSet correction(final int frame, final int[] gtLabels, final int[] predicted, final int width,
		final int height, final Set<Integer> objects)
	{
		checkSize(gtLabels, width, height);
		checkSize(predicted, width, height);
		final List<Scribble> out = new ArrayList<>();
		for (final int id : new TreeSet<>(objects)) {
			final PixelBox object = PixelBox.around(gtLabels, predicted, id, width);
			if (object.isEmpty()) continue;
			final PixelBox box = object.grow(1, width, height);
			final boolean[] g = box.mask(gtLabels, id, width), p = box.mask(predicted, id, width);
			final boolean[] missed = new boolean[g.length], extra = new boolean[g.length];
			for (int i = 0; i < g.length; i++) {
				missed[i] = g[i] && !p[i];
				extra[i] = p[i] && !g[i];
			}
			addStroke(out, frame, id, Polarity.POSITIVE, box, missed);
			addStroke(out, frame, id, Polarity.NEGATIVE, box, extra);
		}
		return new ScribbleSet(out);
	}

	private void addStroke(final List<Scribble> out, final int frame, final int id, final Polarity polarity,
		final PixelBox box, final boolean[] error)
	{
		final boolean[] region = Components.largest(error, box.width(), box.height());
		if (Components.count(region) < MIN_REGION_PIXELS) return;
		out.add(scribble(frame, id, polarity, box, MedialStroke.trace(region, box.width(), box.height(), random)));
	}

	/** Pixels near distance {@link #RING_GAP} from {@code object}, clear of every object, on a random arc. */
	private int[] ring(final boolean[] object, final boolean[] background, final int w, final int h) {
		final boolean[] anyObject = new boolean[background.length];
		for (int i = 0; i < anyObject.length; i++)
			anyObject[i] = !background[i];
		final double[] toObject = DistanceMap.squared(object, w, h);
		final double[] toAny = DistanceMap.squared(anyObject, w, h);
		double cx = 0, cy = 0;
		int n = 0;
		for (int i = 0; i < object.length; i++)
			if (object[i]) {
				cx += i % w;
				cy += i / w;
				n++;
			}
		cx /= n;
		cy /= n;
		final double start = 2 * Math.PI * random.nextDouble();
		final double span = Math.PI * (1 + 0.5 * random.nextDouble());
		final List<double[]> arc = new ArrayList<>();
		for (int i = 0; i < object.length; i++) {
			final double d = Math.sqrt(toObject[i]);
			if (Math.abs(d - RING_GAP) >= 0.5 || toAny[i] < RING_CLEARANCE * RING_CLEARANCE) continue;
			final double angle = positiveAngle(Math.atan2(i / w - cy, i % w - cx) - start);
			if (angle < span) arc.add(new double[] { angle, i });
		}
		arc.sort(Comparator.comparingDouble(a -> a[0]));
		return arc.stream().mapToInt(a -> (int) a[1]).toArray();
	}

	private static double positiveAngle(final double a) {
		final double r = a % (2 * Math.PI);
		return r < 0 ? r + 2 * Math.PI : r;
	}

	private static Scribble scribble(final int frame, final int id, final Polarity polarity, final PixelBox box,
		final int[] pixels)
	{
		final int[] xs = new int[pixels.length], ys = new int[pixels.length];
		for (int k = 0; k < pixels.length; k++) {
			xs[k] = box.x0() + pixels[k] % box.width();
			ys[k] = box.y0() + pixels[k] / box.width();
		}
		return new Scribble(frame, id, polarity, xs, ys);
	}

	private static void checkSize(final int[] labels, final int width, final int height) {
		if (labels.length != width * height) throw new IllegalArgumentException("frame has " + labels.length +
			" pixels, expected " + width + "x" + height);
	}
}
