package sc.fiji.mivos.ui;

import java.util.List;

import javax.swing.AbstractListModel;

import sc.fiji.mivos.core.TrackedObject;

/**
 * The object list as a Swing list model over an immutable list, so a list of thousands of objects only draws the
 * rows on screen. Updated on the event thread.
 */
final class ObjectListModel extends AbstractListModel<TrackedObject> {

	private List<TrackedObject> objects = List.of();

	/** Shows {@code fresh} (does nothing when it is the list already shown). */
	void show(final List<TrackedObject> fresh) {
		if (fresh == objects) return;
		final int old = objects.size();
		objects = fresh;
		if (old > fresh.size()) fireIntervalRemoved(this, fresh.size(), old - 1);
		if (fresh.size() > old) fireIntervalAdded(this, old, fresh.size() - 1);
		final int kept = Math.min(old, fresh.size());
		if (kept > 0) fireContentsChanged(this, 0, kept - 1);
	}

	/** @return the row of object {@code id}, or -1 */
	int indexOf(final int id) {
		for (int i = 0; i < objects.size(); i++)
			if (objects.get(i).id() == id) return i;
		return -1;
	}

	@Override
	public int getSize() {
		return objects.size();
	}

	@Override
	public TrackedObject getElementAt(final int index) {
		return objects.get(index);
	}
}
