package sc.fiji.mivos.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import sc.fiji.mivos.core.MivosException;

/**
 * Finds models and checks their files. Locations are searched in order and a model name found in an earlier location
 * hides the same name in later ones. {@link #standard()} searches
 * <ol>
 * <li>the folder named by system property {@value #DIR_PROPERTY},</li>
 * <li>the models packed into the plugin jar under {@value #RESOURCE_ROOT} (unpacked on first use into
 * {@code ~/.cache/mivos/models/<version>-<manifest hash>/}, or below system property {@value #CACHE_PROPERTY}),</li>
 * <li>the folder {@code ./models}.</li>
 * </ol>
 * Each location holds a {@code manifest.json}; locations without one are skipped.
 */
public final class ModelRegistry {

	/** System property naming a model folder searched first. */
	public static final String DIR_PROPERTY = "mivos.models.dir";
	/** System property naming the folder the packed models are unpacked into (default {@code ~/.cache/mivos}). */
	public static final String CACHE_PROPERTY = "mivos.cache.dir";
	/** Class-path folder of the packed models. */
	public static final String RESOURCE_ROOT = "/mivos-models/";

	private static final String MANIFEST = "manifest.json";

	/** A place that may hold a manifest; {@code folder} is computed (and unpacked) only when first needed. */
	private record Location(String label, Supplier<Path> folder) {}

	private final List<Location> locations;

	private ModelRegistry(final List<Location> locations) {
		this.locations = locations;
	}

	/** @return the registry every entry point uses (search order in the class comment) */
	public static ModelRegistry standard() {
		return standard(ModelRegistry.class.getClassLoader());
	}

	/** @param packedModels the class loader whose {@value #RESOURCE_ROOT} holds the packed models */
	static ModelRegistry standard(final ClassLoader packedModels) {
		final List<Location> locations = new ArrayList<>();
		final String dir = System.getProperty(DIR_PROPERTY);
		if (dir != null && !dir.isBlank()) locations.add(folder(Paths.get(dir)));
		final URL packed = packedModels.getResource(RESOURCE_ROOT.substring(1) + MANIFEST);
		if (packed != null) locations.add(packed(packed, packedModels));
		locations.add(folder(Paths.get("models")));
		return new ModelRegistry(locations);
	}

	/** @return a registry that searches the given folders only, in order */
	public static ModelRegistry of(final Path... folders) {
		final List<Location> locations = new ArrayList<>();
		for (final Path f : folders)
			locations.add(folder(f));
		return new ModelRegistry(locations);
	}

	/**
	 * A file of a model and whether it is intact.
	 *
	 * @param stage stage file name ("s2m", "propagation", "fusion")
	 * @param path where the file should be
	 * @param ok whether it exists and its sha256 matches
	 * @param expectedSha256 sha256 from the manifest
	 * @param actualSha256 sha256 of the file, or {@code null} when it is missing
	 */
	public record FileCheck(String stage, Path path, boolean ok, String expectedSha256, String actualSha256) {}

	/**
	 * A model found in some location, with the state of its files.
	 *
	 * @param name model name
	 * @param version model version
	 * @param source the location, in words
	 * @param checks one per stage file
	 * @param inputDescription the inputs it expects, in words
	 */
	public record Listing(String name, String version, String source, List<FileCheck> checks,
		String inputDescription)
	{

		/** @return whether every file exists and matches its sha256 */
		public boolean ok() {
			return checks.stream().allMatch(FileCheck::ok);
		}
	}

	/** @return every model found, first location first, each file checked */
	public List<Listing> list() {
		final List<Listing> out = new ArrayList<>();
		for (final Found f : found().values())
			out.add(new Listing(f.entry.name(), f.entry.version(), f.source, check(f), f.entry.input().describe()));
		return out;
	}

	/**
	 * @param name model name
	 * @return the model, every file verified
	 * @throws MivosException when no location lists it, or one of its files is missing or corrupted
	 */
	public ModelBundle resolve(final String name) {
		final Map<String, Found> all = found();
		final Found f = all.get(name);
		if (f == null) throw new MivosException("Model '" + name + "' not found; available: " + (all.isEmpty()
			? "none" : String.join(", ", all.keySet())) + " (searched " + locations.stream().map(Location::label)
				.collect(Collectors.joining(", ")) + ")");
		final Map<String, Path> files = new LinkedHashMap<>();
		for (final FileCheck c : check(f)) {
			final String file = f.entry.files().get(c.stage()).path();
			if (c.actualSha256() == null) throw new MivosException("Model file " + file + " of model '" + name +
				"' is missing: expected at " + c.path() + " with sha256 " + c.expectedSha256());
			if (!c.ok()) throw new MivosException("Model file " + file + " of model '" + name +
				"' is corrupted: sha256 " + c.actualSha256() + " expected " + c.expectedSha256() + " (" + c.path() +
				")");
			files.put(c.stage(), c.path());
		}
		return new ModelBundle(name, f.entry.version(), f.source, f.entry.config(), f.entry.input(), files, f.entry
			.trained());
	}

