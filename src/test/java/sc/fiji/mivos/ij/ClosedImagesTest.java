package sc.fiji.mivos.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import ij.ImagePlus;
import ij.process.ByteProcessor;

class ClosedImagesTest {

	@Test
	void aClosedWatchedImageIsReportedOnce() {
		final ClosedImages closed = new ClosedImages();
		final ImagePlus watched = new ImagePlus("a", new ByteProcessor(2, 2));
		final ImagePlus other = new ImagePlus("b", new ByteProcessor(2, 2));
		closed.watch(watched);
		closed.imageClosed(other);
		assertEquals(List.of(), closed.gone(), "an image never watched");
		closed.imageClosed(watched);
		assertEquals(List.of(watched.getID()), closed.gone());
		assertEquals(List.of(), closed.gone(), "reported once");
	}
}
