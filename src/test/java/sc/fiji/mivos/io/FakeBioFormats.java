package sc.fiji.mivos.io;

import ij.ImagePlus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A stand-in for Bio-Formats with the same class names and the members {@link BioFormats} calls, compiled at test
 * time into its own class loader so that the rest of the test class path stays without it. Its reader takes a text
 * file {@code series=N}; its importer records every option set and returns a 2-channel, 3-slice, 4-frame 16-bit
 * hyperstack, calibrated 0.25 µm per pixel and 2 s per frame, whose pixel (0,0) holds {@code 1000 * series + plane}
 * (0-based series, 1-based plane in ImageJ's stack order) when the options ask for XYCZT, and 0 otherwise.
 */
final class FakeBioFormats {

	private static final Map<String, String> SOURCES = Map.of( //
		"loci/formats/FormatException.java", """
			package loci.formats;
			public class FormatException extends Exception {
				public FormatException(String message) { super(message); }
			}
			""", //
		"loci/formats/FormatTools.java", """
			package loci.formats;
			public final class FormatTools { public static final String VERSION = "8.0.0-fake"; }
			""", //
		"loci/formats/ImageReader.java", """
			package loci.formats;
			public class ImageReader {
				private int count;
				public void setId(String id) throws FormatException, java.io.IOException {
					String text = java.nio.file.Files.readString(java.nio.file.Path.of(id)).trim();
					if (!text.startsWith("series=")) throw new FormatException("no known format in " + id);
					count = Integer.parseInt(text.substring("series=".length()));
				}
				public int getSeriesCount() { return count; }
				public void close() throws java.io.IOException {}
			}
			""", //
		"loci/plugins/in/ImporterOptions.java", """
			package loci.plugins.in;
			public class ImporterOptions {
				/** Options set on the last instance, in order. */
				public static final java.util.List<String> LOG = new java.util.ArrayList<>();
				public final java.util.Map<String, Object> values = new java.util.HashMap<>();
				public ImporterOptions() throws java.io.IOException { LOG.clear(); }
				private void set(String key, Object value) { values.put(key, value); LOG.add(key + "=" + value); }
				public void setId(String s) { set("id", s); }
				public void setLocation(String s) { set("location", s); }
				public void setStackFormat(String s) { set("stackFormat", s); }
				public void setStackOrder(String s) { set("stackOrder", s); }
				public void setColorMode(String s) { set("colorMode", s); }
				public void setOpenAllSeries(boolean b) { set("openAllSeries", b); }
				public void clearSeries() { set("clearSeries", true); }
				public void setSeriesOn(int s, boolean on) { set("series" + s, on); }
				public void setVirtual(boolean b) { set("virtual", b); }
				public void setConcatenate(boolean b) { set("concatenate", b); }
				public void setCrop(boolean b) { set("crop", b); }
				public void setSpecifyRanges(boolean b) { set("specifyRanges", b); }
				public void setSplitChannels(boolean b) { set("splitChannels", b); }
				public void setSplitFocalPlanes(boolean b) { set("splitFocalPlanes", b); }
				public void setSplitTimepoints(boolean b) { set("splitTimepoints", b); }
				public void setSwapDimensions(boolean b) { set("swapDimensions", b); }
				public void setGroupFiles(boolean b) { set("groupFiles", b); }
				public void setShowMetadata(boolean b) { set("showMetadata", b); }
				public void setShowOMEXML(boolean b) { set("showOMEXML", b); }
				public void setShowROIs(boolean b) { set("showROIs", b); }
				public void setAutoscale(boolean b) { set("autoscale", b); }
				public void setQuiet(boolean b) { set("quiet", b); }
				public void setWindowless(boolean b) { set("windowless", b); }
			}
			""", //
		"loci/plugins/BF.java", """
			package loci.plugins;
			public final class BF {
				private BF() {}
				public static ij.ImagePlus[] openImagePlus(loci.plugins.in.ImporterOptions o)
					throws loci.formats.FormatException, java.io.IOException
				{
					int series = -1;
					for (String key : o.values.keySet())
						if (key.startsWith("series") && Boolean.TRUE.equals(o.values.get(key)))
							series = Integer.parseInt(key.substring("series".length()));
					ij.ImagePlus imp = ij.IJ.createHyperStack("fake - series " + series, 8, 6, 2, 3, 4, 16);
					boolean xyczt = "XYCZT".equals(o.values.get("stackOrder"));
					for (int p = 1; p <= imp.getStackSize(); p++)
						imp.getStack().getProcessor(p).set(0, 0, xyczt ? 1000 * series + p : 0);
					imp.getCalibration().pixelWidth = 0.25;
					imp.getCalibration().pixelHeight = 0.25;
					imp.getCalibration().setUnit("micron");
					imp.getCalibration().frameInterval = 2;
					return new ij.ImagePlus[] { imp };
				}
			}
			""");

	private FakeBioFormats() {}

	/** @return a class loader holding the stand-in, compiled into {@code dir}, over the test class loader */
	static ClassLoader compile(final Path dir) throws IOException {
		final List<String> args = new ArrayList<>(List.of("-d", dir.resolve("classes").toString(), "-cp", ijJar()
			.toString(), "-nowarn"));
		for (final Map.Entry<String, String> s : SOURCES.entrySet()) {
			final Path file = dir.resolve("src").resolve(s.getKey());
			Files.createDirectories(file.getParent());
			Files.writeString(file, s.getValue());
			args.add(file.toString());
		}
		final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		if (javac.run(null, null, null, args.toArray(String[]::new)) != 0) throw new IllegalStateException(
			"the Bio-Formats stand-in does not compile");
		return new URLClassLoader(new URL[] { dir.resolve("classes").toUri().toURL() }, FakeBioFormats.class
			.getClassLoader());
	}

	/** @return the options the last import set, as {@code key=value} in order */
	@SuppressWarnings("unchecked")
	static List<String> lastOptions(final ClassLoader fake) {
		try {
			return List.copyOf((List<String>) fake.loadClass("loci.plugins.in.ImporterOptions").getField("LOG").get(
				null));
		}
		catch (final ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Path ijJar() {
		try {
			return Path.of(ImagePlus.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (final URISyntaxException e) {
			throw new UncheckedIOException(new IOException(e));
		}
	}
}
