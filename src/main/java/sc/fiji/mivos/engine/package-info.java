/**
 * The interactive segmentation engine: {@link sc.fiji.mivos.engine.InteractionSession} owns the state of one sequence
 * (labels, interacted frames, per-frame feature cache, memory bank) and drives the stateless network stages for
 * interaction (S2M), propagation (top-k space-time memory) and difference-aware fusion. Uses DJL arrays only.
 */
package sc.fiji.mivos.engine;
