package sc.fiji.mivos.io;

import java.io.BufferedWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ij.measure.Calibration;
import sc.fiji.mivos.core.ObjectRegion;

/**
 * Writes the per-object, per-frame measurements of a label image as CSV: UTF-8, comma-separated, one header line,
 * '.' as decimal point, an empty field for an unknown value, fields quoted only when they hold a comma or quote.
 * Rows are sorted by track, then frame, then slice. Columns, in this order:
 * <ul>
 * <li>{@code spot_id}: row number from 1, one per object per frame (and slice);</li>
 * <li>{@code track_id}: the object id, the value in the label image; MiVOS keeps ids over time, so each object is
 * one track;</li>
 * <li>{@code parent_id}: the track it split from (see {@link sc.fiji.mivos.core.Lineage}), empty when none;</li>
 * <li>{@code frame}: 1-based time point; {@code slice}: 1-based Z slice (1 for a 2D time-lapse);</li>
 * <li>{@code t}: time, {@code (frame - 1) × frame interval} in {@code time_unit} ({@code frame} when the image has
 * no interval); {@code z}: {@code (slice - 1 - z origin) × voxel depth};</li>
 * <li>{@code area_px}: pixels; {@code area}: {@code area_px × pixel width × pixel height} in {@code unit²};</li>
 * <li>{@code centroid_x_px}, {@code centroid_y_px}: mean pixel column and row (a pixel's centre is at its index);
 * {@code centroid_x}, {@code centroid_y}: {@code (centroid_px - origin) × pixel size} in {@code unit};</li>
 * <li>{@code mean_intensity}: mean raw value of the source image under the object, empty without a source;</li>
 * <li>{@code bbox_x}, {@code bbox_y}, {@code bbox_width}, {@code bbox_height}: bounding box in pixels;</li>
 * <li>{@code unit}, {@code time_unit}: the spatial and time units of the calibrated columns.</li>
 * </ul>
 */
public final class TrackCsv {

	/** The header, in column order. */
	public static final List<String> COLUMNS = List.of("spot_id", "track_id", "parent_id", "frame", "slice", "t",
		"z", "area_px", "area", "centroid_x_px", "centroid_y_px", "centroid_x", "centroid_y", "mean_intensity",
		"bbox_x", "bbox_y", "bbox_width", "bbox_height", "unit", "time_unit");

	private static final MathContext DIGITS = new MathContext(8);

	/**
	 * One object on one frame and slice.
	 *
	 * @param frame 1-based time point
	 * @param slice 1-based Z slice
	 * @param parentId the object it split from, or null
	 */
	public record Row(int frame, int slice, ObjectRegion region, Integer parentId) {}

	private TrackCsv() {}

	/**
	 * Writes {@code rows} (in any order) to {@code file}, replacing it only once complete.
	 *
	 * @param calibration pixel size, origin, units and frame interval of the labelled image
	 * @throws sc.fiji.mivos.core.MivosException naming the file when it cannot be written
	 */
	public static void write(final List<Row> rows, final Calibration calibration, final Path file) {
		final List<Row> sorted = new ArrayList<>(rows);
		sorted.sort((a, b) -> a.region().objectId() != b.region().objectId() ? Integer.compare(a.region().objectId(),
			b.region().objectId()) : a.frame() != b.frame() ? Integer.compare(a.frame(), b.frame()) : Integer.compare(a
				.slice(), b.slice()));
		AtomicFile.write(file, "track table " + file, tmp -> {
			try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
				out.write(String.join(",", COLUMNS));
				out.write('\n');
				for (int i = 0; i < sorted.size(); i++) {
					out.write(String.join(",", fields(i + 1, sorted.get(i), calibration)));
					out.write('\n');
				}
			}
		});
	}

	private static List<String> fields(final int spotId, final Row row, final Calibration cal) {
		final ObjectRegion r = row.region();
		final boolean timed = cal.frameInterval > 0;
		final List<String> f = new ArrayList<>(COLUMNS.size());
		f.add(Integer.toString(spotId));
		f.add(Integer.toString(r.objectId()));
		f.add(row.parentId() == null ? "" : row.parentId().toString());
		f.add(Integer.toString(row.frame()));
		f.add(Integer.toString(row.slice()));
		f.add(number((row.frame() - 1) * (timed ? cal.frameInterval : 1)));
		f.add(number((row.slice() - 1 - cal.zOrigin) * cal.pixelDepth));
		f.add(Long.toString(r.area()));
		f.add(number(r.area() * cal.pixelWidth * cal.pixelHeight));
		f.add(number(r.centroidX()));
		f.add(number(r.centroidY()));
		f.add(number((r.centroidX() - cal.xOrigin) * cal.pixelWidth));
		f.add(number((r.centroidY() - cal.yOrigin) * cal.pixelHeight));
		f.add(Double.isNaN(r.meanIntensity()) ? "" : number(r.meanIntensity()));
		f.add(Integer.toString(r.minX()));
		f.add(Integer.toString(r.minY()));
		f.add(Integer.toString(r.width()));
		f.add(Integer.toString(r.height()));
		f.add(text(cal.getUnit()));
		f.add(text(timed ? cal.getTimeUnit() : "frame"));
		return f;
	}

	/** At most 8 significant digits, no exponent, no trailing zeros. */
	private static String number(final double v) {
		if (!Double.isFinite(v)) return "";
		return new BigDecimal(v).round(DIGITS).stripTrailingZeros().toPlainString();
	}

	private static String text(final String s) {
		if (s == null) return "";
		return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
	}
}