	// -- Helpers --

	private record Found(ModelManifest.Entry entry, Path folder, String source) {}

	/** @return model name to its first occurrence, in search order */
	private Map<String, Found> found() {
		final Map<String, Found> all = new LinkedHashMap<>();
		for (final Location l : locations) {
			final Path folder = l.folder().get();
			if (folder == null || !Files.isRegularFile(folder.resolve(MANIFEST))) continue;
			for (final ModelManifest.Entry e : ModelManifest.read(folder.resolve(MANIFEST)).models())
				all.putIfAbsent(e.name(), new Found(e, folder, l.label()));
		}
		return all;
	}

	private static List<FileCheck> check(final Found f) {
		final List<FileCheck> checks = new ArrayList<>();
		for (final Map.Entry<String, ModelManifest.FileRef> e : f.entry.files().entrySet()) {
			final Path p = f.folder.resolve(e.getValue().path()).normalize();
			final String actual = Files.isRegularFile(p) ? sha256(p) : null;
			checks.add(new FileCheck(e.getKey(), p, e.getValue().sha256().equals(actual), e.getValue().sha256(),
				actual));
		}
		return checks;
	}

	private static Location folder(final Path dir) {
		final Path abs = dir.toAbsolutePath().normalize();
		return new Location("folder " + abs, () -> abs);
	}

	/** The packed models: used in place when the class path is a folder, otherwise unpacked once to the cache. */
	private static Location packed(final URL manifest, final ClassLoader loader) {
		if ("file".equals(manifest.getProtocol())) {
			try {
				final Path dir = Paths.get(manifest.toURI()).getParent();
				return new Location("plugin resources " + dir, () -> dir);
			}
			catch (final URISyntaxException e) {
				throw new IllegalStateException(e);
			}
		}
		final Path[] unpacked = new Path[1];
		return new Location("plugin jar " + manifest.getPath().replaceFirst("!.*", ""), () -> {
			synchronized (unpacked) {
				if (unpacked[0] == null) unpacked[0] = unpack(manifest, loader);
				return unpacked[0];
			}
		});
	}

	/** Copies the packed manifest and every file it lists to the cache (once per manifest content). */
	private static Path unpack(final URL manifestUrl, final ClassLoader loader) {
		try {
			final byte[] manifest;
			try (InputStream in = manifestUrl.openStream()) {
				manifest = in.readAllBytes();
			}
			final ModelManifest parsed = ModelManifest.parse(new InputStreamReader(new ByteArrayInputStream(
				manifest), StandardCharsets.UTF_8), "plugin jar");
			final String version = parsed.models().isEmpty() ? "none" : parsed.models().get(0).version();
			final String hash = HexFormat.of().formatHex(digest().digest(manifest)).substring(0, 12);
			final String root = System.getProperty(CACHE_PROPERTY, Paths.get(System.getProperty("user.home"),
				".cache", "mivos").toString());
			final Path dir = Paths.get(root, "models", version + "-" + hash);
			final Set<String> paths = new LinkedHashSet<>();
			for (final ModelManifest.Entry e : parsed.models())
				for (final ModelManifest.FileRef f : e.files().values())
					if (!Files.isRegularFile(dir.resolve(f.path())) || !f.sha256().equals(sha256(dir.resolve(f
						.path())))) paths.add(f.path());
			for (final String p : paths)
				try (InputStream in = loader.getResourceAsStream(RESOURCE_ROOT.substring(1) + p)) {
					// NB: a file the jar lacks stays missing; list() and resolve() report it by name.
					if (in != null) writeAtomically(in, dir.resolve(p));
				}
			if (!Files.isRegularFile(dir.resolve(MANIFEST))) writeAtomically(new ByteArrayInputStream(
				manifest), dir.resolve(MANIFEST));
			return dir;
		}
		catch (final IOException e) {
			throw new MivosException("Cannot unpack the packed models: " + e.getMessage(), e);
		}
	}

	private static void writeAtomically(final InputStream in, final Path target) throws IOException {
		Files.createDirectories(target.getParent());
		final Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
		try {
			Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
			try {
				Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (final AtomicMoveNotSupportedException e) {
				Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	/** @return lower-case hex sha256 of a file */
	static String sha256(final Path file) {
		final MessageDigest md = digest();
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		catch (final IOException e) {
			throw new MivosException("Cannot read model file " + file + ": " + e.getMessage(), e);
		}
		return HexFormat.of().formatHex(md.digest());
	}

	private static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
