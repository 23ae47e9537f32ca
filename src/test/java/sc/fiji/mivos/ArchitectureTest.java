package sc.fiji.mivos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Keeps the layers pointing one way, {@code core ← model ← engine ← io ← ij ← ui ← cli}, with the build-time
 * {@code dist} package (update-site tooling, not shipped in the plugin jar) on top, and keeps heavy or
 * display-bound libraries out of the lower layers. Scans the main sources for imports and fully qualified names.
 */
class ArchitectureTest {

	private static final String ROOT = "sc.fiji.mivos.";

	/** Layer rank: a package may use packages of equal or lower rank only. */
	private static final Map<String, Integer> RANK = Map.of("core", 0, "model", 1, "engine", 2, "io", 3, "ij", 4,
		"ui", 5, "cli", 6, "dist", 7);

	/** External prefixes each layer must not use. */
	private static final Map<String, List<String>> FORBIDDEN = Map.of( //
		"core", List.of("ai.djl.", "ij.", "java.awt.", "javax.swing.", "com.google.gson.", "org.scijava."), //
		"model", List.of("ij.", "java.awt.", "javax.swing.", "org.scijava."), //
		"engine", List.of("ij.", "java.awt.", "javax.swing.", "org.scijava.", "ai.djl.pytorch.",
			"ai.djl.inference.", "ai.djl.repository."), //
		"io", List.of("java.awt.", "javax.swing.", "ai.djl."), //
		"ij", List.of("javax.swing.", "ai.djl."), //
		"ui", List.of("ai.djl."), //
		"cli", List.of("ai.djl."), //
		"dist", List.of("ai.djl.", "ij.", "java.awt.", "javax.swing."));

	private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.])((?:sc\\.fiji\\.mivos|ai\\.djl|ij|java\\.awt|javax\\.swing|com\\.google\\.gson|org\\.scijava)\\.[\\w.]*)");

	@Test
	void everyClassSitsInAKnownLayer() throws IOException {
		final List<String> strays = new ArrayList<>();
		for (final Path file : sources()) {
			final String layer = layerOf(file);
			if (layer == null || !RANK.containsKey(layer)) strays.add(file.toString());
		}
		assertEquals(List.of(), strays, "classes outside the layer packages");
	}

	@Test
	void dependenciesPointDownwardOnly() throws IOException {
		final List<String> violations = new ArrayList<>();
		for (final Path file : sources()) {
			final String layer = layerOf(file);
			if (layer == null) continue;
			for (final String name : referencedNames(file)) {
				if (name.startsWith(ROOT)) {
					final String target = name.substring(ROOT.length()).split("\\.")[0];
					final Integer targetRank = RANK.get(target);
					if (targetRank != null && targetRank > RANK.get(layer)) violations.add(file.getFileName() + " (" +
						layer + ") uses " + name);
				}
				for (final String banned : FORBIDDEN.getOrDefault(layer, List.of()))
					if ((name + ".").startsWith(banned)) violations.add(file.getFileName() + " (" + layer + ") uses " +
						name);
			}
		}
		assertEquals(List.of(), violations, "layering violations");
	}

	@Test
	void scanFindsTheSources() throws IOException {
		// NB: an empty scan would make the other tests pass vacuously.
		assertTrue(sources().size() > 5, "too few sources found under src/main/java");
	}

	private static List<Path> sources() throws IOException {
		final Path root = Paths.get("src/main/java/sc/fiji/mivos");
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.filter(p -> p.toString().endsWith(".java")).toList();
		}
	}

	private static String layerOf(final Path file) {
		final Path rel = Paths.get("src/main/java/sc/fiji/mivos").relativize(file);
		return rel.getNameCount() < 2 ? null : rel.getName(0).toString();
	}

	private static List<String> referencedNames(final Path file) throws IOException {
		final List<String> names = new ArrayList<>();
		for (String line : Files.readAllLines(file)) {
			line = line.replaceAll("//.*$", "");
			if (line.trim().startsWith("*") || line.trim().startsWith("/*") || line.trim().startsWith("package ")) continue;
			final Matcher m = QUALIFIED.matcher(line.replaceFirst("^\\s*import\\s+(static\\s+)?", " "));
			while (m.find())
				names.add(m.group(1));
		}
		return names;
	}
}
