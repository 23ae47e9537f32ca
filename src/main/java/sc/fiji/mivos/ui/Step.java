package sc.fiji.mivos.ui;

/**
 * One undoable user action — a stroke, a brush or eraser edit, a propagation, an object list change — as the state
 * before and after it. Undo returns to {@link #before()}, redo to {@link #after()}; neither re-runs a network, so
 * both restore exactly what the user saw.
 *
 * @param name what the action was, shown as "Undo name"
 */
record Step(String name, Snapshot before, Snapshot after) {}
