package sc.fiji.mivos.ui;

import sc.fiji.mivos.ij.plugin.SharedContext;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.Graphics;
import java.awt.event.ActionEvent;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.ButtonGroup;
import javax.swing.DefaultListCellRenderer;
import javax.swing.Icon;
import javax.swing.JButton;
import javax.swing.JColorChooser;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JToggleButton;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.SpinnerNumberModel;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.ImageCanvas;
import ij.gui.Overlay;
import ij.io.OpenDialog;
import ij.io.SaveDialog;
import sc.fiji.mivos.core.PixelRect;
import sc.fiji.mivos.core.Scribble;
import sc.fiji.mivos.core.TrackedObject;
import sc.fiji.mivos.io.SessionFile;

/**
 * The small non-modal MiVOS window beside an image: the object list, the tool mode, propagation with progress and
 * cancel, frame suggestion, undo/redo, sessions and settings. Everything it asks for runs on the segmentation's
 * worker; it only shows results, on the event thread, and only the newest ones.
 */
final class ControlPanel extends JFrame implements InteractiveSegmentation.Listener, LabelOverlay.Content {

	private final ImagePlus image;
	private InteractiveSegmentation segmentation;
	private final ObjectListModel objectModel = new ObjectListModel();
	private final JList<TrackedObject> objectList = new JList<>(objectModel);
	private final Map<ToolMode, JToggleButton> modes = new EnumMap<>(ToolMode.class);
	private final SpinnerNumberModel brush = new SpinnerNumberModel(4, 1, 100, 1);
	private final JProgressBar progress = new JProgressBar();
	private final JLabel status = new JLabel(" ");
	private final JButton propagate = new JButton("Propagate");
	private final JButton cancel = new JButton("Cancel");
	private final JButton undo = new JButton("Undo");
	private final JButton redo = new JButton("Redo");
	private final List<JComponent> editing = new ArrayList<>();
	private final Overlay layer;
	private volatile PixelRect region;
	private volatile double[][] live;
	private volatile Color liveColour = Color.WHITE;
	private volatile double[] brushOutline;
	private volatile boolean busy;

	/** Opens the panel for a segmentation (on the event thread) and makes the tool draw on its image. */
	static ControlPanel open(final InteractiveSegmentation segmentation) {
		final ControlPanel[] out = new ControlPanel[1];
		onEdt(() -> {
			out[0] = new ControlPanel(segmentation);
			out[0].setVisible(true);
		});
		MivosTool.install().attach(segmentation.image(), out[0]);
		return out[0];
	}

	private ControlPanel(final InteractiveSegmentation segmentation) {
		super("MiVOS: " + segmentation.image().getTitle());
		this.image = segmentation.image();
		this.layer = new Overlay(new LabelOverlay(image, this));
		setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
		final JPanel root = new JPanel();
		root.setLayout(new BoxLayout(root, BoxLayout.Y_AXIS));
		root.setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
		root.add(objectsPanel());
		root.add(toolPanel());
		root.add(propagationPanel());
		root.add(row(undo, redo, button("Save session", this::saveSession), button("Resume...", this::resumeSession)));
		root.add(row(button("Settings...", () -> new MivosSettingsPlugIn().run("")), button("Show labels",
			() -> segmentation.labelImage().show())));
		status.setBorder(BorderFactory.createEmptyBorder(4, 2, 0, 2));
		final JPanel content = new JPanel(new BorderLayout());
		content.add(root, BorderLayout.CENTER);
		content.add(status, BorderLayout.SOUTH);
		setContentPane(content);
		undo.addActionListener(e -> segmentation().undo());
		redo.addActionListener(e -> segmentation().redo());
		keys(content);
		use(segmentation);
		pack();
		setMinimumSize(getSize());
		placeBesideImage();
	}

	// -- Layout --

	private JComponent objectsPanel() {
		objectList.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
		objectList.setFixedCellHeight(20);
		objectList.setPrototypeCellValue(new TrackedObject(99999, "object 99999 (long name)", 0));
		objectList.setVisibleRowCount(8);
		objectList.setCellRenderer(new DefaultListCellRenderer() {

			@Override
			public Component getListCellRendererComponent(final JList<?> list, final Object value, final int index,
				final boolean selected, final boolean focus)
			{
				final TrackedObject o = (TrackedObject) value;
				super.getListCellRendererComponent(list, o.id() + "  " + o.name(), index, selected, focus);
				setIcon(swatch(o.rgb()));
				return this;
			}
		});
		final JPanel p = new JPanel(new BorderLayout(0, 4));
		p.setBorder(BorderFactory.createTitledBorder("Objects"));
		p.add(new JScrollPane(objectList), BorderLayout.CENTER);
		p.add(row(button("Add", this::addObject), button("Remove", this::removeObject), button("Rename",
			this::renameObject), button("Colour", this::recolourObject)), BorderLayout.SOUTH);
		return p;
	}

