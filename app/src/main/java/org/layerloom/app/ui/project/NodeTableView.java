package org.layerloom.app.ui.project;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.layerloom.app.check.NodeRow;
import org.layerloom.engine.graph.LayerKind;

/**
 * The nodes of a checked network in data-flow order: number, name, layer, output shape, parameters.
 * Rows of nodes with an error are marked; double-clicking a row asks to explain its layer kind.
 * JavaFX thread only.
 */
final class NodeTableView extends TableView<NodeRow> {

    private static final PseudoClass HAS_ERROR = PseudoClass.getPseudoClass("has-error");
    private Set<String> nodesWithErrors = Set.of();

    /** @param showKind called with a row's layer kind when the row is double-clicked */
    NodeTableView(Consumer<LayerKind> showKind) {
        setRowFactory(table -> {
            TableRow<NodeRow> tableRow = new TableRow<>() {
                @Override
                protected void updateItem(NodeRow row, boolean empty) {
                    super.updateItem(row, empty);
                    pseudoClassStateChanged(HAS_ERROR, !empty && row != null && nodesWithErrors.contains(row.id()));
                }
            };
            tableRow.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !tableRow.isEmpty()) {
                    showKind.accept(tableRow.getItem().kind());
                }
            });
            return tableRow;
        });
        setId("node-table");
        getStyleClass().add("node-table");
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getColumns().setAll(List.of(
                column("#", r -> Integer.toString(r.number()), 48, "number-column"),
                column("Name", NodeRow::name, 220, null),
                column("Layer", r -> r.kind().id(), 170, null),
                column("Output shape", NodeRow::outputText, 150, "shape-column"),
                column("Parameters", NodeRow::parametersText, 130, "number-column")));
        setPlaceholder(new javafx.scene.control.Label("This project has no layers yet."));
        org.layerloom.app.ui.ReadableColumns.keep(this);
    }

    void show(List<NodeRow> rows, Set<String> errorNodeIds) {
        nodesWithErrors = Set.copyOf(errorNodeIds);
        getItems().setAll(rows);
        refresh();
    }

    private static TableColumn<NodeRow, String> column(String title, Function<NodeRow, String> value, double width,
                                                       String styleClass) {
        TableColumn<NodeRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setReorderable(false);
        if (styleClass != null) {
            column.getStyleClass().add(styleClass);
        }
        return column;
    }
}
