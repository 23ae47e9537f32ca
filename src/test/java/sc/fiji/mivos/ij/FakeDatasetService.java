package sc.fiji.mivos.ij;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import net.imagej.DatasetService;
import net.imglib2.RandomAccessibleInterval;

import org.scijava.service.AbstractService;

/** A {@link DatasetService} that records the datasets it is asked to make. Not a plugin: tests add it by class. */
public final class FakeDatasetService extends AbstractService implements DatasetService {

	/** A made dataset: its image, name and axes by dimension. */
	public static final class Dataset {

		public final RandomAccessibleInterval<?> image;
		public String name;
		public final Map<Integer, Object> axes = new TreeMap<>();

		Dataset(final RandomAccessibleInterval<?> image) {
			this.image = image;
		}

		public void setName(final String name) {
			this.name = name;
		}

		public void setAxis(final Object axis, final int d) {
			axes.put(d, axis);
		}
	}

	public final List<Dataset> made = new ArrayList<>();

	@Override
	public Object create(final RandomAccessibleInterval<?> rai) {
		final Dataset d = new Dataset(rai);
		made.add(d);
		return d;
	}
}
