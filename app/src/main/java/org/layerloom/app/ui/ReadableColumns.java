package org.layerloom.app.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;

/**
 * Keeps every column of a table at least as wide as its heading, whatever the font size: once the table's skin
 * has made its headers, each column's minimum width follows its heading label's width (and changes with the
 * font); a table that resizes its columns to its width lets them go their own width (and scrolls sideways)
 * while the headings do not fit side by side, instead of cutting "Parameters" down to "Par...". JavaFX thread
 * only.
 */
public final class ReadableColumns {

    /** Room beside the heading's text: the header's padding and the sort arrow's space. */
    private static final double SLACK = 18;

    private ReadableColumns() {
    }

    /** Applies to {@code table} from now on. */
    public static void keep(TableView<?> table) {
        table.skinProperty().addListener((obs, was, skin) -> {
            if (skin != null) {
                javafx.application.Platform.runLater(() -> follow(table));
            }
        });
        if (table.getSkin() != null) {
            follow(table);
        }
    }

    private static void follow(TableView<?> table) {
        var policy = table.getColumnResizePolicy();
        Runnable choosePolicy = () -> {
            double needed = table.getColumns().stream().mapToDouble(c -> c.getMinWidth()).sum() + SLACK;
            table.setColumnResizePolicy(needed > table.getWidth() ? TableView.UNCONSTRAINED_RESIZE_POLICY : policy);
        };
        for (Node node : table.lookupAll(".column-header")) {
            if (node instanceof TableColumnHeader header && header.getTableColumn() != null
                    && header.lookup(".label") instanceof Label label) {
                Runnable fit = () -> {
                    var column = header.getTableColumn();
                    column.setMinWidth(Math.ceil(label.prefWidth(-1) + SLACK));
                    column.setPrefWidth(Math.max(column.getPrefWidth(), column.getMinWidth()));
                    choosePolicy.run();
                };
                // Fonts change while CSS walks the scene: resize the columns after that walk, not during it.
                label.fontProperty().addListener((o, w, f) -> javafx.application.Platform.runLater(fit));
                label.textProperty().addListener((o, w, t) -> javafx.application.Platform.runLater(fit));
                fit.run();
            }
        }
        table.widthProperty().addListener((o, w, width) -> javafx.application.Platform.runLater(choosePolicy));
    }
}
