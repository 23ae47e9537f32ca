package sc.fiji.mivos.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import javax.swing.event.ListDataEvent;
import javax.swing.event.ListDataListener;

import org.junit.jupiter.api.Test;

import sc.fiji.mivos.core.TrackedObject;

/** The object list model serves thousands of objects and tells the list what changed. */
class ObjectListModelTest {

	private static List<TrackedObject> objects(final int n) {
		final List<TrackedObject> out = new ArrayList<>();
		for (int id = 1; id <= n; id++)
			out.add(InteractiveSegmentation.defaultObject(id));
		return List.copyOf(out);
	}

	@Test
	void thousandsOfObjectsAreListed() {
		final ObjectListModel m = new ObjectListModel();
		final List<String> events = new ArrayList<>();
		m.addListDataListener(new ListDataListener() {

			@Override
			public void intervalAdded(final ListDataEvent e) {
				events.add("added " + e.getIndex0() + ".." + e.getIndex1());
			}

			@Override
			public void intervalRemoved(final ListDataEvent e) {
				events.add("removed " + e.getIndex0() + ".." + e.getIndex1());
			}

			@Override
			public void contentsChanged(final ListDataEvent e) {
				events.add("changed " + e.getIndex0() + ".." + e.getIndex1());
			}
		});
		final List<TrackedObject> many = objects(5000);
		m.show(many);
		assertEquals(5000, m.getSize());
		assertEquals(4999, m.indexOf(5000));
		assertEquals(-1, m.indexOf(5001));
		assertEquals("object 1234", m.getElementAt(1233).name());
		m.show(many);
		m.show(objects(4990));
		assertEquals(List.of("added 0..4999", "removed 4990..4999", "changed 0..4989"), events);
		assertEquals(InteractiveSegmentation.defaultObject(1).rgb(), InteractiveSegmentation.defaultObject(256).rgb(),
			"ids past the 255 colours of the label table reuse them");
	}
}
