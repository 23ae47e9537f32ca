package sc.fiji.mivos.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutomaticModuleNameTest {

	@TempDir
	Path dir;

	@Test
	void repairsNamesTheModuleSystemRefuses() {
		assertFalse(AutomaticModuleName.isValid("ai.djl.pytorch_native_cpu_linux-x86_64"));
		assertEquals("ai.djl.pytorch_native_cpu_linux_x86_64", AutomaticModuleName.repaired(
			"ai.djl.pytorch_native_cpu_linux-x86_64"));
		assertEquals("a._2d.native_", AutomaticModuleName.repaired("a.2d.native"));
		assertTrue(AutomaticModuleName.isValid(AutomaticModuleName.repaired("a.2d.native")));
		assertTrue(AutomaticModuleName.isValid("ai.djl.api"));
	}

	@Test
	void aRepairedJarIsAcceptedOnTheModulePathAndKeepsItsEntries() throws IOException {
		final Map<String, String> entries = new LinkedHashMap<>();
		entries.put(UpdaterChecksum.MANIFEST, TestJars.manifest("ai.djl.pytorch_native_cpu_linux-x86_64"));
		entries.put("native/lib/pytorch.properties", "version=2.7.1\n");
		entries.put("pytorch/cpu/linux-x86_64/libtorch.so", "binary stand-in");
		final Path original = TestJars.write(dir.resolve("in/pytorch-native-cpu-2.7.1.jar"), entries, 1_000_000_000L);
		assertThrows(FindException.class, () -> ModuleFinder.of(original.getParent()).findAll(),
			"the JVM refuses the original on the module path");

		final Path copy = dir.resolve("out/pytorch-native-cpu-2.7.1.jar");
		Files.createDirectories(copy.getParent());
		assertEquals("ai.djl.pytorch_native_cpu_linux_x86_64", AutomaticModuleName.copyRepaired(original, copy));
		final Set<ModuleReference> modules = ModuleFinder.of(copy.getParent()).findAll();
		assertEquals(Set.of("ai.djl.pytorch_native_cpu_linux_x86_64"), Set.of(modules.iterator().next().descriptor()
			.name()));
		try (JarFile a = new JarFile(original.toFile()); JarFile b = new JarFile(copy.toFile())) {
			for (final String name : new String[] { "native/lib/pytorch.properties",
				"pytorch/cpu/linux-x86_64/libtorch.so" })
				assertArrayEquals(a.getInputStream(a.getEntry(name)).readAllBytes(), b.getInputStream(b.getEntry(name))
					.readAllBytes(), name);
			assertEquals("test", b.getManifest().getMainAttributes().getValue("Created-By"));
		}
		assertEquals(UpdaterChecksum.of("jars/x.jar", original), UpdaterChecksum.of("jars/x.jar", copy));
	}

	@Test
	void aJarWithAValidOrNoNameIsCopiedAsItIs() throws IOException {
		final Path valid = TestJars.write(dir.resolve("in/a.jar"), Map.of(UpdaterChecksum.MANIFEST, TestJars
			.manifest("ai.djl.api"), "a.txt", "A"), 0);
		final Path unnamed = TestJars.write(dir.resolve("in/b.jar"), Map.of("b.txt", "B"), 0);
		Files.createDirectories(dir.resolve("out"));
		for (final Path jar : new Path[] { valid, unnamed }) {
			final Path copy = dir.resolve("out").resolve(jar.getFileName());
			assertNull(AutomaticModuleName.copyRepaired(jar, copy));
			assertArrayEquals(Files.readAllBytes(jar), Files.readAllBytes(copy));
		}
	}
}
