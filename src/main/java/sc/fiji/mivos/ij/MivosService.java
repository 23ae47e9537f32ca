package sc.fiji.mivos.ij;

import java.util.HashMap;
import java.util.Map;

import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.SciJavaService;
import org.scijava.service.Service;

import ij.ImagePlus;
import sc.fiji.mivos.core.EngineSettings;
import sc.fiji.mivos.model.MivosNetworks;

/**
 * Owns the loaded networks and the interactive sessions for the whole application: networks are loaded lazily on
 * first use and shared by every command and session that asks for the same model, device and thread count; one
 * session is kept per open image, and released once the image is closed (or, after a batch-mode macro closed it, no
 * longer referenced). Everything is closed when the context is disposed.
 */
@Plugin(type = Service.class)
public final class MivosService extends AbstractService implements SciJavaService {

	private final Map<Key, MivosNetworks> loaded = new HashMap<>();
	private final Map<Integer, ImageSession> sessions = new HashMap<>();
	private final ClosedImages closedImages = new ClosedImages();

	private record Key(String model, Object device, int threads) {}

	/**
	 * @return the networks for {@code settings}' model, device and threads; loaded now if not yet
	 * @throws sc.fiji.mivos.core.MivosException if the model is missing, corrupted or cannot be loaded
	 */
	public synchronized MivosNetworks networks(final EngineSettings settings) {
		final Key key = new Key(settings.modelName(), settings.device(), settings.threads());
		MivosNetworks nets = loaded.get(key);
		if (nets == null) {
			nets = MivosNetworks.load(settings);
			if (nets.deviceWarning() != null) log().warn(nets.deviceWarning());
			loaded.put(key, nets);
		}
		return nets;
	}

	/** @return the session kept for {@code image} when it was made with the same settings, channel and slice */
	public synchronized ImageSession existingSession(final ImagePlus image, final EngineSettings settings,
		final int channel, final int slice)
	{
		return existingSession(image, settings, InputChannels.single(channel), slice);
	}

	/** @return the session kept for {@code image} when it was made with the same settings, channels and slice */
	public synchronized ImageSession existingSession(final ImagePlus image, final EngineSettings settings,
		final InputChannels channels, final int slice)
	{
		closedImages.gone().forEach(this::discard);
		final ImageSession s = sessions.get(image.getID());
		return s != null && s.key().equals(new ImageSession.Key(image.getID(), settings, channels, slice)) ? s : null;
	}

	/**
	 * @return the session kept for {@code image} with these settings, or a new one (replacing and closing a session
	 *         made with other settings)
	 */
	public synchronized ImageSession session(final ImagePlus image, final EngineSettings settings,
		final int channel, final int slice)
	{
		return session(image, settings, InputChannels.single(channel), slice);
	}

	/**
	 * @return the session kept for {@code image} with these settings and input channels, or a new one (replacing and
	 *         closing a session made with others)
	 */
	public synchronized ImageSession session(final ImagePlus image, final EngineSettings settings,
		final InputChannels channels, final int slice)
	{
		final ImageSession existing = existingSession(image, settings, channels, slice);
		if (existing != null) return existing;
		final ImageSession fresh = new ImageSession(image, networks(settings), settings, channels, slice);
		final ImageSession old = sessions.put(image.getID(), fresh);
		if (old != null) old.close();
		closedImages.watch(image);
		return fresh;
	}

	/** Forgets and closes the session of the image with this id, if any. */
	public synchronized void discard(final int imageId) {
		final ImageSession old = sessions.remove(imageId);
		if (old != null) old.close();
	}

	// -- Initializable --

	@Override
	public void initialize() {
		ImagePlus.addImageListener(closedImages);
	}

	// -- Disposable --

	@Override
	public synchronized void dispose() {
		ImagePlus.removeImageListener(closedImages);
		sessions.values().forEach(ImageSession::close);
		sessions.clear();
		loaded.values().forEach(MivosNetworks::close);
		loaded.clear();
	}
}
