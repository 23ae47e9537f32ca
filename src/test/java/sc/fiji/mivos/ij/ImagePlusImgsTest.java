package sc.fiji.mivos.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.LUT;
import ij.process.ShortProcessor;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;

import org.junit.jupiter.api.Test;

import sc.fiji.mivos.core.FrameSource;
import sc.fiji.mivos.core.MivosException;

class ImagePlusImgsTest {

	/** A 16-bit 3x2 hyperstack whose every pixel of plane (c, z, t) holds 100c + 10z + t (1-based) plus x. */
	static ImagePlus hyperstack(final int channels, final int slices, final int frames) {
		final ImagePlus imp = IJ.createHyperStack("hs", 3, 2, channels, slices, frames, 16);
		for (int c = 1; c <= channels; c++)
			for (int z = 1; z <= slices; z++)
				for (int t = 1; t <= frames; t++) {
					final short[] px = (short[]) imp.getStack().getPixels(imp.getStackIndex(c, z, t));
					for (int i = 0; i < px.length; i++)
						px[i] = (short) (100 * c + 10 * z + t + (i % 3));
				}
		return imp;
	}

	@Test
	void hyperstackAxesComeOutAsXyczt() {
		final ImagePlus imp = hyperstack(2, 3, 4);
		final RandomAccessibleInterval<UnsignedShortType> img = ImagePlusImgs.toImg(imp);
		assertArrayEquals(new long[] { 3, 2, 2, 3, 4 }, img.dimensionsAsLongArray());
		final RandomAccess<UnsignedShortType> ra = img.randomAccess();
		for (int c = 0; c < 2; c++)
			for (int z = 0; z < 3; z++)
				for (int t = 0; t < 4; t++) {
					ra.setPosition(new long[] { 2, 1, c, z, t });
					assertEquals(100 * (c + 1) + 10 * (z + 1) + t + 1 + 2, ra.get().get(), "c" + c + " z" + z + " t" + t);
				}
		assertEquals(4, ImagePlusImgs.frameCount(imp));
	}

	@Test
	void viewSharesPixelsWithTheImage() {
		final ImagePlus imp = hyperstack(1, 1, 2);
		final RandomAccessibleInterval<UnsignedShortType> img = ImagePlusImgs.toImg(imp);
		final RandomAccess<UnsignedShortType> ra = img.randomAccess();
		ra.setPosition(new long[] { 0, 0, 0, 0, 1 });
		ra.get().set(4242);
		assertEquals(4242, imp.getStack().getProcessor(2).get(0, 0));
	}

	@Test
	void frameSourcePicksChannelAndSliceAndRunsAlongT() {
		final ImagePlus imp = hyperstack(2, 3, 4);
		final FrameSource f = ImagePlusImgs.frameSource(imp, 2, 3, 0, 100);
		assertEquals(4, f.frames());
		assertEquals(1, f.channels());
		assertEquals(3, f.width());
		assertEquals(2, f.height());
		// values of channel 2, slice 3 are 231..234 + x (0..2): min 231, max 236
		for (int t = 0; t < 4; t++) {
			final float[] v = f.frame(t);
			assertEquals((230 + t + 1 - 231) / 5.0, v[0], 1e-6, "t" + t);
			assertEquals((230 + t + 1 + 2 - 231) / 5.0, v[5], 1e-6, "t" + t);
		}
	}

	@Test
	void eightBitIsDividedBy255() {
		final ImageStack stack = new ImageStack(2, 1);
		stack.addSlice(new ByteProcessor(2, 1, new byte[] { 0, (byte) 255 }));
		stack.addSlice(new ByteProcessor(2, 1, new byte[] { 51, 102 }));
		final ImagePlus imp = new ImagePlus("8", stack); // a plain stack: 2 slices, 1 frame
		assertEquals(2, ImagePlusImgs.frameCount(imp));
		assertInstanceOf(UnsignedByteType.class, ImagePlusImgs.<UnsignedByteType> toImg(imp).getType());
		final FrameSource f = ImagePlusImgs.frameSource(imp, 1, 1, 1, 99);
		assertEquals(2, f.frames());
		assertArrayEquals(new float[] { 0.2f, 0.4f }, f.frame(1), 1e-6f);
	}

	@Test
	void thirtyTwoBitUsesPercentiles() {
		final ImageStack stack = new ImageStack(2, 1);
		stack.addSlice(new FloatProcessor(2, 1, new float[] { -1, 1 }));
		stack.addSlice(new FloatProcessor(2, 1, new float[] { 0, 3 }));
		final ImagePlus imp = new ImagePlus("32", stack);
		imp.setDimensions(1, 1, 2);
		assertInstanceOf(FloatType.class, ImagePlusImgs.<FloatType> toImg(imp).getType());
		final FrameSource f = ImagePlusImgs.frameSource(imp, 1, 1, 0, 100);
		assertArrayEquals(new float[] { 0, 0.5f }, f.frame(0), 1e-6f);
		assertArrayEquals(new float[] { 0.25f, 1 }, f.frame(1), 1e-6f);
	}

