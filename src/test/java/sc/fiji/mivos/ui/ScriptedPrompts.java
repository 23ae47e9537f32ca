package sc.fiji.mivos.ui;

import java.nio.file.Path;
import java.util.List;

import ij.ImagePlus;

/** Answers the start-up questions without dialogs and records what was said. */
final class ScriptedPrompts implements Prompts {

	private final List<String> said;
	private final int[] channelAndSlice;
	private final boolean resume;

	ScriptedPrompts(final List<String> said, final int[] channelAndSlice, final boolean resume) {
		this.said = said;
		this.channelAndSlice = channelAndSlice;
		this.resume = resume;
	}

	/** @return prompts that record refusals and messages, choose channel 1 / slice 1 and never resume */
	static ScriptedPrompts refusing(final List<String> said) {
		return new ScriptedPrompts(said, new int[] { 1, 1 }, false);
	}

	@Override
	public void refuse(final String message) {
		said.add("refused: " + message);
	}

	@Override
	public void status(final String message) {
		said.add("status: " + message);
	}

	@Override
	public int[] channelAndSlice(final ImagePlus image) {
		said.add("asked for channel and slice of " + image.getTitle());
		return channelAndSlice;
	}

	@Override
	public boolean resume(final Path file) {
		said.add("asked to resume " + file.getFileName());
		return resume;
	}
}
