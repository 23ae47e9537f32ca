package sc.fiji.mivos.model;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.annotations.SerializedName;

import sc.fiji.mivos.core.MivosException;

/**
 * The model manifest, {@code models/manifest.json}: which models exist, their version and configuration, the
 * TorchScript file of each stage with its sha256, and the input conventions (see docs/ARCHITECTURE.md).
 */
public final class ModelManifest {

	/** The manifest format this class reads. */
	public static final int FORMAT = 1;

	/** Stages every model provides, each in its own TorchScript file. */
	public static final List<String> STAGE_FILES = List.of("s2m", "propagation", "fusion");

	private final List<Entry> models;

	private ModelManifest(final List<Entry> models) {
		this.models = Collections.unmodifiableList(models);
	}

	/**
	 * @param file a {@code manifest.json}
	 * @throws MivosException when the file cannot be read or is not a valid manifest
	 */
	public static ModelManifest read(final Path file) {
		try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return parse(r, file.toString());
		}
		catch (final IOException e) {
			throw new MivosException("Cannot read model manifest " + file + ": " + e.getMessage(), e);
		}
	}

	/**
	 * @param json the manifest text
	 * @param origin where it came from, for messages
	 * @throws MivosException when it is not a valid manifest
	 */
	public static ModelManifest parse(final Reader json, final String origin) {
		final Json parsed;
		try {
			parsed = new Gson().fromJson(json, Json.class);
		}
		catch (final JsonParseException e) {
			throw new MivosException("Model manifest " + origin + " is not valid JSON: " + e.getMessage(), e);
		}
		if (parsed == null) throw new MivosException("Model manifest " + origin + " is empty");
		if (parsed.format != FORMAT) throw new MivosException("Model manifest " + origin + " has format " +
			parsed.format + "; this plugin reads format " + FORMAT);
		final List<Entry> models = new ArrayList<>();
		if (parsed.models != null) for (final Json.Model m : parsed.models)
			models.add(Entry.of(m, origin));
		return new ModelManifest(models);
	}

	/** @return the models in manifest order */
	public List<Entry> models() {
		return models;
	}

	/** @return the model called {@code name} */
	public Optional<Entry> find(final String name) {
		return models.stream().filter(m -> m.name().equals(name)).findFirst();
	}

	/**
	 * A file of a model.
	 *
	 * @param path path relative to the manifest's folder, with '/' separators
	 * @param sha256 expected sha256, lower-case hex
	 */
	public record FileRef(String path, String sha256) {}

	/**
	 * What a model expects as input.
	 *
	 * @param channels image channel counts it accepts (1 and/or 3)
	 * @param range value range of the images, in words
	 * @param multipleOf processing height and width must be multiples of this
	 */
	public record Input(List<Integer> channels, String range, int multipleOf) {

		/** @return e.g. "1 or 3 channels, values 0..1, H and W multiples of 16" */
		public String describe() {
			final StringBuilder c = new StringBuilder();
			for (int i = 0; i < channels.size(); i++)
				c.append(i == 0 ? "" : i == channels.size() - 1 ? " or " : ", ").append(channels.get(i));
			return c + " channel" + (channels.size() == 1 && channels.get(0) == 1 ? "" : "s") + ", values " + range +
				", H and W multiples of " + multipleOf;
		}
	}

	/**
	 * One model of the manifest.
	 *
	 * @param name short name, e.g. "lite"
	 * @param version model version
	 * @param description one line for users
	 * @param config network configuration (key and value widths, stride, ...), as in the manifest
	 * @param input input conventions
	 * @param files stage file name ("s2m", "propagation", "fusion") to file
	 * @param training how the weights were trained, as in the manifest
	 */
	public record Entry(String name, String version, String description, JsonObject config, Input input,
		Map<String, FileRef> files, JsonObject training)
	{

		/** @return whether the weights were trained on data (placeholders declare {@code "training": {"data": "none"}}) */
		public boolean trained() {
			return training.has("data") && training.get("data").isJsonPrimitive() && !"none".equals(training.get(
				"data").getAsString());
		}

		private static Entry of(final Json.Model m, final String origin) {
			if (m.name == null || m.name.isBlank()) throw new MivosException("Model manifest " + origin +
				" lists a model without a name");
			final String what = "Model '" + m.name + "' in manifest " + origin;
			if (m.version == null) throw new MivosException(what + " has no version");
			if (m.files == null) throw new MivosException(what + " lists no files");
			final Map<String, FileRef> files = new LinkedHashMap<>();
			for (final String stage : STAGE_FILES) {
				final Json.File f = m.files.get(stage);
				if (f == null || f.path == null || f.sha256 == null) throw new MivosException(what +
					" has no path and sha256 for its " + stage + " file");
				files.put(stage, new FileRef(f.path, f.sha256.toLowerCase(Locale.ROOT)));
			}
			final Json.Input in = m.input == null ? new Json.Input() : m.input;
			final Input input = new Input(in.channels == null ? List.of(1, 3) : List.copyOf(in.channels),
				in.range == null ? "0..1" : in.range, in.multipleOf == null ? 16 : in.multipleOf);
			return new Entry(m.name, m.version, m.description == null ? "" : m.description, m.config == null
				? new JsonObject() : m.config, input, Collections.unmodifiableMap(files), m.training == null
					? new JsonObject() : m.training);
		}
	}

	/** The JSON layout, as gson fills it. */
	private static final class Json {

		int format;
		List<Model> models;

		static final class Model {

			String name;
			String version;
			String description;
			JsonObject config;
			Input input;
			Map<String, File> files;
			JsonObject training;
		}

		static final class Input {

			List<Integer> channels;
			String range;
			@SerializedName("multiple_of")
			Integer multipleOf;
		}

		static final class File {

			String path;
			String sha256;
		}
	}
}
