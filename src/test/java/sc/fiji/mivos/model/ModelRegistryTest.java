package sc.fiji.mivos.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.mivos.core.MivosException;

/** Manifest reading and file verification, on small fake model folders. */
class ModelRegistryTest {

	@TempDir
	Path dir;

	/** Writes a model folder with three small files and a manifest listing them under {@code name}. */
	private static Path modelFolder(final Path root, final String name, final String version) throws IOException {
		Files.createDirectories(root.resolve(name));
		final StringBuilder files = new StringBuilder();
		for (final String stage : ModelManifest.STAGE_FILES) {
			final Path f = root.resolve(name + "/" + stage + ".pt");
			Files.writeString(f, stage + " weights of " + name);
			files.append(files.length() == 0 ? "" : ",").append('"').append(stage).append("\": {\"path\": \"").append(
				name).append('/').append(stage).append(".pt\", \"sha256\": \"").append(ModelRegistry.sha256(f)).append(
					"\"}");
		}
		Files.writeString(root.resolve("manifest.json"), "{\"format\": 1, \"models\": [{\"name\": \"" + name +
			"\", \"version\": \"" + version + "\", \"config\": {\"key_dim\": 64}, \"input\": {\"channels\": [1, 3], " +
			"\"range\": \"0..1\", \"multiple_of\": 16}, \"training\": {\"data\": \"none\"}, \"files\": {" + files +
			"}}]}", StandardCharsets.UTF_8);
		return root;
	}

	@Test
	void listsAndResolvesAnIntactModel() throws IOException {
		final ModelRegistry r = ModelRegistry.of(modelFolder(dir, "lite", "1.2.3"));
		final List<ModelRegistry.Listing> list = r.list();
		assertEquals(1, list.size());
		final ModelRegistry.Listing l = list.get(0);
		assertEquals("lite", l.name());
		assertEquals("1.2.3", l.version());
		assertTrue(l.ok());
		assertEquals(3, l.checks().size());
		assertTrue(l.source().contains(dir.toAbsolutePath().toString()), l.source());
		assertEquals("1 or 3 channels, values 0..1, H and W multiples of 16", l.inputDescription());
		final ModelBundle b = r.resolve("lite");
		assertEquals("1.2.3", b.version());
		assertEquals(dir.resolve("lite/propagation.pt").toAbsolutePath().normalize(), b.file("propagation"));
		assertEquals(64, b.config().get("key_dim").getAsInt());
		assertFalse(b.trained());
	}

	@Test
	void corruptedFileIsRefusedByNameAndHash() throws IOException {
		final ModelRegistry r = ModelRegistry.of(modelFolder(dir, "lite", "1"));
		final String expected = ModelRegistry.sha256(dir.resolve("lite/s2m.pt"));
		Files.writeString(dir.resolve("lite/s2m.pt"), "tampered");
		final String actual = ModelRegistry.sha256(dir.resolve("lite/s2m.pt"));
		final MivosException e = assertThrows(MivosException.class, () -> r.resolve("lite"));
		assertTrue(e.getMessage().startsWith("Model file lite/s2m.pt of model 'lite' is corrupted: sha256 " +
			actual + " expected " + expected), e.getMessage());
		final ModelRegistry.FileCheck c = r.list().get(0).checks().get(0);
		assertEquals("s2m", c.stage());
		assertFalse(c.ok());
		assertEquals(actual, c.actualSha256());
		assertFalse(r.list().get(0).ok());
	}

	@Test
	void missingFileIsReported() throws IOException {
		final ModelRegistry r = ModelRegistry.of(modelFolder(dir, "lite", "1"));
		Files.delete(dir.resolve("lite/fusion.pt"));
		final MivosException e = assertThrows(MivosException.class, () -> r.resolve("lite"));
		assertTrue(e.getMessage().startsWith("Model file lite/fusion.pt of model 'lite' is missing"), e.getMessage());
		final ModelRegistry.FileCheck c = r.list().get(0).checks().get(2);
		assertFalse(c.ok());
		assertNull(c.actualSha256());
	}