	private JComponent toolPanel() {
		final JPanel p = row();
		p.setBorder(BorderFactory.createTitledBorder("Tool"));
		final ButtonGroup group = new ButtonGroup();
		for (final ToolMode m : ToolMode.values()) {
			final JToggleButton b = new JToggleButton(m.label, m == ToolMode.SCRIBBLE);
			b.setToolTipText(switch (m) {
				case SCRIBBLE -> "left drag: positive, right or alt drag: negative, click: short stroke (S)";
				case BRUSH -> "paint the selected object's mask (B)";
				case ERASER -> "erase the selected object's mask (E)";
				case REGION -> "drag a box: strokes change only inside it; click to clear (R)";
			});
			b.addActionListener(e -> IJ.showStatus("MiVOS tool: " + m.label));
			group.add(b);
			modes.put(m, b);
			p.add(b);
		}
		p.add(new JLabel("size"));
		final JSpinner size = new JSpinner(brush);
		size.setToolTipText("brush and eraser radius in pixels");
		p.add(size);
		return p;
	}

	private JComponent propagationPanel() {
		final JPanel p = new JPanel(new BorderLayout(4, 4));
		p.setBorder(BorderFactory.createTitledBorder("Propagation"));
		propagate.addActionListener(e -> propagate());
		cancel.addActionListener(e -> segmentation().cancel());
		cancel.setEnabled(false);
		p.add(row(propagate, cancel, button("Suggest frame", this::suggestFrame)), BorderLayout.NORTH);
		progress.setStringPainted(true);
		progress.setString("");
		p.add(progress, BorderLayout.SOUTH);
		return p;
	}

	private JButton button(final String label, final Runnable action) {
		final JButton b = new JButton(label);
		b.addActionListener(e -> action.run());
		editing.add(b);
		return b;
	}

