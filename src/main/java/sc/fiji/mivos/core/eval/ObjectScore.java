package sc.fiji.mivos.core.eval;

/**
 * Scores of one object in one frame.
 *
 * @param j region Jaccard (IoU), 0..1, see {@link RegionJaccard}
 * @param f boundary F-measure, 0..1, see {@link BoundaryF}
 */
public record ObjectScore(double j, double f) {

	/** @return J&amp;F = (J + F) / 2 */
	public double jf() {
		return (j + f) / 2;
	}
}
