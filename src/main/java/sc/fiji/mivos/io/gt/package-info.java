/**
 * Reading ground-truth label images for evaluation: label stacks, folders of per-frame label images, DAVIS mask
 * PNGs and the Cell Tracking Challenge layout (SEG linked to TRA tracks, lineage from {@code man_track.txt}).
 */
package sc.fiji.mivos.io.gt;
