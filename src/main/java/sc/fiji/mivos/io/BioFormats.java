package sc.fiji.mivos.io;

import ij.IJ;
import ij.ImagePlus;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import sc.fiji.mivos.core.MivosException;

/**
 * Bio-Formats, when Fiji has it, reached through reflection: the plugin has no compile dependency on it (it is not
 * on Maven Central) and works without it. Images open as one hyperstack of one series, in ImageJ's dimension order
 * (XYCZT), with the calibration Bio-Formats reads, without any dialog or extra window.
 * <p>
 * API used: {@code loci.formats.ImageReader} ({@code setId}, {@code getSeriesCount}, {@code close}),
 * {@code loci.plugins.in.ImporterOptions} (setters below), {@code loci.plugins.BF.openImagePlus(ImporterOptions)}
 * and {@code loci.formats.FormatTools.VERSION}.
 */
public final class BioFormats {

	static final String IMPORTER = "loci.plugins.BF";
	static final String OPTIONS = "loci.plugins.in.ImporterOptions";
	static final String READER = "loci.formats.ImageReader";
	static final String TOOLS = "loci.formats.FormatTools";

	private final Class<?> importer;
	private final Class<?> options;
	private final Class<?> reader;
	private final ClassLoader loader;

	private BioFormats(final ClassLoader loader) throws ClassNotFoundException {
		this.loader = loader;
		importer = Class.forName(IMPORTER, true, loader);
		options = Class.forName(OPTIONS, true, loader);
		reader = Class.forName(READER, true, loader);
	}

	/**
	 * @return Bio-Formats from the thread's context class loader, this plugin's class loader or ImageJ's plugin class
	 *         loader, the first that has it; empty when none does
	 */
	public static Optional<BioFormats> find() {
		final List<ClassLoader> loaders = new ArrayList<>();
		loaders.add(Thread.currentThread().getContextClassLoader());
		loaders.add(BioFormats.class.getClassLoader());
		loaders.add(IJ.getClassLoader());
		return find(loaders);
	}

	/** @return Bio-Formats from the first of {@code loaders} (nulls skipped) that has it */
	static Optional<BioFormats> find(final List<ClassLoader> loaders) {
		for (final ClassLoader l : loaders) {
			if (l == null) continue;
			try {
				return Optional.of(new BioFormats(l));
			}
			catch (final ClassNotFoundException | LinkageError e) {
				// NB: absent, or present without its dependencies; try the next loader.
			}
		}
		return Optional.empty();
	}

	/** @return the Bio-Formats version, or "unknown" */
	public String version() {
		try {
			return String.valueOf(Class.forName(TOOLS, true, loader).getField("VERSION").get(null));
		}
		catch (final ReflectiveOperationException | LinkageError e) {
			return "unknown";
		}
	}

	/**
	 * @return how many series (images, positions, wells) the file holds
	 * @throws MivosException naming the file when Bio-Formats cannot read it
	 */
	public int seriesCount(final Path file) {
		final Object r = construct(reader, file);
		try {
			call(r, "setId", file, new Class<?>[] { String.class }, file.toString());
			return (Integer) call(r, "getSeriesCount", file, new Class<?>[0]);
		}
		finally {
			call(r, "close", file, new Class<?>[0]);
		}
	}

	/**
	 * Opens one series as a hyperstack in XYCZT order, keeping the calibration.
	 *
	 * @param series 1-based series number
	 * @throws MivosException naming the file when it cannot be read or has no such series
	 */
	public ImagePlus open(final Path file, final int series) {
		final int count = seriesCount(file);
		if (series < 1 || series > count) throw new MivosException("Cannot open series " + series + " of " + file +
			": it holds " + count + (count == 1 ? " series" : " series (1.." + count + ")"));
		final Object o = construct(options, file);
		final Class<?>[] text = { String.class }, flag = { boolean.class };
		call(o, "setId", file, text, file.toString());
		call(o, "setLocation", file, text, "Local machine");
		call(o, "setStackFormat", file, text, "Hyperstack");
		call(o, "setStackOrder", file, text, "XYCZT");
		call(o, "setColorMode", file, text, "Default");
		call(o, "setOpenAllSeries", file, flag, false);
		call(o, "clearSeries", file, new Class<?>[0]);
		call(o, "setSeriesOn", file, new Class<?>[] { int.class, boolean.class }, series - 1, true);
		// NB: the importer remembers the user's last choices; those that would change what opens are reset.
		for (final String off : new String[] { "setVirtual", "setConcatenate", "setCrop", "setSpecifyRanges",
			"setSplitChannels", "setSplitFocalPlanes", "setSplitTimepoints", "setSwapDimensions", "setGroupFiles",
			"setShowMetadata", "setShowOMEXML", "setShowROIs" })
			call(o, off, file, flag, false);
		call(o, "setAutoscale", file, flag, true);
		call(o, "setQuiet", file, flag, true);
		call(o, "setWindowless", file, flag, true);
		final Object images = callStatic(importer, "openImagePlus", file, new Class<?>[] { options }, o);
		if (!(images instanceof ImagePlus[] imps) || imps.length == 0 || imps[0] == null) throw new MivosException(
			"Bio-Formats opened no image from " + file);
		return imps[0];
	}

	private static Object construct(final Class<?> type, final Path file) {
		try {
			return type.getConstructor().newInstance();
		}
		catch (final InvocationTargetException e) {
			throw failure(file, e.getCause());
		}
		catch (final ReflectiveOperationException e) {
			throw incompatible(type, "()", e);
		}
	}

	private static Object call(final Object target, final String method, final Path file, final Class<?>[] types,
		final Object... args)
	{
		return invoke(target.getClass(), target, method, file, types, args);
	}

	private static Object callStatic(final Class<?> type, final String method, final Path file,
		final Class<?>[] types, final Object... args)
	{
		return invoke(type, null, method, file, types, args);
	}

	private static Object invoke(final Class<?> type, final Object target, final String method, final Path file,
		final Class<?>[] types, final Object... args)
	{
		final Method m;
		try {
			m = type.getMethod(method, types);
		}
		catch (final NoSuchMethodException e) {
			throw incompatible(type, "." + method, e);
		}
		try {
			return m.invoke(target, args);
		}
		catch (final InvocationTargetException e) {
			throw failure(file, e.getCause());
		}
		catch (final IllegalAccessException e) {
			throw incompatible(type, "." + method, e);
		}
	}

	private static MivosException failure(final Path file, final Throwable cause) {
		return new MivosException("Bio-Formats cannot read " + file + ": " + (cause.getMessage() == null ? cause
			.toString() : cause.getMessage()), cause);
	}

	private static MivosException incompatible(final Class<?> type, final String member, final Exception e) {
		return new MivosException("This Bio-Formats version lacks " + type.getName() + member +
			"; update Bio-Formats (Help > Update...)", e);
	}
}
