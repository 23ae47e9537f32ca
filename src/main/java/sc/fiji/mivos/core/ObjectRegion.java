package sc.fiji.mivos.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one object covers on one label frame, in pixel units: its area, centroid, bounding box and the sum of the
 * intensities under it. Pixel {@code (x, y)} is the pixel in column {@code x} and row {@code y}, and its centre lies
 * at {@code (x, y)}: the centroid of a single pixel is that pixel's index, as in ImgLib2, scikit-image and TrackMate.
 *
 * @param objectId the label value, &ge; 1
 * @param area number of pixels
 * @param centroidX mean column of the pixels
 * @param centroidY mean row of the pixels
 * @param meanIntensity mean of the intensities under the object; NaN when none were given
 * @param minX first column of the bounding box
 * @param minY first row of the bounding box
 * @param width bounding-box width in pixels
 * @param height bounding-box height in pixels
 */
public record ObjectRegion(int objectId, long area, double centroidX, double centroidY, double meanIntensity,
	int minX, int minY, int width, int height)
{

	/**
	 * Measures every object on one frame.
	 *
	 * @param labels row-major labels of a {@code width × height} frame, 0 = background
	 * @param intensities row-major intensities of the same frame, or null
	 * @return one region per object present, by ascending id
	 */
	public static List<ObjectRegion> measure(final int[] labels, final int width, final int height,
		final float[] intensities)
	{
		if (labels.length != width * height) throw new IllegalArgumentException("labels hold " + labels.length +
			" pixels, not " + width + "x" + height);
		if (intensities != null && intensities.length != labels.length) throw new IllegalArgumentException(
			"intensities hold " + intensities.length + " pixels, not " + labels.length);
		final Map<Integer, Sums> sums = new TreeMap<>();
		for (int y = 0, i = 0; y < height; y++)
			for (int x = 0; x < width; x++, i++) {
				final int id = labels[i];
				if (id == 0) continue;
				Sums s = sums.get(id);
				if (s == null) sums.put(id, s = new Sums(x, y));
				s.add(x, y, intensities == null ? Double.NaN : intensities[i]);
			}
		final List<ObjectRegion> regions = new ArrayList<>(sums.size());
		sums.forEach((id, s) -> regions.add(s.region(id)));
		return regions;
	}

	/** Running sums of one object's pixels. */
	private static final class Sums {

		private long n;
		private double sx, sy, si;
		private int minX, minY, maxX, maxY;

		Sums(final int x, final int y) {
			minX = maxX = x;
			minY = maxY = y;
		}

		void add(final int x, final int y, final double intensity) {
			n++;
			sx += x;
			sy += y;
			si += intensity;
			minX = Math.min(minX, x);
			maxX = Math.max(maxX, x);
			minY = Math.min(minY, y);
			maxY = Math.max(maxY, y);
		}

		ObjectRegion region(final int id) {
			return new ObjectRegion(id, n, sx / n, sy / n, si / n, minX, minY, maxX - minX + 1, maxY - minY + 1);
		}
	}
}
