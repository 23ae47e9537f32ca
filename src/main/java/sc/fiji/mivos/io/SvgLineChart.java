package sc.fiji.mivos.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small line chart written as SVG text, for the HTML evaluation report: a few named series of (x, y) points,
 * y fixed to 0..1 (scores), x from the data. No drawing library needed, so reports can be written headless.
 */
public final class SvgLineChart {

	/** One named line; NaN y values leave a gap. */
	public record Series(String name, double[] xs, double[] ys) {}

	private static final String[] COLOURS = { "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b" };
	private static final int W = 560, H = 300, LEFT = 48, RIGHT = 150, TOP = 28, BOTTOM = 40;

	private final String title;
	private final String xLabel;
	private final String yLabel;
	private final List<Series> series = new ArrayList<>();

	public SvgLineChart(final String title, final String xLabel, final String yLabel) {
		this.title = title;
		this.xLabel = xLabel;
		this.yLabel = yLabel;
	}

	public SvgLineChart add(final Series s) {
		if (s.xs().length != s.ys().length) throw new IllegalArgumentException("xs and ys differ in length");
		series.add(s);
		return this;
	}

	/** @return the chart as an {@code <svg>} element */
	public String toSvg() {
		double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
		for (final Series s : series)
			for (final double x : s.xs()) {
				minX = Math.min(minX, x);
				maxX = Math.max(maxX, x);
			}
		if (!(minX < maxX)) {
			minX = Double.isFinite(minX) ? minX - 1 : 0;
			maxX = minX + 2;
		}
		final int plotW = W - LEFT - RIGHT, plotH = H - TOP - BOTTOM;
		final StringBuilder sb = new StringBuilder();
		sb.append(f("<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' font-family='sans-serif' " +
			"font-size='11'>%n", W, H));
		sb.append(f("<text x='%d' y='16' font-size='13' font-weight='bold'>%s</text>%n", LEFT, escape(title)));
		sb.append(f("<rect x='%d' y='%d' width='%d' height='%d' fill='none' stroke='#888'/>%n", LEFT, TOP, plotW,
			plotH));
		for (int i = 0; i <= 4; i++) {
			final double y = TOP + plotH * (1 - i / 4.0);
			sb.append(f("<line x1='%d' x2='%d' y1='%.1f' y2='%.1f' stroke='#eee'/>" +
				"<text x='%d' y='%.1f' text-anchor='end'>%.2f</text>%n", LEFT, LEFT + plotW, y, y, LEFT - 4, y + 4, i /
					4.0));
		}
		sb.append(f("<text x='%d' y='%d' text-anchor='start'>%.4g</text>", LEFT, H - BOTTOM + 14, minX));
		sb.append(f("<text x='%d' y='%d' text-anchor='end'>%.4g</text>%n", LEFT + plotW, H - BOTTOM + 14, maxX));
		sb.append(f("<text x='%d' y='%d' text-anchor='middle'>%s</text>%n", LEFT + plotW / 2, H - 8, escape(
			xLabel)));
		sb.append(f("<text x='12' y='%d' transform='rotate(-90 12 %d)' text-anchor='middle'>%s</text>%n", TOP +
			plotH / 2, TOP + plotH / 2, escape(yLabel)));
		for (int k = 0; k < series.size(); k++) {
			final Series s = series.get(k);
			final String colour = COLOURS[k % COLOURS.length];
			final StringBuilder path = new StringBuilder();
			boolean pen = false;
			for (int i = 0; i < s.xs().length; i++) {
				if (Double.isNaN(s.ys()[i])) {
					pen = false;
					continue;
				}
				final double px = LEFT + plotW * (s.xs()[i] - minX) / (maxX - minX);
				final double py = TOP + plotH * (1 - Math.max(0, Math.min(1, s.ys()[i])));
				path.append(pen ? " L" : " M").append(f("%.1f %.1f", px, py));
				pen = true;
				if (s.xs().length <= 40) sb.append(f("<circle cx='%.1f' cy='%.1f' r='2.5' fill='%s'/>", px, py,
					colour));
			}
			if (path.length() > 0) sb.append(f("<path d='%s' fill='none' stroke='%s' stroke-width='1.6'/>%n", path
				.toString().trim(), colour));
			final int ly = TOP + 12 + 16 * k;
			sb.append(f("<line x1='%d' x2='%d' y1='%d' y2='%d' stroke='%s' stroke-width='2'/>" +
				"<text x='%d' y='%d'>%s</text>%n", LEFT + plotW + 10, LEFT + plotW + 26, ly, ly, colour, LEFT + plotW +
					30, ly + 4, escape(s.name())));
		}
		return sb.append("</svg>").toString();
	}

	private static String f(final String format, final Object... args) {
		return String.format(Locale.ROOT, format, args);
	}

	/** @return {@code text} safe inside HTML or SVG text and single-quoted attributes */
	public static String escape(final String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
	}
}
