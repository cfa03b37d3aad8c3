package org.layerloom.app.inspect;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.util.Duration;
import org.layerloom.app.ui.Css;
import org.layerloom.engine.text.Numbers;

/**
 * The pieces the "How this layer computes" panel writes formulas with: numbers that say where they come
 * from when hovered, operators, formula lines that wrap, and small matrices of numbers. Stateless; JavaFX
 * thread only.
 */
final class WorkingText {

    private static final String SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉";

    private WorkingText() {
    }

    /** {@code value} (3 significant digits) with a tooltip saying where it comes from. */
    static Label number(double value, String source) {
        Label label = Css.styled(new Label(format(value)), "working-number");
        Tooltip tip = new Tooltip(format(value) + " = " + source
                + (Double.isFinite(value) ? "\nexact: " + value : ""));
        tip.setShowDelay(Duration.millis(150));
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        label.setTooltip(tip);
        return label;
    }

    static String format(double value) {
        return Numbers.significant(value);
    }

    /** An operator or word between numbers. */
    static Label op(String text) {
        return Css.styled(new Label(text), "working-op");
    }

    /** A line of a formula, wrapping when narrow. */
    static FlowPane line(Node... parts) {
        FlowPane line = Css.styled(new FlowPane(4, 2, parts), "working-line");
        line.setPrefWrapLength(420);
        return line;
    }

    /** A heading inside the panel. */
    static Label heading(String text) {
        return Css.styled(new Label(text), "working-heading");
    }

    /** A sentence of explanation. */
    static Label note(String text) {
        Label label = Css.styled(new Label(text), "working-note");
        label.setWrapText(true);
        return label;
    }

    /** {@code name} followed by a subscript of {@code index}, e.g. x₁₂. */
    static String indexed(String name, int index) {
        StringBuilder s = new StringBuilder(name);
        for (char c : Integer.toString(index).toCharArray()) {
            s.append(SUBSCRIPTS.charAt(c - '0'));
        }
        return s.toString();
    }

    /** Where a cell's number comes from. */
    interface CellSource {
        String of(int row, int column);
    }

    /** A small matrix of numbers, one hoverable label per cell; cell (hr, hc) is marked when inside. */
    static GridPane matrix(double[][] values, CellSource source, int markRow, int markColumn) {
        GridPane grid = Css.styled(new GridPane(), "working-matrix");
        grid.setHgap(2);
        grid.setVgap(2);
        for (int r = 0; r < values.length; r++) {
            for (int c = 0; c < values[r].length; c++) {
                Label cell = Double.isNaN(values[r][c]) ? Css.styled(new Label("pad"), "working-cell", "padding-cell")
                        : number(values[r][c], source.of(r, c));
                cell.getStyleClass().add("working-cell");
                if (r == markRow && c == markColumn) {
                    cell.getStyleClass().add("marked-cell");
                }
                grid.add(cell, c, r);
            }
        }
        return grid;
    }
}
