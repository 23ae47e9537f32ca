package net.imagej;

import net.imglib2.RandomAccessibleInterval;

import org.scijava.service.Service;

/**
 * Test stand-in for ImageJ2's {@code DatasetService} (imagej-common is not on the test class path): just the part
 * MiVOS reaches by reflection.
 */
public interface DatasetService extends Service {

	Object create(RandomAccessibleInterval<?> rai);
}
