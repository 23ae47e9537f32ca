// MiVOS for Fiji: segment every stack of a folder that has a scribble file, and export each result.
//
// Argument (ImageJ option style; brackets around paths with spaces):
//   input=[FOLDER]      the stacks: every .tif/.tiff file (required)
//   output=[FOLDER]     where NAME-labels.tif, NAME-rois.zip, NAME-tracks.csv and batch-summary.csv go
//                       (default: INPUT/mivos)
//   scribbles=[FOLDER]  where the scribble files are (default: the input folder)
// The scribbles of NAME.tif are NAME.zip, NAME.roi or NAME.json, or the same with "-scribbles" before the extension
// (NAME-scribbles.zip, ...). Stacks without a scribble file are skipped with a note. batch-summary.csv has one line
// per segmented stack: image, objects, frames, seconds.
// Run from ImageJ/Fiji, or without a window:
//   ImageJ --headless -macro macros/batch_folder.ijm "input=[/data/stacks] output=[/data/mivos]"         (Fiji)
//   xvfb-run java -jar ij.jar -ijpath DIR -batch macros/batch_folder.ijm "input=[/data/stacks]"         (plain ImageJ)

args = getArgument() + " ";
input = call("ij.Macro.getValue", args, "input", "");
if (input == "" || !File.isDirectory(input))
	exit("batch_folder.ijm needs input=[FOLDER] with the stacks; got '" + input + "'");
input = withSeparator(input);
output = withSeparator(call("ij.Macro.getValue", args, "output", input + "mivos"));
scribbleFolder = withSeparator(call("ij.Macro.getValue", args, "scribbles", input));
File.makeDirectory(output);

summary = "image,objects,frames,seconds";
segmented = 0;
setBatchMode(true);
files = getFileList(input);
for (i = 0; i < files.length; i++) {
	name = files[i];
	lower = toLowerCase(name);
	if (!endsWith(lower, ".tif") && !endsWith(lower, ".tiff"))
		continue;
	base = File.getNameWithoutExtension(name);
	scribbles = scribbleFileOf(scribbleFolder, base);
	if (scribbles == "") {
		print("skipped " + name + ": no scribble file " + base + ".zip/.roi/.json in " + scribbleFolder);
		continue;
	}
	start = getTime();
	open(input + name);
	source = getTitle();
	run("Propagate", "scribbles=[" + scribbles + "] first_frame=1 last_frame=0");
	frames = nSlices;
	run("Export MiVOS result", "image=[" + source + "] channel=1 slice=1 label_tiff roi_zip csv output_folder=[" + output + "]");
	objects = objectCount(output + base + "-tracks.csv");
	seconds = (getTime() - start) / 1000;
	summary = summary + "\n" + name + "," + objects + "," + frames + "," + d2s(seconds, 1);
	print(name + ": " + objects + " objects, " + frames + " frames, " + d2s(seconds, 1) + " s");
	close("*");
	segmented++;
}
File.saveString(summary + "\n", output + "batch-summary.csv");
print("segmented " + segmented + " stack(s) -> " + output);

function withSeparator(folder) {
	if (endsWith(folder, "/") || endsWith(folder, File.separator))
		return folder;
	return folder + File.separator;
}

function scribbleFileOf(folder, base) {
	suffixes = newArray(".zip", ".roi", ".json", "-scribbles.zip", "-scribbles.roi", "-scribbles.json");
	for (k = 0; k < suffixes.length; k++)
		if (File.exists(folder + base + suffixes[k]))
			return folder + base + suffixes[k];
	return "";
}

// Number of distinct track ids in an exported track table.
function objectCount(csv) {
	rows = split(File.openAsString(csv), "\n");
	header = split(rows[0], ",");
	column = -1;
	for (k = 0; k < header.length; k++)
		if (header[k] == "track_id") column = k;
	ids = newArray(0);
	for (r = 1; r < rows.length; r++) {
		fields = split(rows[r], ",");
		id = parseInt(fields[column]);
		seen = false;
		for (k = 0; k < ids.length; k++)
			if (ids[k] == id) seen = true;
		if (!seen) ids = Array.concat(ids, id);
	}
	return ids.length;
}
