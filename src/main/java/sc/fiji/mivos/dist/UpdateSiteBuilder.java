package sc.fiji.mivos.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import sc.fiji.mivos.dist.SiteIndex.Dependency;
import sc.fiji.mivos.dist.SiteIndex.SiteFile;
import sc.fiji.mivos.dist.SiteIndex.Version;
import sc.fiji.mivos.model.ModelManifest;

/**
 * Builds the Fiji update site: takes a folder laid out as the files should lie inside Fiji ({@code jars/},
 * {@code jars/<platform>/}), adds the plugin jar under {@code plugins/}, and writes the site as the Fiji updater
 * downloads it: each file as {@code <path>-<timestamp>} and the index {@value SiteIndexXml#FILE_NAME}. Files under
 * a platform folder are recorded for that platform only; jars whose module name the JVM would refuse are repaired
 * ({@link AutomaticModuleName}). The plugin jar's record depends on every other file.
 * <p>
 * Run by {@code mvn -Pupdate-site package}; arguments are {@code key=value}:
 * <dl>
 * <dt>{@code files}</dt><dd>the folder of library files, laid out as in Fiji (required)</dd>
 * <dt>{@code plugin}</dt><dd>the plugin jar (required)</dd>
 * <dt>{@code site}</dt><dd>output folder, emptied first (required)</dd>
 * <dt>{@code version}, {@code description}, {@code url}, {@code author}</dt><dd>shown by the updater</dd>
 * <dt>{@code models}</dt><dd>the model manifest, whose model versions the plugin's description lists</dd>
 * <dt>{@code previous}</dt><dd>the {@code db.xml.gz} now on the site, whose history is continued (optional)</dd>
 * <dt>{@code timestamp}</dt><dd>{@code yyyyMMddHHmmss} of this publication (default: now, UTC)</dd>
 * </dl>
 */
public final class UpdateSiteBuilder {

	/** Platform folder names the Fiji updater knows (imagej-updater {@code Platforms}). */
	static final Set<String> PLATFORMS = Set.of("linux32", "linux64", "linux-arm64", "linuxx", "macos64",
		"macos-arm64", "macosx", "win32", "win64", "win-arm64", "winx");

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private final Map<String, String> args;

	private UpdateSiteBuilder(final Map<String, String> args) {
		this.args = args;
	}

	public static void main(final String[] argv) throws IOException {
		final Map<String, String> args = new HashMap<>();
		for (final String a : argv) {
			final int eq = a.indexOf('=');
			if (eq < 1) throw new IllegalArgumentException("Expected key=value, got '" + a + "'");
			args.put(a.substring(0, eq), a.substring(eq + 1));
		}
		new UpdateSiteBuilder(args).build();
	}

	private void build() throws IOException {
		final Path files = Paths.get(required("files"));
		final Path plugin = Paths.get(required("plugin"));
		final Path site = Paths.get(required("site"));
		final long now = Long.parseLong(args.getOrDefault("timestamp", TIMESTAMP.format(Instant.now())));
		deleteTree(site);
		Files.createDirectories(site);

		final Map<String, Path> layout = new LinkedHashMap<>();
		layout.put("plugins/" + plugin.getFileName(), plugin);
		for (final Path f : regularFiles(files))
			layout.put(files.relativize(f).toString().replace('\\', '/'), f);

		// NB: files are prepared inside the site folder, so that publishing them is a rename, not a copy.
		final Path prepared = site.resolve(".prepared");
		try {
			final List<SiteFile> records = new ArrayList<>();
			final Map<String, Path> content = new HashMap<>();
			for (final Map.Entry<String, Path> e : layout.entrySet()) {
				final String fijiPath = e.getKey();
				final Path file = prepare(fijiPath, e.getValue(), prepared);
				content.put(fijiPath, file);
				records.add(record(fijiPath, file, now));
			}
			SiteIndex index = SiteIndex.sorted(records);
			for (final String previous : optional("previous"))
				index = index.after(SiteIndexXml.read(Paths.get(previous), false), now);
			index = withPluginDependencies(index);
			for (final SiteFile f : index.files()) {
				if (f.current() == null) continue;
				final Path upload = site.resolve(f.uploadName());
				Files.createDirectories(upload.getParent());
				final Path file = content.get(f.filename());
				if (file.startsWith(prepared)) Files.move(file, upload);
				else Files.copy(file, upload);
			}
			SiteIndexXml.write(index, site.resolve(SiteIndexXml.FILE_NAME));
			report(index, site);
		}
		finally {
			deleteTree(prepared);
		}
	}

