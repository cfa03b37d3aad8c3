package org.layerloom.charts.confusion;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import org.layerloom.charts.ChartColors;

/**
 * A confusion matrix as a heatmap: one row per actual class, one column per predicted class, each cell
 * showing its count and shaded by the share of its row (correct predictions on the diagonal in blue,
 * mistakes in orange), with each class's recall at the end of its row and precision under its column.
 * Clicking a cell tells the {@link ConfusionCellListener}, e.g. to show those examples. Fed plain
 * numbers with {@link #setMatrix}. JavaFX thread only.
 */
public final class ConfusionMatrixView extends GridPane {

    private ConfusionCellListener listener = (actual, predicted) -> { };
    private final ObjectProperty<ChartColors> colors = new SimpleObjectProperty<>(this, "colors", ChartColors.LIGHT);
    private List<String> classes = List.of();
    private int[][] counts = new int[0][];
    private double[] precision = new double[0];
    private double[] recall = new double[0];

    public ConfusionMatrixView() {
        getStyleClass().add("confusion-matrix");
        getStylesheets().add(ConfusionMatrixView.class.getResource("/org/layerloom/charts/charts.css").toExternalForm());
        setHgap(2);
        setVgap(2);
        setAlignment(Pos.CENTER);
        colors.addListener((obs, was, is) -> rebuild());
    }

    public void setOnCellChosen(ConfusionCellListener newListener) {
        listener = newListener == null ? (actual, predicted) -> { } : newListener;
    }

    /** The colours the matrix is painted in (light by default); bind it to follow a theme. */
    public ObjectProperty<ChartColors> colorsProperty() {
        return colors;
    }

    /** Repaints in the colours of another theme. */
    public void setColors(ChartColors newColors) {
        colors.set(java.util.Objects.requireNonNull(newColors, "colors"));
    }

    /**
     * Shows a matrix.
     *
     * @param classNames the class names, in label order
     * @param matrix     rows: actual class, columns: predicted class
     * @param precisions per predicted class (NaN when it was never predicted)
     * @param recalls    per actual class (NaN when it has no example)
     * @throws IllegalArgumentException when the sizes do not agree
     */
    public void setMatrix(List<String> classNames, int[][] matrix, double[] precisions, double[] recalls) {
        int n = classNames.size();
        if (matrix.length != n || precisions.length != n || recalls.length != n) {
            throw new IllegalArgumentException("a confusion matrix of " + n + " classes needs " + n + " rows, "
                    + "precisions and recalls");
        }
        int[][] copy = new int[n][];
        for (int i = 0; i < n; i++) {
            if (matrix[i].length != n) {
                throw new IllegalArgumentException("row " + i + " has " + matrix[i].length + " cells, not " + n);
            }
            copy[i] = matrix[i].clone();
        }
        classes = List.copyOf(classNames);
        counts = copy;
        precision = precisions.clone();
        recall = recalls.clone();
        rebuild();
    }

    /** The count shown in a cell. */
    public int count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    public int classCount() {
        return classes.size();
    }

    private void rebuild() {
        getChildren().clear();
        int n = classes.size();
        if (n == 0) {
            return;
        }
        Label predictedAxis = styled(new Label("predicted class →"), "confusion-axis");
        add(predictedAxis, 2, 0, n, 1);
        GridPane.setHalignment(predictedAxis, HPos.CENTER);
        Label actualAxis = styled(new Label("actual class ↓"), "confusion-axis");
        add(actualAxis, 0, 0, 2, 1);
        for (int c = 0; c < n; c++) {
            Label head = header(classes.get(c));
            add(head, c + 2, 1);
            GridPane.setHalignment(head, HPos.CENTER);
        }
        add(styled(new Label("recall"), "confusion-header"), n + 2, 1);
        for (int r = 0; r < n; r++) {
            Label head = header(classes.get(r));
            add(head, 1, r + 2);
            GridPane.setHalignment(head, HPos.RIGHT);
            long rowTotal = 0;
            for (int c = 0; c < n; c++) {
                rowTotal += counts[r][c];
            }
            for (int c = 0; c < n; c++) {
                add(cell(r, c, rowTotal), c + 2, r + 2);
            }
            add(metric(recall[r]), n + 2, r + 2);
        }
        Label precisionHead = styled(new Label("precision"), "confusion-header");
        add(precisionHead, 1, n + 2);
        GridPane.setHalignment(precisionHead, HPos.RIGHT);
        for (int c = 0; c < n; c++) {
            add(metric(precision[c]), c + 2, n + 2);
        }
    }

    private StackPane cell(int actual, int predicted, long rowTotal) {
        int count = counts[actual][predicted];
        double share = rowTotal == 0 ? 0 : (double) count / rowTotal;
        boolean diagonal = actual == predicted;
        ChartColors palette = java.util.Objects.requireNonNullElse(colors.get(), ChartColors.LIGHT);
        Color strong = diagonal ? palette.seriesColor(0) : palette.seriesColor(1);
        double strength = count == 0 ? 0 : 0.12 + 0.88 * Math.sqrt(share);
        Color fill = mix(palette.background(), strong, strength);
        Text text = new Text(Integer.toString(count));
        text.getStyleClass().add("confusion-count");
        text.setFill(luminance(fill) > 0.55 ? Color.web("#1f2933") : Color.web("#f8fafc"));
        text.setOpacity(count == 0 ? 0.45 : 1);
        StackPane cell = new StackPane(text);
        cell.getStyleClass().add("confusion-cell");
        cell.setStyle("-fx-background-color: " + ChartColors.web(fill) + ";");
        String actualName = classes.get(actual);
        Tooltip.install(cell, new Tooltip(diagonal
                ? String.format(Locale.ROOT, "%d of the %d examples of '%s' were recognised (%.1f %%).", count,
                        rowTotal, actualName, 100 * share)
                : String.format(Locale.ROOT, "%d examples of '%s' were taken for '%s' (%.1f %% of '%s').%nClick"
                        + " to see them.", count, actualName, classes.get(predicted), 100 * share, actualName)));
        cell.setOnMouseClicked(e -> listener.cellChosen(actual, predicted));
        cell.getProperties().put("actual", actual);
        cell.getProperties().put("predicted", predicted);
        return cell;
    }

    private Label header(String name) {
        Label label = styled(new Label(name), "confusion-header");
        label.setMaxWidth(110);
        label.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        label.setTooltip(new Tooltip(name));
        return label;
    }

    private Label metric(double value) {
        Label label = styled(new Label(Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.0f %%", 100 * value)),
                "confusion-metric");
        label.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHalignment(label, HPos.CENTER);
        return label;
    }

    private static Label styled(Label label, String styleClass) {
        label.getStyleClass().add(styleClass);
        return label;
    }

    /** {@code from} moved towards {@code to} by {@code t}, rounded to whole 0-255 channels. */
    private static Color mix(Color from, Color to, double t) {
        double k = Math.max(0, Math.min(1, t));
        return Color.rgb(channel(from.getRed(), to.getRed(), k), channel(from.getGreen(), to.getGreen(), k),
                channel(from.getBlue(), to.getBlue(), k));
    }

    private static int channel(double from, double to, double k) {
        return (int) Math.round(255 * from + (255 * to - 255 * from) * k);
    }

    private static double luminance(Color c) {
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }
}
