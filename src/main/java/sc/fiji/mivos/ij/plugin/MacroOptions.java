package sc.fiji.mivos.ij.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the keys of an ImageJ 1.x macro option string, {@code "key=value key=[value with spaces] flag"}: a key ends
 * at {@code =} or a blank, a bracketed value runs to the closing bracket, a bare word is a checkbox that is on.
 */
final class MacroOptions {

	private MacroOptions() {}

	/** @return the keys in order, lower-cased as ImageJ matches them; empty for {@code null} */
	static List<String> keys(final String options) {
		final List<String> keys = new ArrayList<>();
		if (options == null) return keys;
		int i = 0;
		final int n = options.length();
		while (i < n) {
			while (i < n && Character.isWhitespace(options.charAt(i)))
				i++;
			if (i >= n) break;
			final int start = i;
			while (i < n && options.charAt(i) != '=' && !Character.isWhitespace(options.charAt(i)))
				i++;
			keys.add(options.substring(start, i).toLowerCase(Locale.US));
			if (i < n && options.charAt(i) == '=') {
				i++;
				if (i < n && options.charAt(i) == '[') {
					final int close = options.indexOf(']', i);
					i = close < 0 ? n : close + 1;
				}
				else while (i < n && !Character.isWhitespace(options.charAt(i)))
					i++;
			}
		}
		return keys;
	}
}
