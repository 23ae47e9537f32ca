package sc.fiji.mivos.ij;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import org.scijava.Context;
import org.scijava.service.Service;
import org.scijava.ui.UIService;

import ij.measure.Calibration;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import sc.fiji.mivos.core.MivosException;

/**
 * Publishes an ImgLib2 label image as a SciJava {@code Dataset} where ImageJ2's data model is present — Fiji —
 * and shows it in the user interface when there is one. imagej-common, which defines {@code Dataset} and its axes,
 * is not a dependency of this plugin (plain ImageJ does not have it), so it is reached by name and reflection.
 */
public final class DatasetPublisher {

	/** What publishing did. */
	public enum Outcome {
		/** No {@code DatasetService} in the context (plain ImageJ): nothing was done. */
		NO_DATASET_SERVICE,
		/** The dataset was made; there is no user interface to show it in. */
		CREATED,
		/** The dataset was made and shown. */
		SHOWN
	}

	static final String DATASET_SERVICE = "net.imagej.DatasetService";
	private static final String AXES = "net.imagej.axis.Axes";
	private static final String AXIS_TYPE = "net.imagej.axis.AxisType";
	private static final String LINEAR_AXIS = "net.imagej.axis.DefaultLinearAxis";

	private DatasetPublisher() {}

	/**
	 * @param img labels with axes X, Y, T or X, Y, Z, T
	 * @param calibration pixel size, origin and units given to the dataset's axes
	 * @throws MivosException when a present {@code DatasetService} does not behave as ImageJ2's does
	 */
	public static Outcome publish(final Context context, final Img<?> img, final String name,
		final Calibration calibration)
	{
		final Service datasets = datasetService(context);
		if (datasets == null) return Outcome.NO_DATASET_SERVICE;
		try {
			final Object dataset = datasets.getClass().getMethod("create", RandomAccessibleInterval.class).invoke(
				datasets, img);
			method(dataset, "setName", 1).invoke(dataset, name);
			calibrate(dataset, img.numDimensions(), calibration);
			final UIService ui = context.getService(UIService.class);
			if (ui == null || ui.getDefaultUI() == null) return Outcome.CREATED;
			ui.show(name, dataset);
			return Outcome.SHOWN;
		}
		catch (final ReflectiveOperationException | RuntimeException e) {
			final Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
			throw new MivosException("Cannot publish '" + name + "' as a dataset: " + cause, cause);
		}
	}

	private static Service datasetService(final Context context) {
		try {
			Class.forName(DATASET_SERVICE, false, DatasetPublisher.class.getClassLoader());
		}
		catch (final ClassNotFoundException e) {
			return null;
		}
		return context.getService(DATASET_SERVICE);
	}

	/** Gives each axis its type (X, Y, then Z when 4D, then TIME), unit, scale and origin. */
	private static void calibrate(final Object dataset, final int dims, final Calibration cal)
		throws ReflectiveOperationException
	{
		final ClassLoader loader = dataset.getClass().getClassLoader();
		final Class<?> axes = Class.forName(AXES, true, loader);
		final Class<?> axisType = Class.forName(AXIS_TYPE, true, loader);
		final Constructor<?> linear = Class.forName(LINEAR_AXIS, true, loader).getConstructor(axisType, String.class,
			double.class, double.class);
		final Method setAxis = method(dataset, "setAxis", 2);
		final String[] types = dims == 4 ? new String[] { "X", "Y", "Z", "TIME" } : new String[] { "X", "Y", "TIME" };
		final double[] scales = dims == 4 ? new double[] { cal.pixelWidth, cal.pixelHeight, cal.pixelDepth,
			timeScale(cal) } : new double[] { cal.pixelWidth, cal.pixelHeight, timeScale(cal) };
		final double[] origins = dims == 4 ? new double[] { -cal.xOrigin * cal.pixelWidth, -cal.yOrigin *
			cal.pixelHeight, -cal.zOrigin * cal.pixelDepth, 0 } : new double[] { -cal.xOrigin * cal.pixelWidth,
				-cal.yOrigin * cal.pixelHeight, 0 };
		for (int d = 0; d < types.length; d++) {
			final String unit = types[d].equals("TIME") ? cal.frameInterval > 0 ? cal.getTimeUnit() : "frame" : d == 2
				? cal.getZUnit() : d == 1 ? cal.getYUnit() : cal.getXUnit();
			final Object axis = linear.newInstance(axes.getField(types[d]).get(null), unit, scales[d], origins[d]);
			setAxis.invoke(dataset, axis, d);
		}
	}

	private static double timeScale(final Calibration cal) {
		return cal.frameInterval > 0 ? cal.frameInterval : 1;
	}

	/** @return the public method of that name and number of parameters (generic signatures are erased) */
	private static Method method(final Object target, final String name, final int parameters)
		throws NoSuchMethodException
	{
		for (final Method m : target.getClass().getMethods())
			if (m.getName().equals(name) && m.getParameterCount() == parameters) return m;
		throw new NoSuchMethodException(target.getClass().getName() + "." + name);
	}
}
