package sc.fiji.mivos.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Mean wall-clock time per call of each network stage, in milliseconds, as measured by a session. The stages:
 * <ul>
 * <li>{@value #S2M}: one interaction on one frame (S2M over all objects plus merging them)</li>
 * <li>{@value #KEY}: encoding one frame's key and features</li>
 * <li>{@value #VALUE}: encoding one frame's memory values for all objects</li>
 * <li>{@value #SEGMENT}: reading the memory and decoding all objects on one frame, plus soft aggregation</li>
 * <li>{@value #FUSION}: fusing all objects on one frame</li>
 * </ul>
 */
public final class StageTimings {

	public static final String S2M = "s2m_ms";
	public static final String KEY = "key_ms";
	public static final String VALUE = "value_ms";
	public static final String SEGMENT = "segment_ms";
	public static final String FUSION = "fusion_ms";

	private static final String[] STAGES = { S2M, KEY, VALUE, SEGMENT, FUSION };

	private final long[] nanos = new long[STAGES.length];
	private final long[] calls = new long[STAGES.length];

	StageTimings() {}

	/** Records one call of {@code stage} that started at {@code startNanos} ({@link System#nanoTime()}). */
	void record(final String stage, final long startNanos) {
		final int i = index(stage);
		nanos[i] += System.nanoTime() - startNanos;
		calls[i]++;
	}

	/** @return a copy that no longer changes */
	StageTimings snapshot() {
		final StageTimings s = new StageTimings();
		System.arraycopy(nanos, 0, s.nanos, 0, nanos.length);
		System.arraycopy(calls, 0, s.calls, 0, calls.length);
		return s;
	}

	/** @return mean milliseconds per call of {@code stage}, 0 if it never ran */
	public double meanMillis(final String stage) {
		final int i = index(stage);
		return calls[i] == 0 ? 0 : nanos[i] / 1e6 / calls[i];
	}

	/** @return how often {@code stage} ran */
	public long calls(final String stage) {
		return calls[index(stage)];
	}

	/** @return stage key to mean milliseconds per call, in the order of the class comment */
	public Map<String, Double> asMap() {
		final Map<String, Double> m = new LinkedHashMap<>();
		for (final String s : STAGES)
			m.put(s, meanMillis(s));
		return Collections.unmodifiableMap(m);
	}

	@Override
	public String toString() {
		final StringBuilder b = new StringBuilder();
		for (final String s : STAGES)
			b.append(b.length() == 0 ? "" : ", ").append(s).append('=').append(String.format(Locale.ROOT,
				"%.1f", meanMillis(s))).append(" (n=").append(calls(s)).append(')');
		return b.toString();
	}

	private static int index(final String stage) {
		for (int i = 0; i < STAGES.length; i++)
			if (STAGES[i].equals(stage)) return i;
		throw new IllegalArgumentException("unknown stage " + stage);
	}
}
