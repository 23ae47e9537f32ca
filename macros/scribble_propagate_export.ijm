// MiVOS for Fiji: segment the bundled sample time-lapse from its stored scribbles, export the result and print
// label statistics.
//
// Argument (all optional, ImageJ option style; brackets around paths with spaces):
//   sample=[FOLDER]  folder with image.tif and scribbles.zip (default: sample-stacks/nuclei-demo beside macros/)
//   output=[FOLDER]  where image-labels.tif, image-rois.zip and image-tracks.csv go (default: <temp>/mivos-demo)
// Run from ImageJ/Fiji (Plugins > Macros > Run...), or without a window:
//   ImageJ --headless -macro macros/scribble_propagate_export.ijm "output=[/tmp/mivos-demo]"      (Fiji)
//   xvfb-run java -jar ij.jar -ijpath DIR -batch macros/scribble_propagate_export.ijm "output=[...]" (plain ImageJ)

args = getArgument() + " ";
here = getInfo("macro.filepath");
defaultSample = "";
if (here != "" && here != "null")
	defaultSample = File.getParent(File.getParent(here)) + File.separator + "sample-stacks" + File.separator + "nuclei-demo";
sample = call("ij.Macro.getValue", args, "sample", defaultSample);
output = call("ij.Macro.getValue", args, "output", getDirectory("temp") + "mivos-demo");
if (sample == "" || !File.exists(sample + File.separator + "image.tif"))
	exit("No sample found at '" + sample + "'; pass sample=[FOLDER holding image.tif and scribbles.zip]");
File.makeDirectory(output);

setBatchMode(true);
open(sample + File.separator + "image.tif");
source = getTitle();
run("Propagate", "scribbles=[" + sample + File.separator + "scribbles.zip] first_frame=1 last_frame=0");
labels = getTitle();
roiManager("reset");
run("Export MiVOS result", "image=[" + source + "] channel=1 slice=1 label_tiff roi_manager roi_zip csv output_folder=[" + output + "]");

// Label statistics from the exported table: pixels per object over all frames.
table = split(File.openAsString(output + File.separator + "image-tracks.csv"), "\n");
header = split(table[0], ",");
trackColumn = -1;
areaColumn = -1;
for (i = 0; i < header.length; i++) {
	if (header[i] == "track_id") trackColumn = i;
	if (header[i] == "area_px") areaColumn = i;
}
ids = newArray(0);
pixels = newArray(0);
for (row = 1; row < table.length; row++) {
	fields = split(table[row], ",");
	id = parseInt(fields[trackColumn]);
	k = -1;
	for (j = 0; j < ids.length; j++)
		if (ids[j] == id) k = j;
	if (k < 0) {
		ids = Array.concat(ids, id);
		pixels = Array.concat(pixels, 0);
		k = ids.length - 1;
	}
	pixels[k] = pixels[k] + parseInt(fields[areaColumn]);
}
print("MiVOS result " + labels + ": " + ids.length + " objects, " + nSlices + " frames, " + roiManager("count") + " ROIs");
for (j = 0; j < ids.length; j++)
	print("object " + ids[j] + ": " + pixels[j] + " pixels");
print("files: " + output);
