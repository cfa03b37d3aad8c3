package org.layerloom.charts.image;

import java.util.Arrays;
import java.util.function.Consumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * A square pad the student draws a digit on with the mouse (right button or Shift erases): it keeps a
 * {@code side} × {@code side} grid of ink in [0, 1] (28 × 28 like MNIST, white ink on black) painted with a
 * soft round brush, and hands a copy of it to {@link #setOnDrawn} when a stroke ends. JavaFX thread only.
 */
public final class DrawingPad extends org.layerloom.charts.CanvasChart {

    private final int side;
    private final float[] ink;
    private double brush = 1.3;
    private Consumer<float[]> onDrawn = p -> { };

    /** A pad of {@code side} × {@code side} cells (28 for MNIST). */
    public DrawingPad(int side) {
        if (side < 2) {
            throw new IllegalArgumentException("a pad needs at least 2 × 2 cells");
        }
        this.side = side;
        this.ink = new float[side * side];
        getStyleClass().add("drawing-pad");
        setPrefSize(224, 224);
        setMinSize(84, 84);
        setOnMousePressed(this::stroke);
        setOnMouseDragged(this::stroke);
        setOnMouseReleased(e -> onDrawn.accept(pixels()));
    }

    public int side() {
        return side;
    }

    /** A copy of the ink, row by row, 0 (empty) to 1 (full). */
    public float[] pixels() {
        return ink.clone();
    }

    /** Replaces the ink (e.g. with a test image to start from), values clamped to [0, 1]. */
    public void setPixels(float[] values) {
        if (values.length != ink.length) {
            throw new IllegalArgumentException("the pad holds " + ink.length + " values, not " + values.length);
        }
        for (int i = 0; i < ink.length; i++) {
            ink[i] = Math.max(0, Math.min(1, values[i]));
        }
        redraw();
    }

    /** Wipes the pad. */
    public void clear() {
        Arrays.fill(ink, 0);
        redraw();
    }

    /** The brush radius in cells (1.3 by default, about an MNIST stroke). */
    public void setBrush(double radius) {
        brush = radius;
    }

    /** Called with the pixels after each stroke. */
    public void setOnDrawn(Consumer<float[]> action) {
        onDrawn = action == null ? p -> { } : action;
    }

    /** Paints (or erases) a dab of the brush centred on cell coordinates ({@code cx}, {@code cy}). */
    public void dab(double cx, double cy, boolean erase) {
        int r = (int) Math.ceil(brush + 1);
        for (int y = (int) cy - r; y <= (int) cy + r; y++) {
            for (int x = (int) cx - r; x <= (int) cx + r; x++) {
                if (x < 0 || y < 0 || x >= side || y >= side) {
                    continue;
                }
                double d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
                double amount = Math.max(0, Math.min(1, brush + 0.5 - d));
                int i = y * side + x;
                ink[i] = erase ? (float) Math.max(0, ink[i] - amount) : (float) Math.min(1, Math.max(ink[i], amount));
            }
        }
        redraw();
    }

    private void stroke(MouseEvent e) {
        double cell = cellSize();
        double ox = (getWidth() - cell * side) / 2;
        double oy = (getHeight() - cell * side) / 2;
        dab((e.getX() - ox) / cell, (e.getY() - oy) / cell, e.getButton() == MouseButton.SECONDARY || e.isShiftDown());
    }

    private double cellSize() {
        return Math.max(1, Math.min(getWidth(), getHeight()) / side);
    }

    @Override
    protected void paint(GraphicsContext g, double width, double height) {
        double cell = cellSize();
        double ox = (width - cell * side) / 2;
        double oy = (height - cell * side) / 2;
        int[] argb = absoluteGrey();
        g.drawImage(image(side, side, argb), ox, oy, cell * side, cell * side);
        g.setStroke(colors().grid());
        g.strokeRect(ox - 0.5, oy - 0.5, cell * side + 1, cell * side + 1);
        boolean empty = true;
        for (float v : ink) {
            empty &= v == 0;
        }
        if (empty) {
            g.setFill(Color.gray(0.75));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("Draw a digit here", width / 2, height / 2);
        }
    }

    /** Grey levels of the ink on an absolute scale: 0 black, 1 white. */
    private int[] absoluteGrey() {
        int[] argb = new int[ink.length];
        for (int i = 0; i < ink.length; i++) {
            int v = Math.round(ink[i] * 255);
            argb[i] = 0xff000000 | (v << 16) | (v << 8) | v;
        }
        return argb;
    }
}
