package sc.fiji.mivos.ij;

import java.io.File;
import java.util.Map;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import sc.fiji.mivos.core.MivosException;
import sc.fiji.mivos.core.eval.InteractionProtocol;
import sc.fiji.mivos.engine.RobotEvaluation.FrameChoice;

/**
 * <em>Evaluate against ground truth</em>: scores MiVOS on the open image with a simulated user that scribbles from the
 * given ground truth (DAVIS, cell or semi-supervised protocol), beside the baselines, and writes
 * {@code report.json}, {@code report.html} and each method's final {@code labels-<method>.tif} to the output folder.
 */
@Plugin(type = Command.class)
public final class EvaluateCommand extends EngineCommand {

	@Parameter(label = "Ground truth", style = "both",
		description = "label stack, folder of label frames, DAVIS mask PNGs, or a Cell Tracking Challenge GT folder")
	private File ground_truth;

	@Parameter(label = "Protocol", choices = { "davis", "cells", "semi" })
	private String protocol = "davis";

	@Parameter(label = "Interactions", min = "1")
	private int interactions = 8;

	@Parameter(label = "Largest objects only", min = "0", description = "0 = all objects")
	private int max_objects = 0;

	@Parameter(label = "First frame", min = "1")
	private int first_frame = 1;

	@Parameter(label = "Last frame", min = "0", description = "0 = the last frame")
	private int last_frame = 0;

	@Parameter(label = "New frames chosen by", choices = { "oracle", "suggest" })
	private String frame_choice = "oracle";

	@Parameter(label = "Run the baselines too")
	private boolean baselines = true;

	@Parameter(label = "Seed")
	private int seed = 1;

	@Parameter(label = "Output folder", style = "directory")
	private File output_folder;

	@Parameter(type = ItemIO.OUTPUT, label = "Summary")
	private String summary;

	@Override
	protected void execute() {
		if (ground_truth == null || !ground_truth.exists()) throw new MivosException("Ground truth " + ground_truth +
			" does not exist");
		if (output_folder == null) throw new MivosException("Choose an output folder for the report");
		final int frames = ImagePlusImgs.frameCount(image);
		final int last = last_frame == 0 ? frames - 1 : last_frame - 1;
		if (first_frame < 1 || last >= frames || first_frame - 1 > last) throw new MivosException("Frame range " +
			first_frame + ".." + (last + 1) + " is not within the image's frames 1.." + frames);
		final GroundTruthEvaluation.Options options = new GroundTruthEvaluation.Options(InteractionProtocol.parse(
			protocol), interactions, max_objects, first_frame - 1, last, FrameChoice.parse(frame_choice), baselines,
			seed, inputChannels(), slice);
		final Map<String, Object> report = GroundTruthEvaluation.run(image, ground_truth.toPath(), settings(), mivos
			.networks(settings()), options, output_folder.toPath(), progress(), cancelToken(), note -> log.info(
				"MiVOS: " + note));
		summary = String.valueOf(report.get("summary"));
		log.info("MiVOS: " + summary);
	}
}