	private static JPanel row(final JComponent... parts) {
		final JPanel p = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 2));
		for (final JComponent c : parts)
			p.add(c);
		return p;
	}

	private static Icon swatch(final int rgb) {
		return new Icon() {

			@Override
			public void paintIcon(final Component c, final Graphics g, final int x, final int y) {
				g.setColor(new Color(rgb));
				g.fillRect(x, y + 1, 12, 12);
				g.setColor(Color.DARK_GRAY);
				g.drawRect(x, y + 1, 12, 12);
			}

			@Override
			public int getIconWidth() {
				return 16;
			}

			@Override
			public int getIconHeight() {
				return 14;
			}
		};
	}

	private void keys(final JComponent c) {
		bind(c, "ctrl Z", this::undoStep);
		bind(c, "ctrl Y", this::redoStep);
		bind(c, "ctrl shift Z", this::redoStep);
		bind(c, "ctrl S", this::saveSession);
		bind(c, "P", () -> propagate());
		bind(c, "ESCAPE", () -> segmentation().cancel());
		bind(c, "N", this::addObject);
		bind(c, "S", () -> modes.get(ToolMode.SCRIBBLE).doClick());
		bind(c, "B", () -> modes.get(ToolMode.BRUSH).doClick());
		bind(c, "E", () -> modes.get(ToolMode.ERASER).doClick());
		bind(c, "R", () -> modes.get(ToolMode.REGION).doClick());
	}

	private static void bind(final JComponent c, final String key, final Runnable action) {
		c.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(key), key);
		c.getActionMap().put(key, new AbstractAction() {

			@Override
			public void actionPerformed(final ActionEvent e) {
				action.run();
			}
		});
	}

	private void placeBesideImage() {
		if (image.getWindow() != null) {
			final java.awt.Rectangle r = image.getWindow().getBounds();
			setLocation(r.x + r.width + 8, r.y);
		}
	}

	// -- Segmentation --

	InteractiveSegmentation segmentation() {
		return segmentation;
	}

	private void use(final InteractiveSegmentation s) {
		if (segmentation != null) {
			segmentation.removeListener(this);
			segmentation.close();
		}
		segmentation = s;
		s.addListener(this);
		showStatus("Loading the networks...", false);
		s.ready().whenComplete((v, ex) -> SwingUtilities.invokeLater(() -> {
			if (ex != null) showStatus("MiVOS could not start: " + rootMessage(ex), true);
			else {
				showStatus("Ready: draw on " + image.getTitle() + " with the MiVOS tool", false);
				refresh();
				if (objectList.getSelectedIndex() < 0 && objectModel.getSize() > 0) objectList.setSelectedIndex(0);
			}
		}));
		attachLayer();
	}

	@Override
	public void updated(final InteractiveSegmentation.Update u) {
		SwingUtilities.invokeLater(() -> {
			// NB: a result that newer requests supersede is not drawn; theirs will be.
			if (!u.latest() && !u.error()) return;
			showStatus(u.message(), u.error());
			refresh();
		});
	}

	@Override
	public void progress(final String text, final long done, final long total) {
		SwingUtilities.invokeLater(() -> {
			progress.setMaximum((int) Math.max(1, total));
			progress.setValue((int) done);
			progress.setString(text + " " + done + "/" + total);
			repaintImage();
		});
	}

	/** Shows the newest state: objects, undo/redo labels, the overlay. */
	private void refresh() {
		final TrackedObject selected = selectedObject();
		objectModel.show(segmentation.objects());
		if (selected != null) {
			final int row = objectModel.indexOf(selected.id());
			if (row >= 0) objectList.setSelectedIndex(row);
		}
		final String u = segmentation.nextUndo(), r = segmentation.nextRedo();
		undo.setText(u == null ? "Undo" : "Undo " + shorten(u));
		redo.setText(r == null ? "Redo" : "Redo " + shorten(r));
		undo.setEnabled(u != null && !busy);
		redo.setEnabled(r != null && !busy);
		repaintImage();
	}

	private static String shorten(final String s) {
		return s.length() > 18 ? s.substring(0, 17) + "…" : s;
	}

	/** @return the propagation asked for, or {@code null} when one is running already */
	CompletableFuture<InteractiveSegmentation.Update> propagate() {
		if (busy) return null;
		setBusy(true);
		progress.setValue(0);
		progress.setString("propagating");
		final CompletableFuture<InteractiveSegmentation.Update> f = segmentation.propagate();
		f.whenComplete((u, ex) -> SwingUtilities.invokeLater(() -> {
			setBusy(false);
			progress.setString(u == null ? "failed" : u.error() ? "not propagated" : "done");
			if (ex != null) showStatus(rootMessage(ex), true);
			refresh();
		}));
		return f;
	}

	private void setBusy(final boolean on) {
		busy = on;
		propagate.setEnabled(!on);
		cancel.setEnabled(on);
		for (final JComponent c : editing)
			c.setEnabled(!on);
		undo.setEnabled(!on);
		redo.setEnabled(!on);
	}

	private void suggestFrame() {
		segmentation.suggestFrame().thenAccept(u -> SwingUtilities.invokeLater(() -> {
			if (u.value() >= 0) showFrame(u.value());
		}));
	}

	/** Moves the image to 0-based time point {@code t}. */
	void showFrame(final int t) {
		if (sc.fiji.mivos.ij.ImagePlusImgs.zIsTime(image)) image.setSlice(t + 1);
		else image.setPosition(image.getC(), image.getZ(), t + 1);
		repaintImage();
	}

	private void undoStep() {
		if (!busy) segmentation.undo();
	}

	private void redoStep() {
		if (!busy) segmentation.redo();
	}

	private void addObject() {
		if (busy) return;
		segmentation.addObject().thenAccept(u -> SwingUtilities.invokeLater(() -> {
			final int row = objectModel.indexOf(u.value());
			if (row >= 0) {
				objectList.setSelectedIndex(row);
				objectList.ensureIndexIsVisible(row);
			}
		}));
	}

	private void removeObject() {
		final TrackedObject o = selectedObject();
		if (o == null) showStatus("Select the object to remove", true);
		else segmentation.removeObject(o.id());
	}

	private void renameObject() {
		final TrackedObject o = selectedObject();
		if (o == null) {
			showStatus("Select the object to rename", true);
			return;
		}
		final String name = JOptionPane.showInputDialog(this, "Name of object " + o.id(), o.name());
		if (name == null) showStatus("Rename canceled", false);
		else segmentation.rename(o.id(), name);
	}

	private void recolourObject() {
		final TrackedObject o = selectedObject();
		if (o == null) {
			showStatus("Select the object to colour", true);
			return;
		}
		final Color c = JColorChooser.showDialog(this, "Colour of " + o.name(), new Color(o.rgb()));
		if (c == null) showStatus("Colour unchanged", false);
		else segmentation.recolour(o.id(), c.getRGB());
	}

	private void saveSession() {
		final Path current = segmentation.sessionFile();
		final String dir = current == null ? null : current.getParent().toString();
		final String name = current == null ? image.getShortTitle() : current.getFileName().toString();
		final SaveDialog sd = new SaveDialog("Save MiVOS session", dir, name, SessionFile.EXTENSION);
		if (sd.getFileName() == null) {
			showStatus("Save canceled", false);
			return;
		}
		segmentation.save(Paths.get(sd.getDirectory(), sd.getFileName()));
	}

	private void resumeSession() {
		if (busy) return;
		final OpenDialog od = new OpenDialog("Resume MiVOS session");
		if (od.getFileName() == null) {
			showStatus("Resume canceled", false);
			return;
		}
		final Path file = Paths.get(od.getDirectory(), od.getFileName());
		try {
			final InteractiveSegmentation resumed = InteractiveSegmentation.resume(file, SharedContext.service(),
				saved -> image);
			use(resumed);
		}
		catch (final RuntimeException e) {
			showStatus(e.getMessage(), true);
		}
	}

	// -- What the tool asks --

	ToolMode mode() {
		for (final Map.Entry<ToolMode, JToggleButton> e : modes.entrySet())
			if (e.getValue().isSelected()) return e.getKey();
		return ToolMode.SCRIBBLE;
	}

	/** Switches the tool mode (as its button does). */
	void setMode(final ToolMode m) {
		onEdt(() -> modes.get(m).setSelected(true));
	}

	TrackedObject selectedObject() {
		return objectList.getSelectedValue();
	}

	/** Selects object {@code id} in the list (none when it is not listed). */
	void selectObject(final int id) {
		onEdt(() -> {
			final int row = objectModel.indexOf(id);
			if (row < 0) objectList.clearSelection();
			else objectList.setSelectedIndex(row);
		});
	}

	double brushRadius() {
		return ((Number) brush.getValue()).doubleValue();
	}

	boolean busy() {
		return busy;
	}

	void setRegion(final PixelRect r) {
		region = r;
		showStatus(r == null ? "Strokes change the whole frame" : "Strokes change only the region " + r, false);
		repaintImage();
	}

	void setLiveStroke(final double[][] points, final Color colour) {
		live = points;
		if (colour != null) liveColour = colour;
		repaintImage();
	}

	void setBrushOutline(final double[] outline) {
		if (outline == null && brushOutline == null) return;
		brushOutline = outline;
		repaintImage();
	}

	void showStatus(final String text, final boolean error) {
		onEdt(() -> {
			status.setText(text);
			status.setForeground(error ? new Color(190, 0, 0) : Color.DARK_GRAY);
		});
		IJ.showStatus((error ? "MiVOS: " : "") + text);
	}

	/** @return the status line's text */
	String statusText() {
		return status.getText();
	}

	// -- LabelOverlay.Content --

	@Override
	public int frame() {
		final int t = MivosTool.timePoint(image);
		segmentation.setDisplayedFrame(t);
		return t;
	}

	@Override
	public Object labelPlane(final int t) {
		final ImagePlus labels = segmentation.ready().isDone() && !segmentation.ready().isCompletedExceptionally()
			? segmentation.labelImage() : null;
		return labels == null || t >= labels.getStackSize() ? null : labels.getStack().getPixels(t + 1);
	}

	@Override
	public List<TrackedObject> objects() {
		return segmentation.objects();
	}

	@Override
	public List<Scribble> strokes(final int t) {
		return segmentation.strokes().onFrame(t).all();
	}

	@Override
	public PixelRect region() {
		return region;
	}

	@Override
	public double[][] liveStroke() {
		return live;
	}

	@Override
	public Color liveColour() {
		return liveColour;
	}

	@Override
	public double[] brush() {
		return brushOutline;
	}

	// -- Image --

	/** Puts the overlay into the canvas' show-all layer (again, if ImageJ replaced it) and repaints. */
	private void attachLayer() {
		final ImageCanvas c = image.getCanvas();
		if (c != null && c.getShowAllList() != layer) {
			c.setShowAllList(layer);
			// NB: the right button draws negative strokes here, not ImageJ's pop-up menu.
			c.disablePopupMenu(true);
		}
	}

	void repaintImage() {
		attachLayer();
		final ImageCanvas c = image.getCanvas();
		if (c != null) c.repaint();
	}

	/** Closes the panel: the tool leaves the image, the overlay goes, the worker stops after queued requests. */
	@Override
	public void dispose() {
		if (isDisplayable()) detach();
		super.dispose();
	}

	private void detach() {
		MivosTool.install().detach(image);
		final ImageCanvas c = image.getCanvas();
		if (c != null && c.getShowAllList() == layer) {
			c.setShowAllList(null);
			c.disablePopupMenu(false);
			c.repaint();
		}
		segmentation.removeListener(this);
		segmentation.close();
	}

	private static String rootMessage(final Throwable t) {
		Throwable c = t;
		while (c.getCause() != null)
			c = c.getCause();
		return c.getMessage() == null ? c.toString() : c.getMessage();
	}

	static void onEdt(final Runnable r) {
		if (SwingUtilities.isEventDispatchThread()) r.run();
		else try {
			SwingUtilities.invokeAndWait(r);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (final java.lang.reflect.InvocationTargetException e) {
			throw new IllegalStateException(e.getCause());
		}
	}
}
