package org.layerloom.engine.train.event;

/** A rectangle of the plane for 2-D inputs: x from {@code xMin} to {@code xMax}, y likewise. Immutable. */
public record PlaneBounds(double xMin, double xMax, double yMin, double yMax) {

    public PlaneBounds {
        if (!(xMax > xMin) || !(yMax > yMin)) {
            throw new IllegalArgumentException("empty bounds " + xMin + ".." + xMax + " × " + yMin + ".." + yMax);
        }
    }

    /**
     * The bounding box of {@code points} (rows of two numbers) widened by {@code margin} × its size on
     * every side (at least 0.5 when all points coincide).
     */
    public static PlaneBounds around(float[][] points, double margin) {
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (float[] p : points) {
            xMin = Math.min(xMin, p[0]);
            xMax = Math.max(xMax, p[0]);
            yMin = Math.min(yMin, p[1]);
            yMax = Math.max(yMax, p[1]);
        }
        double dx = Math.max((xMax - xMin) * margin, 0.5 * (xMax == xMin ? 1 : 0));
        double dy = Math.max((yMax - yMin) * margin, 0.5 * (yMax == yMin ? 1 : 0));
        return new PlaneBounds(xMin - dx, xMax + dx, yMin - dy, yMax + dy);
    }

    /** The x of the centre of column {@code column} of {@code width}. */
    public double x(int column, int width) {
        return xMin + (column + 0.5) * (xMax - xMin) / width;
    }

    /** The y of the centre of row {@code row} of {@code height}; row 0 is the top ({@code yMax}). */
    public double y(int row, int height) {
        return yMax - (row + 0.5) * (yMax - yMin) / height;
    }
}
