package sc.fiji.mivos.ij;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import sc.fiji.mivos.core.MivosException;

/**
 * Which channels of a hyperstack the networks see: one channel as it is, or several combined pixel by pixel into
 * one grey channel by their mean or maximum.
 *
 * @param channels 1-based channels in ascending order, without repeats; empty = every channel of the image
 * @param projection how several channels are combined
 */
public record InputChannels(List<Integer> channels, Projection projection) {

	/** How several channels become one. */
	public enum Projection {
		MEAN, MAX;

		/** @throws MivosException naming the text when it is neither "mean" nor "max" */
		public static Projection parse(final String text) {
			for (final Projection p : values())
				if (p.name().equalsIgnoreCase(text.trim())) return p;
			throw new MivosException("Channel projection '" + text + "' is not mean or max");
		}

		@Override
		public String toString() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	public InputChannels {
		channels = List.copyOf(channels);
	}

	/** @return channel {@code channel} (1-based) alone */
	public static InputChannels single(final int channel) {
		return new InputChannels(List.of(channel), Projection.MEAN);
	}

	/**
	 * Reads the macro keys {@code channel}, {@code channels} and {@code channel_projection}.
	 *
	 * @param channel 1-based channel used when {@code channels} is empty
	 * @param channels empty; {@code all}; or channels and ranges such as {@code 1,3} or {@code 2-4}
	 * @param projection {@code mean} or {@code max}
	 * @throws MivosException naming the text when it cannot be read
	 */
	public static InputChannels parse(final int channel, final String channels, final String projection) {
		final Projection p = Projection.parse(projection);
		final String text = channels == null ? "" : channels.trim();
		if (text.isEmpty()) return new InputChannels(List.of(channel), p);
		if (text.equalsIgnoreCase("all")) return new InputChannels(List.of(), p);
		final List<Integer> list = new ArrayList<>();
		for (final String part : text.split(",")) {
			final String[] range = part.trim().split("-", -1);
			if (range.length > 2) throw bad(text);
			final int from = number(range[0], text);
			final int to = range.length == 2 ? number(range[1], text) : from;
			if (from < 1 || to < from) throw bad(text);
			for (int c = from; c <= to; c++)
				if (!list.contains(c)) list.add(c);
		}
		list.sort(null);
		return new InputChannels(list, p);
	}

	/**
	 * @param available the image's number of channels
	 * @return the 1-based channels to read
	 * @throws MivosException naming a channel the image does not have
	 */
	public int[] resolve(final int available, final String imageTitle) {
		if (channels.isEmpty()) {
			final int[] all = new int[available];
			for (int c = 0; c < available; c++)
				all[c] = c + 1;
			return all;
		}
		for (final int c : channels)
			if (c < 1 || c > available) throw new MivosException("Channel " + c + " does not exist: image '" +
				imageTitle + "' has " + available + " channel(s)");
		return channels.stream().mapToInt(Integer::intValue).toArray();
	}

	private static int number(final String s, final String text) {
		try {
			return Integer.parseInt(s.trim());
		}
		catch (final NumberFormatException e) {
			throw bad(text);
		}
	}

	private static MivosException bad(final String text) {
		return new MivosException("Channels '" + text + "' cannot be read; write 'all', or channels and ranges " +
			"such as 1,3 or 2-4");
	}
}