	/** @return the record of one file, without dependencies and history; the plugin gets its description and links */
	private SiteFile record(final String fijiPath, final Path file, final long now) throws IOException {
		final Version library = new Version(UpdaterChecksum.of(fijiPath, file), now, Files.size(file),
			"Library used by MiVOS for Fiji.", List.of(), List.of(), List.of());
		if (!fijiPath.startsWith("plugins/")) return new SiteFile(fijiPath, platformOf(fijiPath), List.of(), library,
			List.of());
		final Version plugin = new Version(library.checksum(), now, library.filesize(), pluginDescription(), List.of(),
			optional("url"), optional("author"));
		return new SiteFile(fijiPath, List.of(), List.of("Segmentation"), plugin, List.of());
	}

	private List<String> optional(final String key) {
		final String v = args.get(key);
		return v == null || v.isBlank() ? List.of() : List.of(v);
	}

	/** @return the file as it will be installed: jars with a bad module name repaired, the rest as they are */
	private static Path prepare(final String fijiPath, final Path source, final Path prepared) throws IOException {
		if (!fijiPath.endsWith(".jar")) return source;
		final Path target = prepared.resolve(fijiPath);
		Files.createDirectories(target.getParent());
		final String repaired = AutomaticModuleName.copyRepaired(source, target);
		if (repaired != null) System.out.println("update-site: " + fijiPath + ": Automatic-Module-Name set to " +
			repaired);
		return target;
	}

	/**
	 * @return the updater platform of a file in {@code jars/<platform>/} or {@code lib/<platform>/}, none otherwise
	 * @throws IllegalArgumentException for a sub-folder that is not a platform name
	 */
	static List<String> platformOf(final String fijiPath) {
		final String[] parts = fijiPath.split("/");
		if (parts.length < 3 || !(parts[0].equals("jars") || parts[0].equals("lib"))) return List.of();
		if (!PLATFORMS.contains(parts[1])) throw new IllegalArgumentException(fijiPath + ": '" + parts[1] +
			"' is not a platform the Fiji updater knows " + PLATFORMS.stream().sorted().toList());
		return List.of(parts[1]);
	}

	private String pluginDescription() {
		final StringBuilder d = new StringBuilder(optional("description").stream().findFirst().orElse("MiVOS for Fiji."));
		for (final String version : optional("version"))
			d.append(" Version ").append(version).append('.');
		for (final String models : optional("models"))
			d.append(" Embedded models: ").append(ModelManifest.read(Paths.get(models)).models().stream().map(m -> m
				.name() + " " + m.version()).collect(Collectors.joining(", "))).append('.');
		return d.toString();
	}

	private static SiteIndex withPluginDependencies(final SiteIndex index) {
		final List<Dependency> libraries = index.files().stream().filter(f -> f.current() != null && !f.filename()
			.startsWith("plugins/")).map(f -> new Dependency(f.unversioned(), f.current().timestamp())).toList();
		return new SiteIndex(index.files().stream().map(f -> {
			if (f.current() == null || !f.filename().startsWith("plugins/")) return f;
			final Version v = f.current();
			return new SiteFile(f.filename(), f.platforms(), f.categories(), new Version(v.checksum(), v.timestamp(), v
				.filesize(), v.description(), libraries, v.links(), v.authors()), f.previous());
		}).toList());
	}

	private static void report(final SiteIndex index, final Path site) {
		long total = 0;
		final Map<String, Long> perPlatform = new LinkedHashMap<>();
		for (final SiteFile f : index.files()) {
			if (f.current() == null) continue;
			final long size = f.current().filesize();
			total += size;
			System.out.printf(Locale.ROOT, "update-site: %-55s %8.1f MB  %s%n", f.filename(), size / 1e6, f.platforms()
				.isEmpty() ? "all platforms" : String.join(",", f.platforms()));
			for (final String p : f.platforms())
				perPlatform.merge(p, size, Long::sum);
		}
		final long common = total - perPlatform.values().stream().mapToLong(Long::longValue).sum();
		System.out.printf(Locale.ROOT, "update-site: %s: %.1f MB in all; one installation downloads %s%n", site,
			total / 1e6, perPlatform.isEmpty() ? "all of it" : perPlatform.entrySet().stream().map(e -> String.format(
				Locale.ROOT, "%s %.1f MB", e.getKey(), (common + e.getValue()) / 1e6)).collect(Collectors.joining(", ")));
	}

	private String required(final String key) {
		final String v = args.get(key);
		if (v == null || v.isBlank()) throw new IllegalArgumentException("Missing argument " + key + "=...");
		return v;
	}

	private static List<Path> regularFiles(final Path folder) throws IOException {
		try (Stream<Path> walk = Files.walk(folder)) {
			return walk.filter(Files::isRegularFile).sorted().toList();
		}
	}

	private static void deleteTree(final Path root) throws IOException {
		if (!Files.exists(root)) return;
		try (Stream<Path> walk = Files.walk(root)) {
			walk.sorted(Comparator.reverseOrder()).forEach(p -> {
				try {
					Files.delete(p);
				}
				catch (final IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
	}
}
