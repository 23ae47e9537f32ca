package sc.fiji.mivos.ij;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import sc.fiji.mivos.core.MivosException;
import sc.fiji.mivos.core.eval.Auc;
import sc.fiji.mivos.core.eval.EvaluationScores;
import sc.fiji.mivos.engine.RobotEvaluation.Method;
import sc.fiji.mivos.engine.RobotEvaluation.Outcome;
import sc.fiji.mivos.engine.RobotEvaluation.Round;
import sc.fiji.mivos.io.SvgLineChart;

/**
 * The human-readable evaluation report: a table per method and three plots — J&amp;F per interaction, J&amp;F over
 * engine time, and J along the sequence after the last interaction.
 */
final class EvaluationHtml {

	private EvaluationHtml() {}

	static void write(final Map<String, Object> report, final Map<Method, Outcome> outcomes, final int offset,
		final Path file)
	{
		final SvgLineChart rounds = new SvgLineChart("J&F per interaction", "interaction", "J&F");
		final SvgLineChart time = new SvgLineChart("J&F over time", "engine seconds", "J&F");
		final SvgLineChart along = new SvgLineChart("J along the sequence after the last interaction", "frame", "J");
		final StringBuilder table = new StringBuilder("<table><tr><th>method</th><th>J&amp;F</th><th>J</th>" +
			"<th>F</th><th>SEG</th><th>AUC (rounds)</th><th>seconds</th><th>s/frame</th></tr>\n");
		for (final Outcome o : outcomes.values()) {
			final double[] x = o.rounds().stream().mapToDouble(Round::interaction).toArray();
			final double[] secs = o.rounds().stream().mapToDouble(Round::seconds).toArray();
			rounds.add(new SvgLineChart.Series(o.method().id(), x, o.jfPerRound()));
			time.add(new SvgLineChart.Series(o.method().id(), secs, o.jfPerRound()));
			final EvaluationScores last = o.rounds().get(o.rounds().size() - 1).scores();
			final double[] frames = last.perFrame().keySet().stream().mapToDouble(t -> t + 1 + offset).toArray();
			final double[] js = last.perFrame().values().stream().mapToDouble(EvaluationScores.Mean::j).toArray();
			along.add(new SvgLineChart.Series(o.method().id(), frames, js));
			table.append(String.format(Locale.ROOT,
				"<tr><td>%s</td><td>%.3f</td><td>%.3f</td><td>%.3f</td><td>%.3f</td><td>%.3f</td><td>%.1f</td>" +
					"<td>%.2f</td></tr>%n", o.method().id(), last.jf(), last.j(), last.f(), last.seg(), Auc.overRounds(o
						.jfPerRound()), secs[secs.length - 1], o.secondsPerFrame()));
		}
		table.append("</table>");
		final StringBuilder html = new StringBuilder();
		html.append("<!DOCTYPE html><html><head><meta charset='utf-8'><title>MiVOS evaluation</title><style>")
			.append("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}")
			.append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}</style></head><body>\n")
			.append("<h1>MiVOS evaluation</h1>\n<p><code>").append(SvgLineChart.escape(String.valueOf(report.get(
				"summary")))).append("</code></p>\n<ul>");
		for (final String key : new String[] { "images", "gt", "gt_layout", "model", "device", "width", "height",
			"frames", "scored_frames", "objects", "protocol", "frame_choice", "seed" })
			html.append("<li>").append(key).append(": ").append(SvgLineChart.escape(String.valueOf(report.get(key))))
				.append("</li>");
		html.append("</ul>\n").append(table).append("\n<p>").append(rounds.toSvg()).append("</p>\n<p>").append(time
			.toSvg()).append("</p>\n<p>").append(along.toSvg()).append("</p>\n</body></html>\n");
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, html, StandardCharsets.UTF_8);
		}
		catch (final IOException e) {
			throw new MivosException("Cannot write " + file + ": " + e.getMessage(), e);
		}
	}
}
