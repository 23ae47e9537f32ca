package sc.fiji.mivos.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import com.google.gson.JsonElement;
import sc.fiji.mivos.core.DeviceChoice;
import sc.fiji.mivos.core.EngineSettings;
import sc.fiji.mivos.core.MivosException;

/**
 * The three TorchScript networks of one model, loaded offline on one device, exposed stage by stage. The networks are
 * stateless; callers own every array they get back. Not thread-safe: one session drives it at a time.
 */
public final class MivosNetworks implements AutoCloseable {

	private final ModelBundle bundle;
	private final DeviceSelector.Selection device;
	private final List<ZooModel<NDList, NDList>> models = new ArrayList<>();
	private final NDManager root;
	private final S2m s2m;
	private final KeyEncoder keyEncoder;
	private final ValueEncoder valueEncoder;
	private final Segment segment;
	private final Aggregate aggregate;
	private final Fusion fusion;
	private final boolean objectMemoryKeys;

	private MivosNetworks(final ModelBundle bundle, final DeviceSelector.Selection device) {
		this.bundle = bundle;
		this.device = device;
		try {
			final PtSymbolBlock s2mModule = loadModule(bundle.file("s2m"));
			final PtSymbolBlock propagation = loadModule(bundle.file("propagation"));
			final PtSymbolBlock fusionModule = loadModule(bundle.file("fusion"));
			root = NDManager.newBaseManager(device.device(), PyTorchRuntime.ENGINE);
			objectMemoryKeys = objectMemoryKeys(bundle);
			s2m = new S2m(new TorchMethod(s2mModule, "s2m"));
			keyEncoder = new KeyEncoder(new TorchMethod(propagation, "encode_key"));
			valueEncoder = new ValueEncoder(new TorchMethod(propagation, "encode_value"));
			segment = new Segment(new TorchMethod(propagation, "segment"));
			aggregate = new Aggregate(new TorchMethod(propagation, "aggregate"));
			fusion = new Fusion(new TorchMethod(fusionModule, "fuse"), objectMemoryKeys);
		}
		catch (final RuntimeException e) {
			close();
			throw e;
		}
	}

	/**
	 * Loads the model named in the settings from {@link ModelRegistry#standard()}, on the settings' device, with the
	 * settings' thread count. Works offline.
	 *
	 * @throws MivosException when the model is unknown, a file is missing or corrupted, or it cannot be loaded
	 */
	public static MivosNetworks load(final EngineSettings settings) {
		return load(ModelRegistry.standard().resolve(settings.modelName()), settings);
	}

	/** Loads a resolved model; see {@link #load(EngineSettings)}. */
	public static MivosNetworks load(final ModelBundle bundle, final EngineSettings settings) {
		PyTorchRuntime.setThreads(settings.threads() > 0 ? settings.threads() : Runtime.getRuntime()
			.availableProcessors());
		return new MivosNetworks(bundle, DeviceSelector.select(settings.device()));
	}

	private PtSymbolBlock loadModule(final Path file) {
		final Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
			.optModelPath(file).optEngine(PyTorchRuntime.ENGINE).optDevice(device.device()).optTranslator(
				new NoopTranslator()).optOption("mapLocation", "true").build();
		try {
			final ZooModel<NDList, NDList> model = criteria.loadModel();
			models.add(model);
			return (PtSymbolBlock) model.getBlock();
		}
		catch (IOException | ModelNotFoundException | MalformedModelException | RuntimeException e) {
			throw new MivosException("Cannot load " + file.getFileName() + " of model '" + bundle.name() + "': " + e
				.getMessage(), e);
		}
	}

	/** @return whether the manifest configuration says {@code "memory_keys": "object"} */
	private static boolean objectMemoryKeys(final ModelBundle bundle) {
		final JsonElement e = bundle.config().get("memory_keys");
		return e != null && e.isJsonPrimitive() && "object".equals(e.getAsString());
	}

	/**
	 * Whether each object's memory value carries its own memory key, as in the MiVOS networks: {@code encode_value}
	 * then returns {@code [N,Ck+Cv,h,w]} with the key in the first Ck channels, {@code segment} reads the keys from
	 * the memory values (its {@code memKeys} are only shape-checked), and {@code fuse} takes the interacted frame's
	 * memory values as its {@code ikey}. Otherwise ({@code lite}) the frames' keys from {@code encode_key} are the
	 * memory keys, shared by all objects.
	 *
	 * @return whether memory keys are per object
	 */
	public boolean objectMemoryKeys() {
		return objectMemoryKeys;
	}

	/** @return a new manager on this model's device; close it to free what it holds */
	public NDManager newManager() {
		return root.newSubManager();
	}

	public S2m s2m() {
		return s2m;
	}

	public KeyEncoder keyEncoder() {
		return keyEncoder;
	}

	public ValueEncoder valueEncoder() {
		return valueEncoder;
	}

	public Segment segment() {
		return segment;
	}

	public Aggregate aggregate() {
		return aggregate;
	}

	public Fusion fusion() {
		return fusion;
	}

	public String modelName() {
		return bundle.name();
	}

	public String modelVersion() {
		return bundle.version();
	}

	/** @return whether the model's weights were trained (false for placeholder weights) */
	public boolean modelTrained() {
		return bundle.trained();
	}

	/** @return where the model files came from, in words */
	public String modelSource() {
		return bundle.source();
	}

	/** @return the device the networks run on (the CPU after a GPU fallback) */
	public DeviceChoice device() {
		return device.choice();
	}

	/** @return one line explaining a device fallback, or {@code null} */
	public String deviceWarning() {
		return device.warning();
	}

	/** @return e.g. "PyTorch 2.7.1" */
	public String engineVersion() {
		return PyTorchRuntime.ENGINE + " " + PyTorchRuntime.engine().getVersion();
	}

	/** @return intra-op CPU threads PyTorch uses */
	public int threads() {
		return PyTorchRuntime.threads();
	}

	@Override
	public void close() {
		for (final ZooModel<NDList, NDList> m : models)
			m.close();
		models.clear();
		if (root != null) root.close();
	}
}
