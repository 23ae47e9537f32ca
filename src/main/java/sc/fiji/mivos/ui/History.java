package sc.fiji.mivos.ui;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The undo and redo stacks of an interactive segmentation, keeping the newest {@link #capacity()} steps. The worker
 * changes them; views read the next step names from the event thread.
 */
final class History {

	/** Steps kept by default. */
	static final int DEFAULT_CAPACITY = 100;

	private final int capacity;
	private final Deque<Step> undo = new ArrayDeque<>();
	private final Deque<Step> redo = new ArrayDeque<>();

	History(final int capacity) {
		if (capacity < 1) throw new IllegalArgumentException("capacity " + capacity);
		this.capacity = capacity;
	}

	int capacity() {
		return capacity;
	}

	/** Records a new step; the redo stack is dropped and the oldest step goes when the history is full. */
	synchronized void push(final Step step) {
		undo.push(step);
		redo.clear();
		while (undo.size() > capacity)
			undo.removeLast();
	}

	/** @return the step to undo, moved to the redo stack, or {@code null} when there is none */
	synchronized Step undo() {
		final Step s = undo.poll();
		if (s != null) redo.push(s);
		return s;
	}

	/** @return the step to redo, moved back to the undo stack, or {@code null} when there is none */
	synchronized Step redo() {
		final Step s = redo.poll();
		if (s != null) undo.push(s);
		return s;
	}

	/** @return the name of the step {@link #undo()} would undo, or {@code null} */
	synchronized String nextUndo() {
		return undo.isEmpty() ? null : undo.peek().name();
	}

	/** @return the name of the step {@link #redo()} would redo, or {@code null} */
	synchronized String nextRedo() {
		return redo.isEmpty() ? null : redo.peek().name();
	}

	synchronized int undoSize() {
		return undo.size();
	}

	synchronized void clear() {
		undo.clear();
		redo.clear();
	}
}
