package sc.fiji.mivos.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;

/**
 * One exported method of a loaded TorchScript module, called by name with tensor arguments. Each call runs in its own
 * sub-manager of the caller's manager; only the results outlive it, attached to the caller's manager.
 * <p>
 * Results are checked for NaN and infinite values. With oneDNN's AVX2 kernels, libtorch 2.7.1 was seen to return
 * NaN, now and then and in bursts, from convolutions over 12 channels (the value and fusion encoders of model
 * {@code lite} 0.1.0) for finite inputs; one such tensor in the memory bank would spoil every later frame. A
 * non-finite result is therefore computed again, up to {@value #ATTEMPTS} times in all, and then refused with a
 * {@link NonFiniteOutputException}.
 */
final class TorchMethod {

	/** Tries per call before non-finite results are reported. */
	static final int ATTEMPTS = 3;

	private final PtSymbolBlock module;
	private final String name;

	TorchMethod(final PtSymbolBlock module, final String name) {
		this.module = module;
		this.name = name;
	}

	/**
	 * @param out manager that receives the results
	 * @param inputs the method's tensor arguments, in order; arrays of the PyTorch engine
	 * @return the result tensors (one, or the elements of a returned tuple)
	 */
	NDList call(final NDManager out, final NDArray... inputs) {
		for (int attempt = 1;; attempt++) {
			final NDList result = callOnce(out, inputs);
			if (finite(result)) return result;
			result.close();
			if (attempt == ATTEMPTS) throw new NonFiniteOutputException(name, ATTEMPTS);
		}
	}

	/** @return whether no floating-point array of {@code arrays} holds a NaN or an infinite value */
	static boolean finite(final NDList arrays) {
		for (final NDArray a : arrays) {
			if (!a.getDataType().isFloating() || a.isEmpty()) continue;
			try (NDManager scope = a.getManager().newSubManager()) {
				a.tempAttach(scope);
				// NB: one reduction instead of four: the largest magnitude is NaN or infinite exactly when some value is.
				if (!Double.isFinite(a.abs().max().toType(DataType.FLOAT64, false).getDouble())) return false;
			}
		}
		return true;
	}

	private NDList callOnce(final NDManager out, final NDArray... inputs) {
		PyTorchRuntime.prepareThread();
		final IValue[] args = new IValue[inputs.length];
		try (NDManager scope = out.newSubManager()) {
			for (int i = 0; i < inputs.length; i++) {
				if (!(inputs[i] instanceof PtNDArray pt)) throw new IllegalArgumentException("argument " + i + " of " +
					name + " is not a PyTorch array");
				args[i] = IValue.from(pt);
			}
			try (IValue result = IValueUtils.runMethod(module, name, args)) {
				final NDList list = result.toNDList((PtNDManager) scope);
				list.attach(out);
				return list;
			}
		}
		finally {
			for (final IValue a : args)
				if (a != null) a.close();
		}
	}

	String name() {
		return name;
	}
}
