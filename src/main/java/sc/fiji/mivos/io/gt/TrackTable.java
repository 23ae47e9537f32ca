package sc.fiji.mivos.io.gt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import sc.fiji.mivos.core.MivosException;

/**
 * Reads a Cell Tracking Challenge lineage file ({@code man_track.txt}): one track per line, four whole numbers
 * {@code L B E P} = label, first frame, last frame, parent label (0 = none), separated by white space.
 */
final class TrackTable {

	private TrackTable() {}

	/**
	 * @return tracks by label
	 * @throws MivosException naming the file and line when a line is malformed or a label repeats
	 */
	static SortedMap<Integer, GroundTruth.Track> read(final Path file) {
		final List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
		}
		catch (final IOException e) {
			throw new MivosException("Cannot read lineage file " + file + ": " + e.getMessage(), e);
		}
		final SortedMap<Integer, GroundTruth.Track> tracks = new TreeMap<>();
		for (int n = 0; n < lines.size(); n++) {
			final String line = lines.get(n).trim();
			if (line.isEmpty()) continue;
			final String[] f = line.split("\\s+");
			final GroundTruth.Track track;
			try {
				if (f.length != 4) throw new NumberFormatException();
				track = new GroundTruth.Track(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
					Integer.parseInt(f[3]));
			}
			catch (final NumberFormatException e) {
				throw new MivosException("Line " + (n + 1) + " of " + file + " is not 'label first last parent': " +
					line);
			}
			if (track.id() <= 0 || track.start() < 0 || track.end() < track.start() || track.parent() < 0)
				throw new MivosException("Line " + (n + 1) + " of " + file + " has an impossible track: " + line);
			if (tracks.put(track.id(), track) != null) throw new MivosException("Track " + track.id() +
				" appears twice in " + file);
		}
		return tracks;
	}
}
