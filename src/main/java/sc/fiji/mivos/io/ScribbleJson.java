package sc.fiji.mivos.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import ij.gui.PointRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import sc.fiji.mivos.core.MivosException;
import sc.fiji.mivos.core.ScribbleName;

/**
 * Reads scribbles stored as JSON, for scripted and reproducible runs:
 *
 * <pre>
 * {"strokes": [ {"name": "3+", "frame": 1, "points": [[10, 12], [11, 12], [15, 20]]},
 *               {"name": "bg", "frame": 4, "points": [[0, 0], [40, 0]]} ]}
 * </pre>
 *
 * {@code name} follows {@link ScribbleName}; {@code frame} is 1-based; {@code points} are pixel coordinates
 * {@code [x, y]} (numbers, rounded to the nearest pixel) of a polyline, or a single point. Other members are ignored.
 */
public final class ScribbleJson {

	/**
	 * One stroke as stored.
	 *
	 * @param name scribble name, e.g. {@code "3+"}
	 * @param frame1Based 1-based frame
	 * @param points {@code [n][2]} pixel coordinates {@code {x, y}}, at least one
	 */
	public record Stroke(String name, int frame1Based, int[][] points) {

		public Stroke {
			Objects.requireNonNull(name, "name");
			if (frame1Based < 1) throw new IllegalArgumentException("frame " + frame1Based + " is before frame 1");
			if (points.length == 0) throw new IllegalArgumentException("a stroke needs at least one point");
			points = copy(points);
		}

		/** @return a copy of the points */
		@Override
		public int[][] points() {
			return copy(points);
		}

		private static int[][] copy(final int[][] points) {
			final int[][] c = new int[points.length][];
			for (int i = 0; i < points.length; i++) {
				if (points[i].length != 2) throw new IllegalArgumentException("point " + (i + 1) + " is not [x, y]");
				c[i] = points[i].clone();
			}
			return c;
		}
	}

	private ScribbleJson() {}

	/**
	 * Reads a scribble file.
	 *
	 * @return the strokes in file order (empty when the file lists none)
	 * @throws MivosException naming the path (and the stroke) when the file is missing, is not JSON, or a stroke
	 *         lacks a valid name, frame or points
	 */
	public static List<Stroke> read(final Path json) {
		if (!Files.isRegularFile(json)) throw new MivosException("No such scribble file: " + json);
		final JsonElement root;
		try (Reader r = Files.newBufferedReader(json, StandardCharsets.UTF_8)) {
			root = JsonParser.parseReader(r);
		}
		catch (final IOException | JsonParseException e) {
			throw new MivosException("Cannot read scribble file " + json + ": " + e.getMessage(), e);
		}
		final String form = "expected {\"strokes\": [{\"name\": \"1+\", \"frame\": 1, \"points\": [[x, y], ...]}]}";
		if (!root.isJsonObject() || !root.getAsJsonObject().has("strokes") || !root.getAsJsonObject().get("strokes")
			.isJsonArray()) throw new MivosException("Scribble file " + json + " has no \"strokes\" list; " + form);
		final JsonArray strokes = root.getAsJsonObject().getAsJsonArray("strokes");
		final List<Stroke> out = new ArrayList<>();
		for (int i = 0; i < strokes.size(); i++)
			out.add(stroke(strokes.get(i), "Scribble file " + json + ", stroke " + (i + 1)));
		return out;
	}

	private static Stroke stroke(final JsonElement e, final String where) {
		if (!e.isJsonObject()) throw new MivosException(where + " is not an object");
		final JsonObject o = e.getAsJsonObject();
		if (!isString(o.get("name"))) throw new MivosException(where + " has no \"name\" text");
		final String name = o.get("name").getAsString();
		try {
			ScribbleName.parse(name);
		}
		catch (final MivosException bad) {
			throw new MivosException(where + ": " + bad.getMessage(), bad);
		}
		final double frame = isNumber(o.get("frame")) ? o.get("frame").getAsDouble() : Double.NaN;
		if (!(frame >= 1 && frame == Math.rint(frame) && frame <= Integer.MAX_VALUE)) throw new MivosException(where +
			" (\"" + name + "\") needs a \"frame\": a whole number from 1");
		if (o.get("points") == null || !o.get("points").isJsonArray() || o.getAsJsonArray("points").isEmpty())
			throw new MivosException(where + " (\"" + name + "\") needs a non-empty \"points\" list of [x, y]");
		final JsonArray pts = o.getAsJsonArray("points");
		final int[][] points = new int[pts.size()][];
		for (int k = 0; k < pts.size(); k++) {
			final JsonElement p = pts.get(k);
			if (!p.isJsonArray() || p.getAsJsonArray().size() != 2 || !isNumber(p.getAsJsonArray().get(0)) ||
				!isNumber(p.getAsJsonArray().get(1))) throw new MivosException(where + " (\"" + name + "\"), point " +
					(k + 1) + " is not [x, y]: " + p);
			points[k] = new int[] { (int) Math.round(p.getAsJsonArray().get(0).getAsDouble()), (int) Math.round(p
				.getAsJsonArray().get(1).getAsDouble()) };
		}
		return new Stroke(name, (int) frame, points);
	}

	/**
	 * Turns strokes into named ImageJ ROIs with their frame as hyperstack T position: a polyline
	 * ({@link Roi#POLYLINE}) per stroke, or a point ROI for a one-point stroke.
	 */
	public static Roi[] toRois(final List<Stroke> strokes) {
		final Roi[] rois = new Roi[strokes.size()];
		for (int i = 0; i < rois.length; i++) {
			final Stroke s = strokes.get(i);
			final int[][] p = s.points();
			final int[] xs = new int[p.length];
			final int[] ys = new int[p.length];
			for (int k = 0; k < p.length; k++) {
				xs[k] = p[k][0];
				ys[k] = p[k][1];
			}
			final Roi roi = p.length == 1 ? new PointRoi(xs[0], ys[0]) : new PolygonRoi(xs, ys, p.length,
				Roi.POLYLINE);
			roi.setName(s.name());
			roi.setPosition(0, 0, s.frame1Based());
			rois[i] = roi;
		}
		return rois;
	}

	private static boolean isString(final JsonElement e) {
		return e != null && e.isJsonPrimitive() && ((JsonPrimitive) e).isString();
	}

	private static boolean isNumber(final JsonElement e) {
		return e != null && e.isJsonPrimitive() && ((JsonPrimitive) e).isNumber();
	}
}
