package sc.fiji.mivos.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.scijava.ItemIO;
import org.scijava.plugin.Parameter;
import org.scijava.service.Service;

import ij.ImagePlus;

/**
 * The commands' parameter names are the macro API. This keeps a frozen list of every (command, key, type,
 * default), and checks it against the commands' code and against the README's macro reference table; keys must be
 * lower_snake_case and unique when case is ignored (the macro recorder lower-cases them).
 */
class MacroKeysTest {

	private static final String S2M = "Scribble to Mask", PROPAGATE = "Propagate", EVALUATE = "Evaluate",
		EXPORT = "Export";

	/** The commands by the name the README table uses. */
	private static final Map<String, Class<?>> COMMANDS = Map.of(S2M, ScribbleToMaskCommand.class, PROPAGATE,
		PropagateCommand.class, EVALUATE, EvaluateCommand.class, EXPORT, ExportCommand.class);

	private static final List<String> ENGINE_KEYS = List.of( //
		"image|image|—", "channel|int|1", "slice|int|1", "channels|text|empty", "channel_projection|mean/max|mean",
		"model|text|lite", "device|cpu/gpu|cpu", "threads|int|0", "processing_size|int|1024", "top_k|int|0",
		"mem_every|int|5", "max_memory_frames|int|20", "fusion|boolean|false");

	/**
	 * Frozen: "command|key|type|default". Keys may be added, never renamed or removed; a default changes only with
	 * a documented reason.
	 */
	private static final Set<String> FROZEN = frozen();

	private static Set<String> frozen() {
		final Set<String> f = new TreeSet<>();
		for (final String c : List.of(S2M, PROPAGATE, EVALUATE))
			for (final String k : ENGINE_KEYS)
				f.add(c + "|" + k);
		for (final String c : List.of(S2M, PROPAGATE))
			f.add(c + "|scribbles|file|empty");
		f.add(S2M + "|frame|int|0");
		f.addAll(List.of(PROPAGATE + "|first_frame|int|1", PROPAGATE + "|last_frame|int|0", PROPAGATE +
			"|all_slices|boolean|false"));
		f.addAll(List.of(EVALUATE + "|first_frame|int|1", EVALUATE + "|last_frame|int|0", EVALUATE +
			"|ground_truth|file/folder|—", EVALUATE + "|protocol|davis/cells/semi|davis", EVALUATE +
				"|interactions|int|8", EVALUATE + "|max_objects|int|0", EVALUATE + "|frame_choice|oracle/suggest|oracle",
			EVALUATE + "|baselines|boolean|true", EVALUATE + "|seed|int|1", EVALUATE + "|output_folder|folder|—"));
		f.addAll(List.of(EXPORT + "|label_image|image|—", EXPORT + "|image|image|empty", EXPORT + "|channel|int|1",
			EXPORT + "|slice|int|1", EXPORT + "|label_tiff|boolean|true", EXPORT + "|roi_manager|boolean|true",
			EXPORT + "|roi_zip|boolean|true", EXPORT + "|csv|boolean|true", EXPORT + "|dataset|boolean|true",
			EXPORT + "|output_folder|folder|empty"));
		return f;
	}

	@Test
	void theCommandsHaveExactlyTheFrozenKeysTypesAndDefaults() throws ReflectiveOperationException {
		final Set<String> inCode = new TreeSet<>();
		for (final Map.Entry<String, Class<?>> c : COMMANDS.entrySet()) {
			final Object instance = c.getValue().getDeclaredConstructor().newInstance();
			for (final Field f : inputs(c.getValue())) {
				assertTrue(f.getName().matches("[a-z][a-z0-9_]*"), f.getName() + " is not lower_snake_case");
				f.setAccessible(true);
				inCode.add(c.getKey() + "|" + f.getName() + "|" + type(f) + "|" + text(f.get(instance), f.getAnnotation(
					Parameter.class).required()));
			}
		}
		assertEquals(FROZEN, inCode, () -> "the macro API changed (keys are never renamed or removed): " + difference(
			FROZEN, inCode));
	}

	@Test
	void theReadmeMacroReferenceListsEveryKey() throws IOException {
		final String readme = Files.readString(Paths.get("README.md"));
		final int start = readme.indexOf("### Macro reference");
		assertTrue(start >= 0, "README has no Macro reference section");
		final Set<String> documented = new TreeSet<>();
		for (final String line : readme.substring(readme.indexOf('\n', start)).split("\n")) {
			if (line.startsWith("## ") || line.startsWith("### ")) break;
			if (!line.startsWith("| `")) continue;
			final String[] cells = line.split("\\|");
			final String key = cells[1].trim().replace("`", "");
			for (final String command : cells[2].split(","))
				documented.add(command.trim() + "|" + key + "|" + cells[3].trim().replace("`", "") + "|" + cells[4].trim()
					.replace("`", ""));
		}
		assertEquals(FROZEN, documented, () -> "README macro reference (key | commands | type | default | meaning): " +
			difference(FROZEN, documented));
	}

	@Test
	void keysStayUniqueIgnoringCase() {
		for (final Class<?> command : COMMANDS.values()) {
			final List<Field> keys = inputs(command);
			final Set<String> lower = new TreeSet<>();
			for (final Field k : keys)
				lower.add(k.getName().toLowerCase(Locale.ROOT));
			assertEquals(keys.size(), lower.size(), command.getSimpleName());
		}
	}

	private static String difference(final Set<String> frozen, final Set<String> found) {
		final Set<String> missing = new TreeSet<>(frozen);
		missing.removeAll(found);
		final Set<String> extra = new TreeSet<>(found);
		extra.removeAll(frozen);
		return "missing " + missing + ", not frozen " + extra;
	}

	private static List<Field> inputs(final Class<?> command) {
		final Map<String, Field> keys = new LinkedHashMap<>();
		for (Class<?> c = command; c != null && c != Object.class; c = c.getSuperclass())
			for (final Field f : c.getDeclaredFields()) {
				final Parameter p = f.getAnnotation(Parameter.class);
				if (p == null || p.type() == ItemIO.OUTPUT || Service.class.isAssignableFrom(f.getType()) || f
					.getType().getName().startsWith("org.scijava.")) continue;
				keys.put(f.getName(), f);
			}
		return new ArrayList<>(keys.values());
	}

	private static String type(final Field f) {
		final Parameter p = f.getAnnotation(Parameter.class);
		final Class<?> t = f.getType();
		if (t == int.class) return "int";
		if (t == boolean.class) return "boolean";
		if (t == String.class) return p.choices().length > 0 ? String.join("/", p.choices()) : "text";
		if (t == ImagePlus.class) return "image";
		if (t == File.class) return "directory".equals(p.style()) ? "folder" : "both".equals(p.style()) ?
			"file/folder" : "file";
		throw new AssertionError(f.getName() + " has a type the macro reference does not describe: " + t);
	}

	/** @return the default as the README writes it: "—" for a required input without one, "empty" for none */
	private static String text(final Object value, final boolean required) {
		if (value == null) return required ? "—" : "empty";
		if ("".equals(value)) return "empty";
		return value.toString();
	}
}
