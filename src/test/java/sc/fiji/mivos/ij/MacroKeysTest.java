package sc.fiji.mivos.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.scijava.ItemIO;
import org.scijava.plugin.Parameter;
import org.scijava.service.Service;

/**
 * The commands' parameter names are the macro API: this keeps the frozen list, its README table and the code in
 * step, and the keys unique when case is ignored (the macro recorder lower-cases them).
 */
class MacroKeysTest {

	/** Frozen: keys may be added, never renamed or removed. */
	private static final Set<String> FROZEN = Set.of("image", "scribbles", "channel", "slice", "model", "device",
		"threads", "processing_size", "top_k", "mem_every", "max_memory_frames", "fusion", "frame", "first_frame",
		"last_frame", "ground_truth", "protocol", "interactions", "max_objects", "frame_choice", "baselines", "seed",
		"output_folder");

	private static final List<Class<?>> COMMANDS = List.of(ScribbleToMaskCommand.class, PropagateCommand.class,
		EvaluateCommand.class);

	@Test
	void everyInputKeyIsFrozenDocumentedAndLowerSnakeCase() throws IOException {
		final String readme = Files.readString(Paths.get("README.md"));
		final Set<String> seen = new TreeSet<>();
		for (final Class<?> command : COMMANDS)
			for (final String key : inputKeys(command)) {
				seen.add(key);
				assertTrue(key.matches("[a-z][a-z0-9_]*"), key + " is not lower_snake_case");
				assertTrue(readme.contains("| `" + key + "` |"), key + " is missing from the README macro table");
			}
		assertEquals(new TreeSet<>(FROZEN), seen, "keys changed: the frozen list is the macro API");
	}

	@Test
	void keysStayUniqueIgnoringCase() {
		for (final Class<?> command : COMMANDS) {
			final List<String> keys = inputKeys(command);
			final Set<String> lower = new TreeSet<>();
			for (final String k : keys)
				lower.add(k.toLowerCase(Locale.ROOT));
			assertEquals(keys.size(), lower.size(), command.getSimpleName());
		}
	}

	private static List<String> inputKeys(final Class<?> command) {
		final List<String> keys = new ArrayList<>();
		for (Class<?> c = command; c != null && c != Object.class; c = c.getSuperclass())
			for (final Field f : c.getDeclaredFields()) {
				final Parameter p = f.getAnnotation(Parameter.class);
				if (p == null || p.type() == ItemIO.OUTPUT || Service.class.isAssignableFrom(f.getType()) || f
					.getType().getName().startsWith("org.scijava.")) continue;
				keys.add(f.getName());
			}
		return keys;
	}
}
