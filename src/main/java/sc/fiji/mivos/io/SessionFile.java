package sc.fiji.mivos.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import sc.fiji.mivos.core.DeviceChoice;
import sc.fiji.mivos.core.EngineSettings;
import sc.fiji.mivos.core.MivosException;
import sc.fiji.mivos.core.MivosVersion;
import sc.fiji.mivos.core.PackedLabels;
import sc.fiji.mivos.core.Polarity;
import sc.fiji.mivos.core.Scribble;
import sc.fiji.mivos.core.ScribbleSet;
import sc.fiji.mivos.core.TrackedObject;
import sc.fiji.mivos.engine.SessionState;

/**
 * Reads and writes interactive session files ({@value #EXTENSION}): a zip holding {@code session.json} (image
 * reference, settings, objects, strokes, round bookkeeping; human readable) and {@code arrays.bin} (label frames and
 * the engine's processing-grid masks, run-length packed, big-endian). Files are written atomically, so a crash
 * while saving keeps the previous file.
 */
public final class SessionFile {

	/** File name extension of session files. */
	public static final String EXTENSION = ".mivos";

	/** Format version written; readers refuse newer ones. */
	static final int FORMAT = 1;

	private static final String JSON = "session.json";
	private static final String ARRAYS = "arrays.bin";

	private SessionFile() {}

