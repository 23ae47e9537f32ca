package sc.fiji.mivos.io.gt;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Object ids for the colours of RGB masks. When every non-black colour is an entry of the PASCAL VOC / DAVIS palette
 * (index 1 = dark red 128,0,0; 2 = dark green; 3 = olive; ...) the id is that palette index, so RGB copies of DAVIS
 * masks keep their ids; otherwise the distinct colours sorted by their packed {@code 0xRRGGBB} value get ids
 * 1, 2, 3, ... Black (0) is background.
 */
final class ColourIds {

	private final Map<Integer, Integer> ids = new HashMap<>();
	private final boolean palette;

	/** @param colours every packed RGB colour that occurs (black included or not) */
	ColourIds(final SortedSet<Integer> colours) {
		final Map<Integer, Integer> paletteIndex = new HashMap<>();
		for (int i = 1; i < 256; i++)
			paletteIndex.put(paletteColour(i), i);
		final SortedSet<Integer> objects = new TreeSet<>(colours);
		objects.remove(0);
		palette = paletteIndex.keySet().containsAll(objects);
		int next = 1;
		for (final int c : objects)
			ids.put(c, palette ? paletteIndex.get(c) : next++);
	}

	/** @return whether the ids are DAVIS palette indices (else ranks of the sorted colours) */
	boolean isPalette() {
		return palette;
	}

	/** @return number of object colours */
	int size() {
		return ids.size();
	}

	/** @return the id of packed colour {@code rgb}, 0 for black */
	int id(final int rgb) {
		return rgb == 0 ? 0 : ids.get(rgb);
	}

	/** Colour {@code index} of the PASCAL VOC palette: the bits of the index spread over the high bits of R, G, B. */
	static int paletteColour(final int index) {
		int r = 0, g = 0, b = 0, c = index;
		for (int bit = 7; bit >= 0; bit--) {
			r |= (c & 1) << bit;
			g |= (c >> 1 & 1) << bit;
			b |= (c >> 2 & 1) << bit;
			c >>= 3;
		}
		return r << 16 | g << 8 | b;
	}
}