	@Test
	void unknownModelNamesTheAvailableOnes() throws IOException {
		final ModelRegistry r = ModelRegistry.of(modelFolder(dir.resolve("a"), "lite", "1"), modelFolder(dir.resolve(
			"b"), "mivos", "1"));
		final MivosException e = assertThrows(MivosException.class, () -> r.resolve("foo"));
		assertTrue(e.getMessage().startsWith("Model 'foo' not found; available: lite, mivos"), e.getMessage());
	}

	@Test
	void earlierLocationsHideLaterOnes() throws IOException {
		final ModelRegistry r = ModelRegistry.of(modelFolder(dir.resolve("a"), "lite", "2"), modelFolder(dir.resolve(
			"b"), "lite", "1"), dir.resolve("empty"));
		assertEquals(1, r.list().size());
		assertEquals("2", r.resolve("lite").version());
	}

	@Test
	void badManifestIsAClearError() throws IOException {
		Files.writeString(dir.resolve("manifest.json"), "{\"format\": 7, \"models\": []}");
		final MivosException e = assertThrows(MivosException.class, () -> ModelRegistry.of(dir).list());
		assertTrue(e.getMessage().contains("format 7"), e.getMessage());
		Files.writeString(dir.resolve("manifest.json"), "{\"format\": 1, \"models\": [{\"name\": \"x\", " +
			"\"version\": \"1\", \"files\": {}}]}");
		final MivosException e2 = assertThrows(MivosException.class, () -> ModelRegistry.of(dir).list());
		assertTrue(e2.getMessage().contains("s2m"), e2.getMessage());
	}

	@Test
	void packedModelsAreUnpackedOnceAndRepaired() throws IOException {
		final Path src = modelFolder(dir.resolve("src"), "lite", "3.0");
		final Path jar = dir.resolve("plugin.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			for (final String f : List.of("manifest.json", "lite/s2m.pt", "lite/propagation.pt", "lite/fusion.pt")) {
				out.putNextEntry(new JarEntry("mivos-models/" + f));
				out.write(Files.readAllBytes(src.resolve(f)));
				out.closeEntry();
			}
		}
		final String old = System.getProperty(ModelRegistry.CACHE_PROPERTY);
		System.setProperty(ModelRegistry.CACHE_PROPERTY, dir.resolve("cache").toString());
		try (URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			final ModelBundle b = ModelRegistry.standard(loader).resolve("lite");
			assertEquals("3.0", b.version());
			assertTrue(b.source().startsWith("plugin jar"), b.source());
			final Path unpacked = b.file("s2m");
			assertTrue(unpacked.startsWith(dir.resolve("cache/models")), unpacked.toString());
			assertTrue(unpacked.getParent().getParent().getFileName().toString().startsWith("3.0-"));
			// a damaged cache copy is replaced from the jar on the next start
			Files.writeString(unpacked, "damaged");
			assertEquals(ModelRegistry.sha256(src.resolve("lite/s2m.pt")), ModelRegistry.sha256(ModelRegistry.standard(
				loader).resolve("lite").file("s2m")));
		}
		finally {
			if (old == null) System.clearProperty(ModelRegistry.CACHE_PROPERTY);
			else System.setProperty(ModelRegistry.CACHE_PROPERTY, old);
		}
	}

	@Test
	void standardRegistryHonoursTheDirectoryProperty() throws IOException {
		modelFolder(dir, "custom", "9");
		final String old = System.getProperty(ModelRegistry.DIR_PROPERTY);
		System.setProperty(ModelRegistry.DIR_PROPERTY, dir.toString());
		try {
			final ModelRegistry r = ModelRegistry.standard();
			assertEquals("custom", r.list().get(0).name());
			assertEquals("9", r.resolve("custom").version());
		}
		finally {
			if (old == null) System.clearProperty(ModelRegistry.DIR_PROPERTY);
			else System.setProperty(ModelRegistry.DIR_PROPERTY, old);
		}
	}
}
