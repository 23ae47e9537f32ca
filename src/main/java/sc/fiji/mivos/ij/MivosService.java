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
 * session is kept per open image. Everything is closed when the context is disposed.
 */
@Plugin(type = Service.class)
public final class MivosService extends AbstractService implements SciJavaService {

	private final Map<Key, MivosNetworks> loaded = new HashMap<>();
	private final Map<Integer, ImageSession> sessions = new HashMap<>();

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
		final ImageSession s = sessions.get(image.getID());
		return s != null && s.key().equals(new ImageSession.Key(image.getID(), settings, channel, slice)) ? s : null;
	}

	/**
	 * @return the session kept for {@code image} with these settings, or a new one (replacing and closing a session
	 *         made with other settings)
	 */
	public synchronized ImageSession session(final ImagePlus image, final EngineSettings settings,
		final int channel, final int slice)
	{
		final ImageSession existing = existingSession(image, settings, channel, slice);
		if (existing != null) return existing;
		final ImageSession fresh = new ImageSession(image, networks(settings), settings, channel, slice);
		final ImageSession old = sessions.put(image.getID(), fresh);
		if (old != null) old.close();
		return fresh;
	}

	/** Forgets and closes the session of the image with this id, if any. */
	public synchronized void discard(final int imageId) {
		final ImageSession old = sessions.remove(imageId);
		if (old != null) old.close();
	}

	// -- Disposable --

	@Override
	public synchronized void dispose() {
		sessions.values().forEach(ImageSession::close);
		sessions.clear();
		loaded.values().forEach(MivosNetworks::close);
		loaded.clear();
	}
}
