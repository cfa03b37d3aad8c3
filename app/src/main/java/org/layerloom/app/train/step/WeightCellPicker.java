package org.layerloom.app.train.step;

import java.util.function.BiConsumer;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

/**
 * A grid of cells, one per weight of a matrix (a Dense layer's inputs × units, or one kernel's rows × columns),
 * to pick a weight by clicking its cell; the chosen cell is marked. Grids larger than {@link #MAX_CELLS} are not
 * drawn (the spinners pick there). JavaFX thread only.
 */
final class WeightCellPicker extends GridPane {

    static final int MAX_CELLS = 1024;

    private final BiConsumer<Integer, Integer> clicked;

    /** @param clicked told the row and column of a clicked cell */
    WeightCellPicker(BiConsumer<Integer, Integer> clicked) {
        this.clicked = clicked;
        setHgap(2);
        setVgap(2);
        getStyleClass().add("weight-cells");
    }

    /**
     * Shows {@code rows × columns} cells with the one at ({@code row}, {@code column}) marked; nothing when there
     * are none or too many. {@code rowName} and {@code columnName} say what rows and columns count, for tooltips.
     */
    void show(int rows, int columns, int row, int column, String rowName, String columnName) {
        getChildren().clear();
        boolean drawn = rows > 0 && columns > 0 && (long) rows * columns <= MAX_CELLS;
        setVisible(drawn);
        setManaged(drawn);
        if (!drawn) {
            return;
        }
        int size = Math.max(6, Math.min(18, 340 / Math.max(rows, columns) - 2));
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                Region cell = new Region();
                cell.setPrefSize(size, size);
                cell.setMinSize(size, size);
                cell.getStyleClass().add("weight-cell");
                if (r == row && c == column) {
                    cell.getStyleClass().add("weight-cell-chosen");
                }
                int cellRow = r;
                int cellColumn = c;
                cell.setId("weight-cell-" + r + "-" + c);
                Tooltip.install(cell, new Tooltip(rowName + " " + r + ", " + columnName + " " + c));
                cell.setOnMouseClicked(e -> clicked.accept(cellRow, cellColumn));
                add(cell, c, r);
            }
        }
    }
}
