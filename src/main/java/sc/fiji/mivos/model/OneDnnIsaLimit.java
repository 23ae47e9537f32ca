package sc.fiji.mivos.model;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Keeps oneDNN (used by libtorch for CPU convolutions) on AVX2 kernels. With DJL's libtorch 2.7.1, oneDNN's AVX-512
 * kernels compute wrong convolutions on some CPUs; limiting the instruction set through the environment variable
 * {@value #VARIABLE} = {@value #VALUE} fixes it. oneDNN reads the variable from the process environment when it first
 * runs a kernel, so it is set here through the C library, before the first PyTorch engine use. A value the user
 * already set is kept.
 */
public final class OneDnnIsaLimit {

	/** The environment variable oneDNN reads. */
	public static final String VARIABLE = "ONEDNN_MAX_CPU_ISA";
	/** The instruction set it is limited to. */
	public static final String VALUE = "AVX2";

	private static boolean applied;

	private OneDnnIsaLimit() {}

	/** The two C library functions needed. */
	private interface PosixC extends Library {

		int setenv(String name, String value, int overwrite);

		String getenv(String name);
	}

	/** The Windows C runtime's equivalents. */
	private interface WindowsC extends Library {

		int _putenv_s(String name, String value);

		String getenv(String name);
	}

	/**
	 * Sets {@value #VARIABLE} in this process unless it is set already. Idempotent; must run before libtorch runs its
	 * first convolution.
	 *
	 * @return the value in effect afterwards, or {@code null} when the environment could not be changed
	 */
	public static synchronized String apply() {
		if (!applied) {
			applied = true;
			try {
				if (Platform.isWindows()) {
					final WindowsC c = Native.load("msvcrt", WindowsC.class);
					if (c.getenv(VARIABLE) == null) c._putenv_s(VARIABLE, VALUE);
				}
				else Native.load("c", PosixC.class).setenv(VARIABLE, VALUE, 0);
			}
			catch (final UnsatisfiedLinkError e) {
				// NB: without a C library to call, libtorch runs with its defaults.
				return null;
			}
		}
		return current();
	}

	/** @return the value of {@value #VARIABLE} in the process environment (not Java's cached copy), or {@code null} */
	public static String current() {
		try {
			return Platform.isWindows() ? Native.load("msvcrt", WindowsC.class).getenv(VARIABLE) : Native.load("c",
				PosixC.class).getenv(VARIABLE);
		}
		catch (final UnsatisfiedLinkError e) {
			return System.getenv(VARIABLE);
		}
	}
}
