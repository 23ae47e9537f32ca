package sc.fiji.mivos.cli;

import java.io.PrintStream;

import sc.fiji.mivos.core.ProgressListener;

/** Progress lines on stderr, at most one every half second unless the status text changes. */
final class ConsoleProgress implements ProgressListener {

	private final PrintStream err;
	private String lastStatus = "";
	private long lastMillis;

	ConsoleProgress(final PrintStream err) {
		this.err = err;
	}

	@Override
	public synchronized void progress(final String status, final long done, final long total) {
		final long now = System.currentTimeMillis();
		if (status.equals(lastStatus) && now - lastMillis < 500 && done < total) return;
		lastStatus = status;
		lastMillis = now;
		err.println("mivos: " + status + (total > 0 ? " [" + done + "/" + total + "]" : ""));
	}
}