	/** @return the session file next to an image file: its name with the extension replaced by {@value #EXTENSION} */
	public static Path besideImage(final Path image) {
		final String name = image.getFileName().toString();
		final int dot = name.lastIndexOf('.');
		return image.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + EXTENSION);
	}

	/**
	 * @throws MivosException "Cannot write session file …" when it cannot be written
	 */
	public static void write(final Path file, final SavedSession s) {
		AtomicFile.write(file, "session file " + file, tmp -> {
			try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(
				new BufferedOutputStream(os)))
			{
				zip.putNextEntry(new ZipEntry(JSON));
				zip.write(new GsonBuilder().setPrettyPrinting().create().toJson(json(s)).getBytes(
					StandardCharsets.UTF_8));
				zip.closeEntry();
				zip.putNextEntry(new ZipEntry(ARRAYS));
				final DataOutputStream out = new DataOutputStream(zip);
				writeArrays(out, s);
				out.flush();
				zip.closeEntry();
			}
		});
	}

	/**
	 * @throws MivosException naming the file and the problem when it is missing, not a session file, of a newer
	 *           format, or damaged
	 */
	public static SavedSession read(final Path file) {
		if (!Files.isRegularFile(file)) throw new MivosException("Session file " + file + " does not exist");
		JsonObject json = null;
		byte[] arrays = null;
		try (InputStream is = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(
			new BufferedInputStream(is)))
		{
			for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
				if (e.getName().equals(JSON)) json = JsonParser.parseReader(new InputStreamReader(zip,
					StandardCharsets.UTF_8)).getAsJsonObject();
				else if (e.getName().equals(ARRAYS)) arrays = zip.readAllBytes();
			}
			if (json == null || arrays == null) throw new MivosException("File " + file + " is not a MiVOS session (no " +
				(json == null ? JSON : ARRAYS) + " inside)");
			final int format = json.get("format").getAsInt();
			if (format > FORMAT) throw new MivosException("Session file " + file + " has format " + format +
				"; this version of MiVOS reads format " + FORMAT + " and older");
			try {
				return parse(json, new DataInputStream(new ByteArrayInputStream(arrays)));
			}
			catch (final MivosException e) {
				throw new MivosException("Session file " + file + " is damaged: " + e.getMessage(), e);
			}
		}
		catch (final IOException | JsonParseException | IllegalStateException | NullPointerException
			| UnsupportedOperationException | IllegalArgumentException e)
		{
			throw new MivosException("Session file " + file + " is damaged or not a MiVOS session: " + e.getMessage(), e);
		}
	}

	// -- JSON part --

	private static JsonObject json(final SavedSession s) {
		final JsonObject o = new JsonObject();
		o.addProperty("format", FORMAT);
		o.addProperty("mivos_version", MivosVersion.get());
		final JsonObject image = new JsonObject();
		image.addProperty("path", s.imagePath());
		image.addProperty("title", s.imageTitle());
		image.addProperty("width", s.width());
		image.addProperty("height", s.height());
		image.addProperty("frames", s.frames());
		image.addProperty("channel", s.channel());
		image.addProperty("slice", s.slice());
		o.add("image", image);
		o.add("settings", settings(s.settings()));
		final JsonArray objects = new JsonArray();
		for (final TrackedObject t : s.objects()) {
			final JsonObject j = new JsonObject();
			j.addProperty("id", t.id());
			j.addProperty("name", t.name());
			j.addProperty("colour", String.format("#%06x", t.rgb()));
			objects.add(j);
		}
		o.add("objects", objects);
		final JsonArray strokes = new JsonArray();
		for (final Scribble sc : s.strokes().all()) {
			final JsonObject j = new JsonObject();
			j.addProperty("frame", sc.frame() + 1);
			j.addProperty("object", sc.objectId());
			j.addProperty("polarity", sc.polarity().name().toLowerCase(Locale.ROOT));
			j.add("xs", ints(sc.xs()));
			j.add("ys", ints(sc.ys()));
			strokes.add(j);
		}
		o.add("strokes", strokes);
		final SessionState e = s.engine();
		final JsonObject engine = new JsonObject();
		engine.addProperty("grid_width", e.width());
		engine.addProperty("grid_height", e.height());
		engine.addProperty("rounds", e.round());
		engine.addProperty("latest_frame", e.latest() + 1);
		engine.addProperty("versions", e.versions());
		engine.add("interacted_frames", ints(e.interacted().keySet().stream().mapToInt(t -> t + 1).toArray()));
		o.add("engine", engine);
		return o;
	}

	private static JsonObject settings(final EngineSettings s) {
		final JsonObject j = new JsonObject();
		j.addProperty("model", s.modelName());
		j.addProperty("device", s.device().toString());
		j.addProperty("threads", s.threads());
		j.addProperty("processing_size", s.processingSize());
		j.addProperty("top_k", s.topK());
		j.addProperty("mem_every", s.memEvery());
		j.addProperty("max_memory_frames", s.maxMemoryFrames());
		j.addProperty("fusion", s.fusion());
		j.addProperty("low_percentile", s.lowPercentile());
		j.addProperty("high_percentile", s.highPercentile());
		return j;
	}

	private static EngineSettings settings(final JsonObject j) {
		return EngineSettings.builder().optModelName(j.get("model").getAsString()).optDevice(DeviceChoice.parse(j.get(
			"device").getAsString())).optThreads(j.get("threads").getAsInt()).optProcessingSize(j.get(
				"processing_size").getAsInt()).optTopK(j.get("top_k").getAsInt()).optMemEvery(j.get("mem_every")
					.getAsInt()).optMaxMemoryFrames(j.get("max_memory_frames").getAsInt()).optFusion(j.get("fusion")
						.getAsBoolean()).optLowPercentile(j.get("low_percentile").getAsDouble()).optHighPercentile(j.get(
							"high_percentile").getAsDouble()).build();
	}

	private static JsonArray ints(final int[] values) {
		final JsonArray a = new JsonArray();
		for (final int v : values)
			a.add(v);
		return a;
	}

	private static int[] ints(final JsonElement e) {
		final JsonArray a = e.getAsJsonArray();
		final int[] out = new int[a.size()];
		for (int i = 0; i < out.length; i++)
			out[i] = a.get(i).getAsInt();
		return out;
	}

	// -- Binary part --

	private static void writeArrays(final DataOutputStream out, final SavedSession s) throws IOException {
		out.writeInt(s.labels().size());
		for (final PackedLabels p : s.labels())
			writeRuns(out, p);
		final SessionState e = s.engine();
		out.writeInt(e.interacted().size());
		for (final Map.Entry<Integer, SessionState.Interacted> i : e.interacted().entrySet()) {
			out.writeInt(i.getKey());
			out.writeLong(i.getValue().version());
			writeInts(out, i.getValue().ids());
			writeRuns(out, PackedLabels.pack(i.getValue().labels()));
		}
		out.writeInt(e.before().size());
		for (final Map.Entry<Integer, int[]> b : e.before().entrySet()) {
			out.writeInt(b.getKey());
			writeRuns(out, PackedLabels.pack(b.getValue()));
		}
		for (final boolean p : e.propagated())
			out.writeBoolean(p);
		for (final double d : e.doubts())
			out.writeDouble(d);
	}

	private static void writeRuns(final DataOutputStream out, final PackedLabels p) throws IOException {
		out.writeInt(p.length());
		writeInts(out, p.runs());
	}

	private static void writeInts(final DataOutputStream out, final int[] values) throws IOException {
		out.writeInt(values.length);
		for (final int v : values)
			out.writeInt(v);
	}

	private static SavedSession parse(final JsonObject o, final DataInputStream in) throws IOException {
		final JsonObject image = o.getAsJsonObject("image");
		final int width = image.get("width").getAsInt();
		final int height = image.get("height").getAsInt();
		final int frames = image.get("frames").getAsInt();
		final List<TrackedObject> objects = new ArrayList<>();
		for (final JsonElement e : o.getAsJsonArray("objects")) {
			final JsonObject j = e.getAsJsonObject();
			objects.add(new TrackedObject(j.get("id").getAsInt(), j.get("name").getAsString(), Integer.parseInt(j.get(
				"colour").getAsString().substring(1), 16)));
		}
		final List<Scribble> strokes = new ArrayList<>();
		for (final JsonElement e : o.getAsJsonArray("strokes")) {
			final JsonObject j = e.getAsJsonObject();
			strokes.add(new Scribble(j.get("frame").getAsInt() - 1, j.get("object").getAsInt(), Polarity.valueOf(j.get(
				"polarity").getAsString().toUpperCase(Locale.ROOT)), ints(j.get("xs")), ints(j.get("ys"))));
		}
		final int n = in.readInt();
		if (n != frames) throw new MivosException("the labels hold " + n + " frames, the image " + frames);
		final List<PackedLabels> labels = new ArrayList<>();
		for (int t = 0; t < n; t++) {
			final PackedLabels p = readRuns(in);
			if (p.length() != width * height) throw new MivosException("frame " + (t + 1) + " has " + p.length() +
				" pixels, not " + width + "x" + height);
			labels.add(p);
		}
		final JsonObject engine = o.getAsJsonObject("engine");
		final Map<Integer, SessionState.Interacted> interacted = new TreeMap<>();
		for (int i = in.readInt(); i > 0; i--) {
			final int t = in.readInt();
			final long version = in.readLong();
			final int[] ids = readInts(in);
			interacted.put(t, new SessionState.Interacted(readRuns(in).unpack(), ids, version));
		}
		final Map<Integer, int[]> before = new TreeMap<>();
		for (int i = in.readInt(); i > 0; i--) {
			final int t = in.readInt();
			before.put(t, readRuns(in).unpack());
		}
		final boolean[] propagated = new boolean[frames];
		for (int t = 0; t < frames; t++)
			propagated[t] = in.readBoolean();
		final double[] doubts = new double[frames];
		for (int t = 0; t < frames; t++)
			doubts[t] = in.readDouble();
		final SessionState state = new SessionState(engine.get("grid_width").getAsInt(), engine.get("grid_height")
			.getAsInt(), interacted, before, propagated, engine.get("latest_frame").getAsInt() - 1, engine.get("rounds")
				.getAsInt(), engine.get("versions").getAsLong(), doubts);
		final JsonElement path = image.get("path");
		return new SavedSession(path == null || path.isJsonNull() ? null : path.getAsString(), image.get("title")
			.getAsString(), width, height, frames, image.get("channel").getAsInt(), image.get("slice").getAsInt(),
			settings(o.getAsJsonObject("settings")), objects, new ScribbleSet(strokes), state, labels);
	}

	private static PackedLabels readRuns(final DataInputStream in) throws IOException {
		final int length = in.readInt();
		return PackedLabels.ofRuns(readInts(in), length);
	}

	private static int[] readInts(final DataInputStream in) throws IOException {
		final int n = in.readInt();
		if (n < 0 || n > in.available() / 4) throw new MivosException("an array of " + n + " numbers is cut short");
		final int[] out = new int[n];
		for (int i = 0; i < n; i++)
			out[i] = in.readInt();
		return out;
	}
}
