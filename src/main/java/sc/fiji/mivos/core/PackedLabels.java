package sc.fiji.mivos.core;

import java.util.Arrays;

/**
 * One frame of labels, run-length packed and immutable: label frames are mostly long runs of one value, so undo
 * steps and session files keep many frames in little memory. Two packings of equal frames are {@link #equals}.
 */
public final class PackedLabels {

	/** Alternating value and run length, in row-major pixel order. */
	private final int[] runs;
	private final int length;

	private PackedLabels(final int[] runs, final int length) {
		this.runs = runs;
		this.length = length;
	}

	/** @param labels row-major labels; not kept */
	public static PackedLabels pack(final int[] labels) {
		int n = 0;
		for (int i = 0; i < labels.length; i++)
			if (i == 0 || labels[i] != labels[i - 1]) n++;
		final int[] runs = new int[2 * n];
		int r = -2;
		for (int i = 0; i < labels.length; i++) {
			if (i == 0 || labels[i] != labels[i - 1]) {
				r += 2;
				runs[r] = labels[i];
			}
			runs[r + 1]++;
		}
		return new PackedLabels(runs, labels.length);
	}

	/**
	 * Rebuilds a packing from {@link #runs()}.
	 *
	 * @throws MivosException when the runs are malformed or do not add up to {@code length} pixels
	 */
	public static PackedLabels ofRuns(final int[] runs, final int length) {
		if (runs.length % 2 != 0) throw new MivosException("Packed labels need value/length pairs");
		long total = 0;
		for (int r = 0; r < runs.length; r += 2) {
			if (runs[r + 1] < 1) throw new MivosException("Packed labels hold a run of length " + runs[r + 1]);
			total += runs[r + 1];
		}
		if (total != length) throw new MivosException("Packed labels cover " + total + " pixels, not " + length);
		return new PackedLabels(runs.clone(), length);
	}

	/** @return the frame, row-major (a fresh array) */
	public int[] unpack() {
		final int[] out = new int[length];
		int i = 0;
		for (int r = 0; r < runs.length; r += 2) {
			Arrays.fill(out, i, i + runs[r + 1], runs[r]);
			i += runs[r + 1];
		}
		return out;
	}

	/** @return number of pixels */
	public int length() {
		return length;
	}

	/** @return alternating value and run length (a copy), for storage */
	public int[] runs() {
		return runs.clone();
	}

	/** @return whether any pixel holds {@code label} */
	public boolean contains(final int label) {
		for (int r = 0; r < runs.length; r += 2)
			if (runs[r] == label) return true;
		return false;
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof PackedLabels p && p.length == length && Arrays.equals(p.runs, runs);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(runs) * 31 + length;
	}
}
