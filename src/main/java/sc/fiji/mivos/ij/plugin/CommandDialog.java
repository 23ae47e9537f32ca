package sc.fiji.mivos.ij.plugin;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.scijava.ItemVisibility;
import org.scijava.command.CommandModuleItem;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.service.Service;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import sc.fiji.mivos.core.MivosException;

/**
 * An ImageJ 1.x dialog for the inputs of a SciJava command: one field per input, labelled with the input's name so
 * that the field's macro key is exactly the command's parameter name (ImageJ derives the key from the label and shows
 * underscores as blanks). Run from a macro, the dialog does not appear and reads the macro options instead; run by
 * hand, it is shown and the macro recorder records {@code run("Title", "key=value ...")}.
 * <p>
 * Field kinds: {@code int}/{@code double} numeric, {@code boolean} checkbox, a string with choices a menu, other
 * strings a text field, a {@link File} a file or folder field (empty = none), and an {@link ImagePlus} a menu of the
 * open images' titles (with {@value #NONE} when the input is optional).
 */
final class CommandDialog {

	/** Menu item of an optional image input that selects no image. */
	static final String NONE = "*None*";

	private final GenericDialog dialog;
	private final List<ModuleItem<?>> fields = new ArrayList<>();

	/**
	 * @param defaults a fresh module of the command, whose input values are the defaults shown
	 * @param filledByCaller inputs the entry point fills itself (the current image), left out of the dialog
	 * @param defaultImage default title of an image input, by key (may return null: the first open image)
	 */
	CommandDialog(final String title, final Module defaults, final Set<String> filledByCaller,
		final Function<String, String> defaultImage)
	{
		dialog = new GenericDialog(title);
		for (final ModuleItem<?> item : defaults.getInfo().inputs())
			if (isUserInput(item) && !filledByCaller.contains(item.getName())) fields.add(item);
		// NB: the command's own inputs first, the engine settings shared by every command last
		fields.sort(Comparator.comparingInt(CommandDialog::inheritanceDepth).reversed());
		for (final ModuleItem<?> item : fields)
			add(item, item.getValue(defaults), defaultImage);
	}

	/** @return the macro keys of the dialog, in field order */
	List<String> keys() {
		return fields.stream().map(ModuleItem::getName).toList();
	}

	/**
	 * @return a one-line message naming the first key of {@code macroOptions} that the dialog does not have, or null
	 *         when every key is known
	 */
	String unknownKeyMessage(final String macroOptions) {
		final List<String> keys = keys();
		for (final String key : MacroOptions.keys(macroOptions))
			if (!keys.contains(key)) return "Unknown key '" + key + "' for " + dialog.getTitle() + "; its keys are: " +
				String.join(", ", keys);
		return null;
	}

	/**
	 * Shows the dialog (or reads the macro options) and collects the values.
	 *
	 * @return input values by key; null when the user canceled or ImageJ already reported a bad number
	 * @throws MivosException naming the key of a bad menu value or an image title that is not open
	 */
	Map<String, Object> ask() {
		dialog.showDialog();
		if (dialog.wasCanceled()) return null;
		final Map<String, Object> values = new LinkedHashMap<>();
		for (final ModuleItem<?> item : fields) {
			final Object value = read(item);
			if (dialog.invalidNumber()) return null;
			values.put(item.getName(), value);
		}
		return values;
	}

	/** Inputs a user sets: not services, the context or messages. */
	static boolean isUserInput(final ModuleItem<?> item) {
		return item.getVisibility() != ItemVisibility.MESSAGE && !Service.class.isAssignableFrom(item.getType()) &&
			!item.getType().getName().startsWith("org.scijava.");
	}

	private void add(final ModuleItem<?> item, final Object value, final Function<String, String> defaultImage) {
		final String key = item.getName();
		final Class<?> type = item.getType();
		if (type == int.class || type == Integer.class) dialog.addNumericField(key, number(value), 0);
		else if (type == double.class || type == Double.class) dialog.addNumericField(key, number(value), 3);
		else if (type == boolean.class || type == Boolean.class) dialog.addCheckbox(key, Boolean.TRUE.equals(value));
		else if (hasChoices(item)) dialog.addChoice(key, choices(item), value ==
			null ? null : value.toString());
		else if (type == String.class) dialog.addStringField(key, value == null ? "" : value.toString(), 20);
		else if (type == File.class && "directory".equals(item.getWidgetStyle())) dialog.addDirectoryField(key,
			value == null ? "" : value.toString());
		else if (type == File.class) dialog.addFileField(key, value == null ? "" : value.toString());
		else if (type == ImagePlus.class) dialog.addChoice(key, imageTitles(item.isRequired()), defaultImage.apply(
			key));
		else throw new IllegalArgumentException("No dialog field for input " + key + " of type " + type.getName());
	}

	private Object read(final ModuleItem<?> item) {
		final String key = item.getName();
		final Class<?> type = item.getType();
		if (type == int.class || type == Integer.class) return (int) Math.round(dialog.getNextNumber());
		if (type == double.class || type == Double.class) return dialog.getNextNumber();
		if (type == boolean.class || type == Boolean.class) return dialog.getNextBoolean();
		if (hasChoices(item)) {
			final String v = dialog.getNextChoice();
			if (!Arrays.asList(choices(item)).contains(v)) throw new MivosException("'" + v + "' is not a choice for " +
				key + "; choose one of " + String.join(", ", choices(item)));
			return v;
		}
		if (type == String.class) return dialog.getNextString().trim();
		if (type == File.class) {
			final String path = dialog.getNextString().trim();
			return path.isEmpty() ? null : new File(path);
		}
		final String title = dialog.getNextChoice();
		if (NONE.equals(title)) return null;
		final ImagePlus image = WindowManager.getImage(title);
		if (image == null) throw new MivosException("No open image is titled '" + title + "' (key " + key + ")");
		return image;
	}

	/** @return how many superclasses the class declaring the input's field has (0 when it is not a field) */
	private static int inheritanceDepth(final ModuleItem<?> item) {
		if (!(item instanceof CommandModuleItem<?> field)) return 0;
		int depth = 0;
		for (Class<?> c = field.getField().getDeclaringClass(); c != null; c = c.getSuperclass())
			depth++;
		return depth;
	}

	private static boolean hasChoices(final ModuleItem<?> item) {
		return item.getType() == String.class && item.getChoices() != null && !item.getChoices().isEmpty();
	}

	private static double number(final Object value) {
		return value instanceof Number n ? n.doubleValue() : 0;
	}

	private static String[] choices(final ModuleItem<?> item) {
		return item.getChoices().stream().map(String::valueOf).toArray(String[]::new);
	}

	private static String[] imageTitles(final boolean required) {
		final List<String> titles = new ArrayList<>();
		final int[] ids = WindowManager.getIDList();
		if (ids != null) for (final int id : ids) {
			final ImagePlus imp = WindowManager.getImage(id);
			if (imp != null) titles.add(imp.getTitle());
		}
		if (!required) titles.add(NONE);
		return titles.toArray(String[]::new);
	}
}
