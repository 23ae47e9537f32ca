package sc.fiji.mivos.dist;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import sc.fiji.mivos.dist.SiteIndex.Dependency;
import sc.fiji.mivos.dist.SiteIndex.PreviousVersion;
import sc.fiji.mivos.dist.SiteIndex.SiteFile;
import sc.fiji.mivos.dist.SiteIndex.Version;

/**
 * Reads and writes {@code db.xml.gz}, the gzipped XML index the Fiji updater downloads from an update site
 * (imagej-updater {@code XMLFileReader}/{@code XMLFileWriter}). The written document carries its document type, so a
 * validating parser can check its structure:
 *
 * <pre>
 * pluginRecords  = plugin*
 * plugin         = platform*, category*, version?, previous-version*     @filename
 * version        = description?, dependency*, link*, author*             @checksum @timestamp @filesize
 * dependency     = EMPTY                                                  @filename @timestamp
 * previous-version = EMPTY                  @checksum @timestamp [@timestamp-obsolete] [@filename]
 * </pre>
 * Timestamps are numbers {@code yyyyMMddHHmmss}; a remote index names no update site in its records.
 */
public final class SiteIndexXml {

	/** File name of the index on an update site. */
	public static final String FILE_NAME = "db.xml.gz";

	static final String DOCTYPE = """
		<!DOCTYPE pluginRecords [
		<!ELEMENT pluginRecords (plugin*)>
		<!ELEMENT plugin (platform*, category*, version?, previous-version*)>
		<!ATTLIST plugin filename CDATA #REQUIRED executable CDATA #IMPLIED>
		<!ELEMENT platform (#PCDATA)>
		<!ELEMENT category (#PCDATA)>
		<!ELEMENT version (description?, dependency*, link*, author*)>
		<!ATTLIST version timestamp CDATA #REQUIRED checksum CDATA #REQUIRED filesize CDATA #REQUIRED>
		<!ELEMENT description (#PCDATA)>
		<!ELEMENT dependency EMPTY>
		<!ATTLIST dependency filename CDATA #REQUIRED timestamp CDATA #IMPLIED overrides CDATA #IMPLIED>
		<!ELEMENT link (#PCDATA)>
		<!ELEMENT author (#PCDATA)>
		<!ELEMENT previous-version EMPTY>
		<!ATTLIST previous-version filename CDATA #IMPLIED timestamp CDATA #REQUIRED
		  timestamp-obsolete CDATA #IMPLIED checksum CDATA #REQUIRED>
		]>
		""";

	private SiteIndexXml() {}

	/** Writes {@code index} gzipped to {@code file}. */
	public static void write(final SiteIndex index, final Path file) throws IOException {
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
			write(index, out);
		}
	}

	/** Writes {@code index} as plain XML to {@code out}, which stays open. */
	static void write(final SiteIndex index, final OutputStream out) throws IOException {
		final Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		w.write(DOCTYPE);
		w.write("<pluginRecords>\n");
		for (final SiteFile f : index.files()) {
			w.write("    <plugin filename=\"" + escape(f.filename()) + "\">\n");
			for (final String p : f.platforms())
				w.write("        <platform>" + escape(p) + "</platform>\n");
			for (final String c : f.categories())
				w.write("        <category>" + escape(c) + "</category>\n");
			if (f.current() != null) writeVersion(f.current(), w);
			for (final PreviousVersion p : f.previous())
				w.write("        <previous-version timestamp=\"" + p.timestamp() + "\" timestamp-obsolete=\"" + p
					.timestampObsolete() + "\" checksum=\"" + p.checksum() + "\"" + (p.filename() == null ? "" :
						" filename=\"" + escape(p.filename()) + "\"") + "/>\n");
			w.write("    </plugin>\n");
		}
		w.write("</pluginRecords>\n");
		w.flush();
	}

	private static void writeVersion(final Version v, final Writer w) throws IOException {
		w.write("        <version checksum=\"" + v.checksum() + "\" timestamp=\"" + v.timestamp() + "\" filesize=\"" + v
			.filesize() + "\">\n");
		if (v.description() != null) w.write("            <description>" + escape(v.description()) +
			"</description>\n");
		for (final Dependency d : v.dependencies())
			w.write("            <dependency filename=\"" + escape(d.filename()) + "\" timestamp=\"" + d.timestamp() +
				"\"/>\n");
		for (final String l : v.links())
			w.write("            <link>" + escape(l) + "</link>\n");
		for (final String a : v.authors())
			w.write("            <author>" + escape(a) + "</author>\n");
		w.write("        </version>\n");
	}

	/**
	 * Reads a gzipped index.
	 *
	 * @param validate whether the document must be valid against the document type it declares
	 * @throws IOException when the file cannot be read, is not gzipped XML or (with {@code validate}) is invalid
	 */
	public static SiteIndex read(final Path file, final boolean validate) throws IOException {
		try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
			return read(in, validate);
		}
	}

	static SiteIndex read(final InputStream in, final boolean validate) throws IOException {
		final Document doc;
		try {
			final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setValidating(validate);
			final var builder = factory.newDocumentBuilder();
			builder.setErrorHandler(new StrictErrors());
			doc = builder.parse(in);
		}
		catch (final ParserConfigurationException | SAXException e) {
			throw new IOException("Not a valid update-site index: " + e.getMessage(), e);
		}
		final List<SiteFile> files = new ArrayList<>();
		for (final Element plugin : children(doc.getDocumentElement(), "plugin")) {
			final Element version = children(plugin, "version").stream().findFirst().orElse(null);
			final List<PreviousVersion> previous = new ArrayList<>();
			for (final Element p : children(plugin, "previous-version"))
				previous.add(new PreviousVersion(p.getAttribute("checksum"), number(p, "timestamp"), number(p,
					"timestamp-obsolete"), p.hasAttribute("filename") ? p.getAttribute("filename") : null));
			files.add(new SiteFile(plugin.getAttribute("filename"), texts(plugin, "platform"), texts(plugin,
				"category"), version == null ? null : version(version), previous));
		}
		return new SiteIndex(files);
	}

	private static Version version(final Element v) {
		final List<Dependency> deps = new ArrayList<>();
		for (final Element d : children(v, "dependency"))
			deps.add(new Dependency(d.getAttribute("filename"), number(d, "timestamp")));
		final List<String> description = texts(v, "description");
		return new Version(v.getAttribute("checksum"), number(v, "timestamp"), number(v, "filesize"), description
			.isEmpty() ? null : description.get(0), deps, texts(v, "link"), texts(v, "author"));
	}

	private static long number(final Element e, final String attribute) {
		final String v = e.getAttribute(attribute);
		return v.isEmpty() ? 0 : Long.parseLong(v);
	}

	private static List<String> texts(final Element parent, final String tag) {
		return children(parent, tag).stream().map(Element::getTextContent).toList();
	}

	private static List<Element> children(final Element parent, final String tag) {
		final List<Element> out = new ArrayList<>();
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling())
			if (n instanceof Element e && e.getTagName().equals(tag)) out.add(e);
		return out;
	}

	private static String escape(final String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	/** Turns every parser complaint, validity errors included, into a failure. */
	private static final class StrictErrors implements org.xml.sax.ErrorHandler {

		@Override
		public void warning(final org.xml.sax.SAXParseException e) throws SAXException {
			throw e;
		}

		@Override
		public void error(final org.xml.sax.SAXParseException e) throws SAXException {
			throw e;
		}

		@Override
		public void fatalError(final org.xml.sax.SAXParseException e) throws SAXException {
			throw e;
		}
	}
}
