package org.layerloom.app.health;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * The per-layer health table: name, kind, activation mean and std, dead %, saturated %, gradient norm and
 * update ratio; a dead or saturated share of half or more and an update ratio ten times off 1e-3 are marked.
 * Each column's explanation is its user data ({@link #explanations()}). JavaFX thread only.
 */
final class HealthTable extends TableView<LayerRow> {

    HealthTable() {
        getStyleClass().add("health-table");
        setId("health-table");
        // Fixed widths that fit every header and value; a wider table leaves room on the right.
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        setPlaceholder(new Label("Train with health inspection on to see every layer's numbers here."));
        org.layerloom.app.ui.ReadableColumns.keep(this);
        getColumns().add(text("Layer", LayerRow::name, 100));
        getColumns().add(text("Kind", r -> r.kind() + (r.activation().isEmpty() || r.activation().equals("none")
                ? "" : " · " + r.activation()), 120));
        getColumns().add(number("Mean", LayerRow::mean, "The average output on the probe batch."));
        getColumns().add(number("Std", LayerRow::std, "How much the outputs vary on the probe batch."));
        getColumns().add(share("Dead", LayerRow::dead,
                "ReLU units that output 0 for every probe example: they no longer learn."));
        getColumns().add(share("Saturated", LayerRow::saturated,
                "Sigmoid/tanh outputs at the flat ends of the curve, where the gradient is almost 0."));
        getColumns().add(number("Grad. norm", LayerRow::gradientNorm,
                "The size of this layer's parameter gradient. Much smaller in the first layers means vanishing"
                        + " gradients."));
        TableColumn<LayerRow, LayerRow> ratio = new TableColumn<>("Update ratio");
        ratio.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        ratio.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(LayerRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("ratio-far", "ratio-ok");
                if (empty || row == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(LayerRow.number(row.updateRatio()));
                switch (row.ratioVerdict()) {
                    case TOO_SMALL -> {
                        getStyleClass().add("ratio-far");
                        setTooltip(new Tooltip("Far below the rule of thumb 1e-3: this layer learns slowly."));
                    }
                    case TOO_LARGE -> {
                        getStyleClass().add("ratio-far");
                        setTooltip(new Tooltip("Far above the rule of thumb 1e-3: steps may be too large."));
                    }
                    case HEALTHY -> {
                        getStyleClass().add("ratio-ok");
                        setTooltip(null);
                    }
                    default -> setTooltip(null);
                }
            }
        });
        ratio.setPrefWidth(130);
        installHeaderTip(ratio, "How much one step changes the weights, relative to their size (‖Δw‖/‖w‖)."
                + " About 1e-3 is healthy.");
        getColumns().add(ratio);
    }

    /** "Column: what it means" for every column that has an explanation, one per line. */
    String explanations() {
        StringBuilder text = new StringBuilder();
        for (TableColumn<LayerRow, ?> column : getColumns()) {
            if (column.getUserData() instanceof String tip) {
                text.append(text.length() == 0 ? "" : "\n").append(column.getText()).append(": ").append(tip);
            }
        }
        return text.toString();
    }

    private static TableColumn<LayerRow, String> text(String title, Function<LayerRow, String> value, double width) {
        TableColumn<LayerRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private static TableColumn<LayerRow, String> number(String title, ToDoubleFunction<LayerRow> value, String tip) {
        TableColumn<LayerRow, String> column = text(title, r -> LayerRow.number(value.applyAsDouble(r)),
                Math.max(80, title.length() * 9 + 28));
        column.getStyleClass().add("number-column");
        installHeaderTip(column, tip);
        return column;
    }

    private static TableColumn<LayerRow, LayerRow> share(String title, ToDoubleFunction<LayerRow> value, String tip) {
        TableColumn<LayerRow, LayerRow> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(LayerRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("share-trouble");
                if (empty || row == null) {
                    setText(null);
                    return;
                }
                double share = value.applyAsDouble(row);
                setText(LayerRow.percent(share));
                if (share >= LayerRow.TROUBLE) {
                    getStyleClass().add("share-trouble");
                }
            }
        });
        column.setPrefWidth(Math.max(80, title.length() * 9 + 28));
        column.getStyleClass().add("number-column");
        installHeaderTip(column, tip);
        return column;
    }

    private static void installHeaderTip(TableColumn<LayerRow, ?> column, String tip) {
        column.setUserData(tip);
    }
}
