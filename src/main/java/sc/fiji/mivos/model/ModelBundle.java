package sc.fiji.mivos.model;

import java.nio.file.Path;
import java.util.Map;

import com.google.gson.JsonObject;

import sc.fiji.mivos.core.MivosException;

/**
 * A model whose files were found and verified against the sha256 sums of its manifest; ready to load.
 *
 * @param name model name
 * @param version model version
 * @param source where it was found, in words
 * @param config network configuration from the manifest
 * @param input input conventions
 * @param files stage file name ("s2m", "propagation", "fusion") to its verified file
 * @param trained whether the weights were trained (false for placeholder weights)
 */
public record ModelBundle(String name, String version, String source, JsonObject config,
	ModelManifest.Input input, Map<String, Path> files, boolean trained)
{

	public ModelBundle {
		files = Map.copyOf(files);
	}

	/** @return the verified file of a stage file name ("s2m", "propagation", "fusion") */
	public Path file(final String stage) {
		final Path p = files.get(stage);
		if (p == null) throw new MivosException("Model '" + name + "' has no " + stage + " file");
		return p;
	}
}
