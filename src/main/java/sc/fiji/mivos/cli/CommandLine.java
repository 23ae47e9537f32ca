package sc.fiji.mivos.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import sc.fiji.mivos.core.MivosException;

/**
 * The options of one {@code ./mivos} sub-command: {@code --key value} pairs and {@code --flag}s. Every option must be
 * read through this class; {@link #rejectUnknown()} then names any option the sub-command does not know.
 */
final class CommandLine {

	private final String command;
	private final Map<String, String> values = new LinkedHashMap<>();
	private final Set<String> read = new LinkedHashSet<>();

	private CommandLine(final String command) {
		this.command = command;
	}

	/**
	 * @param args the sub-command followed by its options
	 * @param flags names (without {@code --}) of options that take no value
	 */
	static CommandLine parse(final String[] args, final Set<String> flags) {
		if (args.length == 0) throw new MivosException("No command given; try ./mivos help");
		final CommandLine cl = new CommandLine(args[0]);
		for (int i = 1; i < args.length; i++) {
			final String a = args[i];
			if (!a.startsWith("--") || a.length() == 2) throw new MivosException("Unexpected argument '" + a +
				"' (options look like --name value)");
			String key = a.substring(2);
			String value;
			final int eq = key.indexOf('=');
			if (eq >= 0) {
				value = key.substring(eq + 1);
				key = key.substring(0, eq);
			}
			else if (flags.contains(key)) value = "true";
			else {
				if (i + 1 >= args.length) throw new MivosException("Option --" + key + " needs a value");
				value = args[++i];
			}
			if (cl.values.put(key, value) != null) throw new MivosException("Option --" + key + " is given twice");
		}
		return cl;
	}

	String command() {
		return command;
	}

	String string(final String key, final String fallback) {
		read.add(key);
		return values.getOrDefault(key, fallback);
	}

	String required(final String key) {
		final String v = string(key, null);
		if (v == null) throw new MivosException("./mivos " + command + " needs --" + key);
		return v;
	}

	boolean flag(final String key) {
		return Boolean.parseBoolean(string(key, "false"));
	}

	int integer(final String key, final int fallback) {
		final String v = string(key, null);
		if (v == null) return fallback;
		try {
			return Integer.parseInt(v.trim());
		}
		catch (final NumberFormatException e) {
			throw new MivosException("Option --" + key + " must be a whole number, not '" + v + "'");
		}
	}

	double number(final String key, final double fallback) {
		final String v = string(key, null);
		if (v == null) return fallback;
		try {
			return Double.parseDouble(v.trim());
		}
		catch (final NumberFormatException e) {
			throw new MivosException("Option --" + key + " must be a number, not '" + v + "'");
		}
	}

	Path path(final String key, final String fallback) {
		final String v = string(key, fallback);
		return v == null ? null : Paths.get(v);
	}

	/** @return 1-based frame numbers from a list like {@code 1,40} */
	List<Integer> frameList(final String key) {
		final String v = string(key, null);
		final List<Integer> frames = new ArrayList<>();
		if (v == null) return frames;
		for (final String part : v.split(",")) {
			try {
				frames.add(Integer.parseInt(part.trim()));
			}
			catch (final NumberFormatException e) {
				throw new MivosException("Option --" + key + " must list frame numbers like 1,40, not '" + v + "'");
			}
		}
		return frames;
	}

	/** @throws MivosException naming the first option the sub-command did not read */
	void rejectUnknown() {
		for (final String key : values.keySet())
			if (!read.contains(key)) throw new MivosException("Unknown option --" + key + " for ./mivos " + command);
	}
}
