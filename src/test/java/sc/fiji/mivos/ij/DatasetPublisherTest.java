package sc.fiji.mivos.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.ui.UIService;

import ij.measure.Calibration;
import net.imagej.axis.DefaultLinearAxis;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;

/**
 * Publishing a label image as a dataset: nothing happens without ImageJ2's {@code DatasetService} (plain ImageJ);
 * with one (here a stand-in) a named, calibrated dataset is made.
 */
class DatasetPublisherTest {

	@Test
	void withoutADatasetServiceNothingIsPublished() {
		try (Context context = new Context(UIService.class)) {
			assertEquals(DatasetPublisher.Outcome.NO_DATASET_SERVICE, DatasetPublisher.publish(context, ArrayImgs
				.unsignedShorts(4, 3, 2), "l", new Calibration()));
		}
	}

	@Test
	void aDatasetServiceMakesANamedCalibratedDataset() {
		try (Context context = new Context(List.of(FakeDatasetService.class, UIService.class))) {
			final Img<?> img = ArrayImgs.unsignedShorts(4, 3, 5, 2);
			final Calibration cal = new Calibration();
			cal.pixelWidth = 0.5;
			cal.pixelHeight = 0.5;
			cal.pixelDepth = 2;
			cal.xOrigin = 4;
			cal.setUnit("micron");
			cal.frameInterval = 10;
			cal.setTimeUnit("min");
			// NB: shown by scijava-common's headless user interface, which logs it
			assertEquals(DatasetPublisher.Outcome.SHOWN, DatasetPublisher.publish(context, img, "cells-labels",
				cal));
			final FakeDatasetService.Dataset made = context.service(FakeDatasetService.class).made.get(0);
			assertSame(img, made.image);
			assertEquals("cells-labels", made.name);
			final DefaultLinearAxis x = (DefaultLinearAxis) made.axes.get(0);
			assertEquals("X", x.type.toString());
			assertEquals(0.5, x.scale);
			assertEquals(-2, x.origin);
			assertEquals("micron", x.unit);
			final DefaultLinearAxis z = (DefaultLinearAxis) made.axes.get(2);
			assertEquals("Z", z.type.toString());
			assertEquals(2, z.scale);
			final DefaultLinearAxis t = (DefaultLinearAxis) made.axes.get(3);
			assertEquals("Time", t.type.toString());
			assertEquals(10, t.scale);
			assertEquals("min", t.unit);
		}
	}
}
