package org.layerloom.editor.model;

/**
 * How the canvas shows the graph: a zoom factor and the screen position of the canvas origin
 * (screen = canvas × zoom + pan). Zooming keeps the point under the cursor still; fitting centres the
 * graph. Plain Java; single thread.
 */
public final class Viewport {

    public static final double MIN_ZOOM = 0.2;
    public static final double MAX_ZOOM = 3.0;

    private double zoom = 1;
    private double panX;
    private double panY;

    public double zoom() {
        return zoom;
    }

    public double panX() {
        return panX;
    }

    public double panY() {
        return panY;
    }

    public double toCanvasX(double screenX) {
        return (screenX - panX) / zoom;
    }

    public double toCanvasY(double screenY) {
        return (screenY - panY) / zoom;
    }

    public void panBy(double dx, double dy) {
        panX += dx;
        panY += dy;
    }

    public void set(double newZoom, double newPanX, double newPanY) {
        zoom = clamp(newZoom);
        panX = newPanX;
        panY = newPanY;
    }

    /** Multiplies the zoom by {@code factor}, keeping the screen point (x, y) over the same canvas point. */
    public void zoomAt(double factor, double x, double y) {
        double cx = toCanvasX(x);
        double cy = toCanvasY(y);
        zoom = clamp(zoom * factor);
        panX = x - cx * zoom;
        panY = y - cy * zoom;
    }

    /** Shows all of {@code bounds} in a view of the given size, at most at 100 %. */
    public void fit(Bounds bounds, double viewWidth, double viewHeight) {
        fit(bounds, viewWidth, viewHeight, 1);
    }

    /** Shows all of {@code bounds} in a view of the given size, with a zoom of at most {@code maxZoom}. */
    public void fit(Bounds bounds, double viewWidth, double viewHeight, double maxZoom) {
        if (bounds.width() <= 0 || viewWidth <= 0 || viewHeight <= 0) {
            set(maxZoom, 0, 0);
            return;
        }
        Bounds b = bounds.padded(40);
        zoom = clamp(Math.min(maxZoom, Math.min(viewWidth / b.width(), viewHeight / b.height())));
        panX = (viewWidth - b.width() * zoom) / 2 - b.minX() * zoom;
        panY = (viewHeight - b.height() * zoom) / 2 - b.minY() * zoom;
    }

    /** The canvas area visible in a view of the given size. */
    public Bounds visible(double viewWidth, double viewHeight) {
        return new Bounds(toCanvasX(0), toCanvasY(0), toCanvasX(viewWidth), toCanvasY(viewHeight));
    }

    private static double clamp(double z) {
        return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z));
    }
}
