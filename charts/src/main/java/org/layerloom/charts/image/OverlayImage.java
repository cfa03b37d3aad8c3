package org.layerloom.charts.image;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;
import org.layerloom.charts.CanvasChart;
import org.layerloom.charts.ColorScale;
import org.layerloom.charts.heatmap.ColorBar;

/**
 * An input image in grey with a heat overlay on top (saliency, SmoothGrad or Grad-CAM, values in [0, 1]),
 * whose opacity follows {@link #overlayOpacityProperty()} (bind a slider to it). The overlay may have another
 * resolution than the image; it is stretched over it. Optional region borders (LIME's superpixels) are drawn
 * as thin lines between pixels of different regions. A title above, a "low → high" colour bar beside.
 * JavaFX thread only.
 */
public final class OverlayImage extends CanvasChart {

    private static final double PAD = 8;

    private final DoubleProperty opacity = new SimpleDoubleProperty(this, "overlayOpacity", 0.6);
    private int baseHeight;
    private int baseWidth;
    private float[] base = new float[0];
    private int heatHeight;
    private int heatWidth;
    private float[] heat = new float[0];
    private int[] regions = new int[0];
    private String title = "";
    private String scaleTitle = "importance";
    private final ColorScale heatScale = ColorScale.heat();
    private boolean showScale = true;

    public OverlayImage() {
        getStyleClass().add("overlay-image");
        setPrefSize(260, 260);
        setMinSize(80, 80);
        opacity.addListener((obs, was, now) -> redraw());
    }

    /** The opacity of the overlay, 0 (image only) to 1. */
    public DoubleProperty overlayOpacityProperty() {
        return opacity;
    }

    /** The image below, {@code height} × {@code width} values row by row, drawn grey from its min to its max. */
    public void setImage(int height, int width, float[] pixels) {
        requireSize(height, width, pixels);
        baseHeight = height;
        baseWidth = width;
        base = pixels.clone();
        redraw();
    }

    /** The overlay, {@code height} × {@code width} values in [0, 1]; an empty array for none. */
    public void setOverlay(int height, int width, float[] values) {
        requireSize(height, width, values);
        heatHeight = height;
        heatWidth = width;
        heat = values.clone();
        redraw();
    }

    /**
     * The region of each image pixel, row by row, whose borders are outlined over the image and overlay; an
     * empty array for none. Set it after {@link #setImage}: it must have the image's size.
     */
    public void setRegions(int[] labels) {
        if (labels.length != 0 && labels.length != base.length) {
            throw new IllegalArgumentException("one region per image pixel (" + base.length + ") expected, not "
                    + labels.length);
        }
        regions = labels.clone();
        redraw();
    }

    /** The regions outlined now (empty for none). */
    public int[] regions() {
        return regions.clone();
    }

    /** Whether the colour bar is drawn beside the image (on by default; off for small gallery tiles). */
    public void setShowScale(boolean show) {
        showScale = show;
        redraw();
    }

    public void setTitles(String imageTitle, String colorTitle) {
        title = imageTitle;
        scaleTitle = colorTitle;
        redraw();
    }

    @Override
    protected void paint(GraphicsContext g, double width, double height) {
        g.setFill(colors().text());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        double top = PAD;
        if (!title.isEmpty()) {
            g.fillText(title, PAD, PAD, width - 2 * PAD);
            top += font().getSize() + 8;
        }
        if (base.length == 0) {
            return;
        }
        double bar = showScale ? ColorBar.WIDTH + 8 : 0;
        double side = Math.max(10, Math.min(width - 2 * PAD - bar, height - top - PAD));
        double w = side * baseWidth / Math.max(baseWidth, baseHeight);
        double h = side * baseHeight / Math.max(baseWidth, baseHeight);
        g.drawImage(image(baseWidth, baseHeight, grey(base)), PAD, top, w, h);
        if (heat.length > 0 && opacity.get() > 0) {
            int[] argb = new int[heat.length];
            for (int i = 0; i < heat.length; i++) {
                argb[i] = heatScale.argb(heat[i], opacity.get());
            }
            g.setImageSmoothing(heatWidth < baseWidth);
            g.drawImage(image(heatWidth, heatHeight, argb), PAD, top, w, h);
            g.setImageSmoothing(false);
        }
        if (regions.length == base.length && regions.length > 0) {
            outline(g, PAD, top, w / baseWidth, h / baseHeight);
        }
        g.setStroke(colors().grid());
        g.setLineWidth(1);
        g.strokeRect(PAD - 0.5, top - 0.5, w + 1, h + 1);
        if (heat.length > 0 && showScale) {
            ColorBar.draw(g, heatScale, PAD + w + 10, top, Math.min(h, 200), scaleTitle, colors());
        }
    }

    /** One path along every border between pixels of different regions, in the accent colour. */
    private void outline(GraphicsContext g, double left, double top, double cellWidth, double cellHeight) {
        g.beginPath();
        for (int y = 0; y < baseHeight; y++) {
            for (int x = 0; x < baseWidth; x++) {
                int p = y * baseWidth + x;
                if (x + 1 < baseWidth && regions[p] != regions[p + 1]) {
                    g.moveTo(left + (x + 1) * cellWidth, top + y * cellHeight);
                    g.lineTo(left + (x + 1) * cellWidth, top + (y + 1) * cellHeight);
                }
                if (y + 1 < baseHeight && regions[p] != regions[p + baseWidth]) {
                    g.moveTo(left + x * cellWidth, top + (y + 1) * cellHeight);
                    g.lineTo(left + (x + 1) * cellWidth, top + (y + 1) * cellHeight);
                }
            }
        }
        g.setStroke(colors().accent().deriveColor(0, 1, 1, 0.8));
        g.setLineWidth(1);
        g.stroke();
    }

    /** Grey levels of {@code pixels} from their minimum (black) to their maximum (white). */
    static int[] grey(float[] pixels) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float p : pixels) {
            min = Math.min(min, p);
            max = Math.max(max, p);
        }
        float span = max > min ? max - min : 1;
        int[] argb = new int[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            int v = Math.round((pixels[i] - min) / span * 255);
            argb[i] = 0xff000000 | (v << 16) | (v << 8) | v;
        }
        return argb;
    }

    private static void requireSize(int height, int width, float[] values) {
        if (values.length != 0 && (long) height * width != values.length) {
            throw new IllegalArgumentException(height + "×" + width + " needs " + height * width + " values, not "
                    + values.length);
        }
    }
}
