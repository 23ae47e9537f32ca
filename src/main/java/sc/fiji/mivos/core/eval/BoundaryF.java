package sc.fiji.mivos.core.eval;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Boundary F-measure of one object in one frame, as in the DAVIS benchmark: the boundary pixels of the ground-truth
 * and of the predicted mask are matched within a tolerance of {@code ceil(0.008 × image diagonal)} pixels (a pixel
 * matches when a boundary pixel of the other mask lies within that Euclidean distance, i.e. inside a disc dilation,
 * no one-to-one assignment); precision = matched predicted boundary / predicted boundary, recall = matched
 * ground-truth boundary / ground-truth boundary, F = 2PR / (P + R).
 * <p>
 * Conventions: a boundary pixel is a mask pixel with a 4-neighbour inside the image that is not in the mask (the image
 * border is not a boundary, as in DAVIS). Both masks empty → P = R = F = 1; exactly one mask empty → F = 0. When
 * both masks are non-empty but one has no boundary (it fills the image) the DAVIS rule for empty boundary maps
 * applies: both without boundary → 1, one without → 0.
 */
public final class BoundaryF {

	/** Tolerance as a fraction of the image diagonal (DAVIS: 0.008). */
	public static final double TOLERANCE_FRACTION = 0.008;

	/**
	 * Boundary precision, recall and F of one object.
	 *
	 * @param precision fraction of predicted boundary pixels near the ground-truth boundary, 0..1
	 * @param recall fraction of ground-truth boundary pixels near the predicted boundary, 0..1
	 * @param f harmonic mean of precision and recall (0 when both are 0)
	 */
	public record Measure(double precision, double recall, double f) {

		static final Measure PERFECT = new Measure(1, 1, 1);

		static Measure of(final double precision, final double recall) {
			final double sum = precision + recall;
			return new Measure(precision, recall, sum == 0 ? 0 : 2 * precision * recall / sum);
		}
	}

	private final int width;
	private final int height;
	private final int tolerance;

	/** Uses the DAVIS tolerance {@link #toleranceFor(int, int)}. */
	public BoundaryF(final int width, final int height) {
		this(width, height, toleranceFor(width, height));
	}

	/**
	 * @param tolerance matching distance in pixels, &ge; 0
	 */
	public BoundaryF(final int width, final int height, final int tolerance) {
		if (width <= 0 || height <= 0) throw new IllegalArgumentException("empty image " + width + "x" + height);
		if (tolerance < 0) throw new IllegalArgumentException("negative boundary tolerance " + tolerance);
		this.width = width;
		this.height = height;
		this.tolerance = tolerance;
	}

	/** @return {@code ceil(0.008 × sqrt(width² + height²))} pixels */
	public static int toleranceFor(final int width, final int height) {
		return (int) Math.ceil(TOLERANCE_FRACTION * Math.hypot(width, height));
	}

	/** @return the matching distance in pixels */
	public int tolerance() {
		return tolerance;
	}

	/**
	 * @param gt ground-truth labels of one frame, row-major, length width×height
	 * @param predicted predicted labels of the same frame
	 * @param id the object to measure (&ge; 1)
	 * @return precision, recall and F of object {@code id}
	 */
	public Measure measure(final int[] gt, final int[] predicted, final int id) {
		checkSizes(gt, predicted);
		return measure(gt, predicted, id, PixelBox.around(gt, predicted, id, width));
	}

	/** @return boundary F of object {@code id}, see {@link #measure(int[], int[], int)} */
	public double f(final int[] gt, final int[] predicted, final int id) {
		return measure(gt, predicted, id).f();
	}

	/**
	 * @return for every object present in {@code gt} or {@code predicted} (ascending id) its measure; one pass to
	 *         locate the objects, then work inside each object's box
	 */
	public SortedMap<Integer, Measure> perObject(final int[] gt, final int[] predicted) {
		checkSizes(gt, predicted);
		final SortedMap<Integer, Measure> out = new TreeMap<>();
		PixelBox.aroundEach(gt, predicted, width).forEach((id, box) -> out.put(id, measure(gt, predicted, id,
			box)));
		return out;
	}

	private Measure measure(final int[] gt, final int[] predicted, final int id, final PixelBox objectBox) {
		if (objectBox.isEmpty()) return Measure.PERFECT;
		// NB: one pixel of margin makes every boundary pixel visible inside the crop; the tolerance is not needed
		// because the distance map only has to reach boundary pixels, which all lie inside the object box.
		final PixelBox box = objectBox.grow(1, width, height);
		final boolean[] g = box.mask(gt, id, width);
		final boolean[] p = box.mask(predicted, id, width);
		final boolean gEmpty = isEmpty(g), pEmpty = isEmpty(p);
		if (gEmpty && pEmpty) return Measure.PERFECT;
		if (gEmpty || pEmpty) return Measure.of(0, 0);
		final boolean[] gb = boundary(g, box.width(), box.height());
		final boolean[] pb = boundary(p, box.width(), box.height());
		final int ng = count(gb), np = count(pb);
		if (ng == 0 && np == 0) return Measure.PERFECT;
		if (ng == 0 || np == 0) return Measure.of(0, 0);
		final double precision = matched(pb, DistanceMap.squared(gb, box.width(), box.height())) / (double) np;
		final double recall = matched(gb, DistanceMap.squared(pb, box.width(), box.height())) / (double) ng;
		return Measure.of(precision, recall);
	}

	private int matched(final boolean[] pixels, final double[] squaredDistanceToOther) {
		final double limit = (double) tolerance * tolerance;
		int n = 0;
		for (int i = 0; i < pixels.length; i++)
			if (pixels[i] && squaredDistanceToOther[i] <= limit) n++;
		return n;
	}

	/** Mask pixels with a 4-neighbour (inside the given array) outside the mask. */
	static boolean[] boundary(final boolean[] mask, final int w, final int h) {
		final boolean[] b = new boolean[mask.length];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final int i = y * w + x;
				if (!mask[i]) continue;
				b[i] = x > 0 && !mask[i - 1] || x < w - 1 && !mask[i + 1] || y > 0 && !mask[i - w] || y < h - 1 &&
					!mask[i + w];
			}
		return b;
	}

	private static boolean isEmpty(final boolean[] m) {
		for (final boolean v : m)
			if (v) return false;
		return true;
	}

	private static int count(final boolean[] m) {
		int n = 0;
		for (final boolean v : m)
			if (v) n++;
		return n;
	}

	private void checkSizes(final int[] gt, final int[] predicted) {
		if (gt.length != width * height || predicted.length != width * height)
			throw new IllegalArgumentException("frames have " + gt.length + " and " + predicted.length +
				" pixels, expected " + width * height);
	}
}