	@Test
	void singleImageIsOneFrame() {
		final ImagePlus imp = new ImagePlus("one", new ShortProcessor(4, 3));
		assertEquals(1, ImagePlusImgs.frameCount(imp));
		final RandomAccessibleInterval<? extends RealType<?>> img = ImagePlusImgs.toImg(imp);
		assertArrayEquals(new long[] { 4, 3, 1, 1, 1 }, img.dimensionsAsLongArray());
		assertEquals(1, ImagePlusImgs.frameSource(imp, 1, 1, 1, 99.8).frames());
	}

	@Test
	void rgbGivesThreeChannels() {
		final ImageStack stack = new ImageStack(1, 1);
		stack.addSlice(new ColorProcessor(1, 1, new int[] { 0x00ff8000 }));
		stack.addSlice(new ColorProcessor(1, 1, new int[] { 0x000000ff }));
		final ImagePlus imp = new ImagePlus("rgb", stack);
		final FrameSource f = ImagePlusImgs.frameSource(imp, 1, 1, 1, 99);
		assertEquals(3, f.channels());
		assertEquals(2, f.frames());
		assertArrayEquals(new float[] { 1, 128 / 255f, 0 }, f.frame(0), 1e-6f);
		assertArrayEquals(new float[] { 0, 0, 1 }, f.frame(1), 1e-6f);
		final MivosException e = assertThrows(MivosException.class, () -> ImagePlusImgs.toImg(imp));
		assertTrue(e.getMessage().contains("RGB"), e.getMessage());
	}

	@Test
	void indexedColourIsRefused() {
		final ByteProcessor ip = new ByteProcessor(2, 2);
		final byte[] r = new byte[256];
		final byte[] g = new byte[256];
		final byte[] b = new byte[256];
		for (int i = 0; i < 256; i++) {
			r[i] = (byte) (i * 7);
			g[i] = (byte) (255 - i);
			b[i] = (byte) (i * 13);
		}
		ip.setLut(new LUT(r, g, b));
		final ImagePlus imp = new ImagePlus("gif", ip);
		imp.setTypeToColor256();
		assertEquals(ImagePlus.COLOR_256, imp.getType());
		final MivosException e = assertThrows(MivosException.class, () -> ImagePlusImgs.frameSource(imp, 1, 1, 1,
			99));
		assertTrue(e.getMessage().contains("convert to 8-bit or RGB first"), e.getMessage());
	}

	@Test
	void channelAndSliceOutOfRangeAreRefused() {
		final ImagePlus imp = hyperstack(2, 3, 4);
		final MivosException c = assertThrows(MivosException.class, () -> ImagePlusImgs.frameSource(imp, 3, 1, 1, 99));
		assertTrue(c.getMessage().contains("Channel 3") && c.getMessage().contains("2 channel"), c.getMessage());
		assertThrows(MivosException.class, () -> ImagePlusImgs.frameSource(imp, 0, 1, 1, 99));
		final MivosException z = assertThrows(MivosException.class, () -> ImagePlusImgs.frameSource(imp, 1, 4, 1, 99));
		assertTrue(z.getMessage().contains("Slice 4"), z.getMessage());
		final ImagePlus plain = hyperstack(1, 5, 1);
		final MivosException zt = assertThrows(MivosException.class, () -> ImagePlusImgs.frameSource(plain, 1, 2, 1,
			99));
		assertTrue(zt.getMessage().contains("read as time"), zt.getMessage());
	}

	@Test
	void zIsTimeForSingleFrameStacks() {
		final ImagePlus imp = hyperstack(2, 5, 1);
		assertEquals(5, ImagePlusImgs.frameCount(imp));
		final FrameSource f = ImagePlusImgs.frameSource(imp, 2, 1, 0, 100);
		assertEquals(5, f.frames());
		// channel 2, slice z: 200 + 10z + 1 + x; range 211..253
		assertEquals((241 - 211) / 42.0, f.frame(3)[0], 1e-6);
	}

	@Test
	void inputImageIsNotModified() {
		final ImagePlus imp = hyperstack(2, 3, 4);
		final short[] before = ((short[]) imp.getStack().getPixels(7)).clone();
		ImagePlusImgs.frameSource(imp, 1, 2, 1, 99).frame(2);
		assertArrayEquals(before, (short[]) imp.getStack().getPixels(7));
		assertEquals(24, imp.getStackSize());
	}
}
