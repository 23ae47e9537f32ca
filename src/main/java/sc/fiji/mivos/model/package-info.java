/**
 * The networks: finding and verifying model files ({@link sc.fiji.mivos.model.ModelRegistry}), loading them offline
 * through DJL's PyTorch engine ({@link sc.fiji.mivos.model.MivosNetworks}) and calling each TorchScript stage by name,
 * one small class per stage with its tensor shapes documented. The only package that uses DJL's model and engine
 * classes.
 */
package sc.fiji.mivos.model;
