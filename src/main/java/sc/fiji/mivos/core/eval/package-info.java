/**
 * Evaluation without a GUI: region Jaccard (J), boundary F, J&amp;F, the Cell Tracking Challenge SEG measure, areas
 * under interaction curves, and a seeded simulated annotator ({@link sc.fiji.mivos.core.eval.ScribbleRobot},
 * {@link sc.fiji.mivos.core.eval.InteractionProtocol}) that decides which frame to correct and what to draw.
 * All label images are row-major {@code int[]} frames ({@code y * width + x}), 0 = background; frames are 0-based.
 */
package sc.fiji.mivos.core.eval;
