package sc.fiji.mivos.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import net.imglib2.img.array.ArrayImgs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.mivos.core.FrameSource;
import sc.fiji.mivos.core.LabelStack;
import sc.fiji.mivos.core.MivosException;
import sc.fiji.mivos.core.NormalizedFrames;

class OverlayRendererTest {

	@TempDir
	Path dir;

	/** 10x8 grey frames; frame t has intensity 10 * t everywhere (8-bit, so v / 255). */
	private static FrameSource grey(final int frames) {
		final byte[] data = new byte[10 * 8 * frames];
		for (int i = 0; i < data.length; i++)
			data[i] = (byte) (10 * (i / 80));
		return NormalizedFrames.of(ArrayImgs.unsignedBytes(data, 10, 8, frames), 1, 99);
	}

	private static int rgb(final BufferedImage img, final int x, final int y) {
		return img.getRGB(x, y) & 0xffffff;
	}

	@Test
	void tileFramesAreEvenlySpacedIncludingFirstAndLast() {
		assertArrayEquals(new int[] { 0, 3, 6, 9 }, OverlayRenderer.tileFrames(10, 4));
		assertArrayEquals(new int[] { 0, 1, 2 }, OverlayRenderer.tileFrames(3, 8));
		assertArrayEquals(new int[] { 0 }, OverlayRenderer.tileFrames(5, 1));
		assertArrayEquals(new int[] { 0, 2, 4 }, OverlayRenderer.tileFrames(5, 3));
	}

	@Test
	void gridOfGreyTilesInFrameOrder() {
		final BufferedImage img = OverlayRenderer.montage(grey(10), null, 4);
		assertEquals(2 * 10 + OverlayRenderer.GAP, img.getWidth());
		assertEquals(2 * 8 + OverlayRenderer.GAP, img.getHeight());
		assertEquals(0x000000, rgb(img, 0, 0), "frame 0");
		assertEquals(0x1e1e1e, rgb(img, 12 + 3, 2), "frame 3 at top right");
		assertEquals(0x3c3c3c, rgb(img, 4, 10 + 1), "frame 6 at bottom left");
		assertEquals(0x5a5a5a, rgb(img, 19, 17), "frame 9 at bottom right");
		final BufferedImage five = OverlayRenderer.montage(grey(10), null, 5);
		assertEquals(3 * 10 + 2 * OverlayRenderer.GAP, five.getWidth(), "3 columns");
		assertEquals(2 * 8 + OverlayRenderer.GAP, five.getHeight(), "2 rows");
	}

	@Test
	void labelsAreFilledSemiTransparentlyAndOutlinedOpaque() {
		final LabelStack labels = new LabelStack(10, 8, 2);
		for (int y = 2; y < 6; y++)
			for (int x = 2; x < 7; x++)
				labels.set(x, y, 1, 3);
		final BufferedImage img = OverlayRenderer.montage(grey(2), labels, 2);
		final int colour = LabelImages.lut().getRGB(3) & 0xffffff;
		final int x0 = 10 + OverlayRenderer.GAP; // frame 1 is the second tile
		assertEquals(colour, rgb(img, x0 + 2, 3), "outline");
		assertEquals(colour, rgb(img, x0 + 4, 5), "outline");
		final int inside = rgb(img, x0 + 4, 3);
		for (int shift = 0; shift <= 16; shift += 8) {
			final double expected = (1 - OverlayRenderer.FILL_ALPHA) * 10 + OverlayRenderer.FILL_ALPHA * (colour >> shift &
				0xff);
			assertEquals(expected, inside >> shift & 0xff, 1.0);
		}
		assertEquals(0x0a0a0a, rgb(img, x0 + 8, 7), "background stays grey");
		assertEquals(0x000000, rgb(img, 4, 3), "frame 0 has no labels");
	}

	@Test
	void rgbFramesStayInColour() {
		final int[] argb = new int[4 * 3];
		java.util.Arrays.fill(argb, 0xff336699);
		final FrameSource f = NormalizedFrames.ofArgb(ArrayImgs.argbs(argb, 4, 3, 1));
		assertEquals(0x336699, rgb(OverlayRenderer.montage(f, null, 3), 1, 1));
	}

	@Test
	void rejectsBadArguments() {
		final MivosException size = assertThrows(MivosException.class, () -> OverlayRenderer.montage(grey(2),
			new LabelStack(10, 8, 3), 4));
		assertTrue(size.getMessage().contains("3 frames") && size.getMessage().contains("2 frames"), size
			.getMessage());
		assertThrows(MivosException.class, () -> OverlayRenderer.montage(grey(2), new LabelStack(9, 8, 2), 4));
		assertThrows(MivosException.class, () -> OverlayRenderer.montage(grey(2), null, 0));
	}

	@Test
	void writesPngsAndReportsFailures() throws IOException {
		final BufferedImage img = OverlayRenderer.montage(grey(3), new LabelStack(10, 8, 3), 3);
		final Path png = dir.resolve("reports/montage.png");
		OverlayRenderer.writePng(img, png);
		final BufferedImage back = ImageIO.read(png.toFile());
		assertEquals(img.getWidth(), back.getWidth());
		assertEquals(rgb(img, 15, 4), rgb(back, 15, 4));
		final Path blocked = Files.writeString(dir.resolve("file"), "x").resolve("m.png");
		final MivosException e = assertThrows(MivosException.class, () -> OverlayRenderer.writePng(img, blocked));
		assertTrue(e.getMessage().contains(blocked.toString()), e.getMessage());
	}

	@Test
	void labelsAreNotModified() {
		final LabelStack labels = new LabelStack(10, 8, 2);
		labels.set(1, 1, 0, 70000);
		final LabelStack before = labels.copy();
		OverlayRenderer.montage(grey(2), labels, 2);
		assertEquals(before, labels);
	}
}
