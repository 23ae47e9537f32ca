package sc.fiji.mivos.dist;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scijava.util.FileUtils;

/**
 * The content of an update site's {@code db.xml.gz}: one record per file, each with its current version and the
 * versions it had before. The Fiji updater identifies a file by its path without the version
 * ({@code jars/api-0.36.0.jar} and {@code jars/api-0.37.0.jar} are one file), so records are keyed that way.
 *
 * @param files records sorted by file name
 */
public record SiteIndex(List<SiteFile> files) {

	/**
	 * One file of the site.
	 *
	 * @param filename path inside Fiji, with version ({@code plugins/MiVOS_Fiji-0.1.0.jar})
	 * @param platforms updater platforms the file is for ({@code linux64}, {@code win64}, ...); empty = all
	 * @param categories menu-like categories shown by the updater
	 * @param current the version to install, or {@code null} for a file that was removed from the site
	 * @param previous earlier versions, oldest first
	 */
	public record SiteFile(String filename, List<String> platforms, List<String> categories, Version current,
		List<PreviousVersion> previous)
	{

		/** @return the updater's identity of the file: its path without version */
		public String unversioned() {
			return SiteIndex.unversioned(filename);
		}

		/** @return the name of the uploaded file on the site server: {@code <filename>-<timestamp>} */
		public String uploadName() {
			return filename + "-" + current.timestamp();
		}
	}

	/**
	 * @param checksum {@link UpdaterChecksum} of the file
	 * @param timestamp when this version was published, {@code yyyyMMddHHmmss}
	 * @param filesize bytes
	 * @param description text shown by the updater, or {@code null}
	 * @param dependencies files this one needs
	 * @param links web pages about the file
	 * @param authors people named by the updater
	 */
	public record Version(String checksum, long timestamp, long filesize, String description,
		List<Dependency> dependencies, List<String> links, List<String> authors)
	{}

	/**
	 * @param filename the needed file's path without version ({@code jars/api.jar})
	 * @param timestamp the needed file's version timestamp
	 */
	public record Dependency(String filename, long timestamp) {}

	/**
	 * @param checksum checksum of that version
	 * @param timestamp when it was published
	 * @param timestampObsolete when it stopped being current
	 * @param filename its file name when that differed from the record's, else {@code null}
	 */
	public record PreviousVersion(String checksum, long timestamp, long timestampObsolete, String filename) {}

	/** @return {@code path} without the version part of its file name, as the Fiji updater computes it */
	public static String unversioned(final String path) {
		return FileUtils.stripFilenameVersion(path);
	}

	/**
	 * Continues the history of an earlier index of the same site, as the updater's upload does: a file whose
	 * checksum did not change keeps its earlier timestamp (so nobody is asked to update it); a changed file's earlier
	 * version becomes a previous version; a file that is gone stays as a record without current version, which makes
	 * the updater offer to remove it.
	 *
	 * @param earlier the index now on the site
	 * @param now the timestamp of this publication, {@code yyyyMMddHHmmss}
	 * @return this index with the earlier history merged in
	 */
	public SiteIndex after(final SiteIndex earlier, final long now) {
		final Map<String, SiteFile> before = new LinkedHashMap<>();
		for (final SiteFile f : earlier.files)
			before.put(f.unversioned(), f);
		final List<SiteFile> merged = new ArrayList<>();
		for (final SiteFile f : files) {
			final SiteFile old = before.remove(f.unversioned());
			if (old == null) merged.add(f);
			else if (old.current != null && old.current.checksum.equals(f.current.checksum)) merged.add(new SiteFile(
				f.filename, f.platforms, f.categories, withTimestamp(f.current, old.current.timestamp), old.previous));
			else merged.add(new SiteFile(f.filename, f.platforms, f.categories, f.current, obsoleted(old, f.filename,
				now)));
		}
		for (final SiteFile gone : before.values())
			merged.add(new SiteFile(gone.filename, gone.platforms, gone.categories, null, obsoleted(gone, gone.filename,
				now)));
		return sorted(merged);
	}

	/** @return an index of {@code files} sorted by file name */
	public static SiteIndex sorted(final List<SiteFile> files) {
		return new SiteIndex(files.stream().sorted(Comparator.comparing(SiteFile::filename)).toList());
	}

	private static Version withTimestamp(final Version v, final long timestamp) {
		return new Version(v.checksum, timestamp, v.filesize, v.description, v.dependencies, v.links, v.authors);
	}

	private static List<PreviousVersion> obsoleted(final SiteFile old, final String newFilename, final long now) {
		final List<PreviousVersion> previous = new ArrayList<>(old.previous);
		if (old.current != null) previous.add(new PreviousVersion(old.current.checksum, old.current.timestamp, now,
			old.filename.equals(newFilename) ? null : old.filename));
		return previous;
	}
}
