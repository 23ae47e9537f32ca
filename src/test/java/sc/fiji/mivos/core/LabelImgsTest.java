package sc.fiji.mivos.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.LongType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.Test;

class LabelImgsTest {

	private static LabelStack sample(final int big) {
		final LabelStack s = new LabelStack(3, 2, 2);
		s.set(0, 0, 0, 1);
		s.set(2, 1, 0, 7);
		s.set(1, 0, 1, big);
		return s;
	}

	@Test
	void smallLabelsBecomeUnsignedShortsWithXytLayout() {
		final LabelStack s = sample(65535);
		final Img<? extends IntegerType<?>> img = LabelImgs.toImg(s);
		assertInstanceOf(ArrayImg.class, img);
		assertInstanceOf(UnsignedShortType.class, img.firstElement());
		assertArrayEquals(new long[] { 3, 2, 2 }, img.dimensionsAsLongArray());
		final RandomAccess<? extends IntegerType<?>> ra = img.randomAccess();
		ra.setPosition(new long[] { 2, 1, 0 });
		assertEquals(7, ra.get().getInteger());
		ra.setPosition(new long[] { 1, 0, 1 });
		assertEquals(65535, ra.get().getInteger());
		assertEquals(s, LabelImgs.toLabelStack(img));
	}

	@Test
	void largeLabelsBecomeInts() {
		final LabelStack s = sample(1_000_000);
		final Img<? extends IntegerType<?>> img = LabelImgs.toImg(s);
		assertInstanceOf(IntType.class, img.firstElement());
		assertEquals(s, LabelImgs.toLabelStack(img));
	}

	@Test
	void readsTwoDimensionalImagesAsOneFrameAndHonoursTheMin() {
		final ArrayImg<UnsignedShortType, ?> img = ArrayImgs.unsignedShorts(new short[] { 0, 4, 5, 0 }, 2, 2);
		final LabelStack s = LabelImgs.toLabelStack(Views.translate(img, 10, 20));
		assertEquals(1, s.frames());
		assertArrayEquals(new int[] { 0, 4, 5, 0 }, s.frame(0));
	}

	@Test
	void rejectsNegativeAndTooLargeValuesAndBadDimensions() {
		final MivosException neg = assertThrows(MivosException.class, () -> LabelImgs.toLabelStack(ArrayImgs.ints(
			new int[] { 0, -2 }, 1, 1, 2)));
		assertTrue(neg.getMessage().contains("-2") && neg.getMessage().contains("frame 2"), neg.getMessage());
		final ArrayImg<LongType, ?> huge = ArrayImgs.longs(new long[] { 1L << 40 }, 1, 1, 1);
		assertThrows(MivosException.class, () -> LabelImgs.toLabelStack(huge));
		final MivosException dims = assertThrows(MivosException.class, () -> LabelImgs.toLabelStack(ArrayImgs.ints(1,
			1, 1, 1)));
		assertTrue(dims.getMessage().contains("4 dimensions"), dims.getMessage());
	}

	@Test
	void leavesTheStackUntouched() {
		final LabelStack s = sample(3);
		final LabelStack copy = s.copy();
		final Img<? extends IntegerType<?>> img = LabelImgs.toImg(s);
		final RandomAccess<? extends IntegerType<?>> ra = img.randomAccess();
		ra.setPosition(new long[] { 0, 0, 0 });
		ra.get().setInteger(9);
		assertEquals(copy, s);
	}
}
