package org.layerloom.editor.view;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.Problem;

/**
 * Every problem of the graph, errors first, with the layer it concerns; clicking one selects that
 * layer (its fixes are then shown in the inspector and on the list itself). JavaFX thread only.
 */
final class ProblemsPanel extends VBox {

    private final EditorViewModel editor;
    private final ListView<Problem> list = new ListView<>();
    private final Label title = new Label();
    private final Label none = new Label();

    ProblemsPanel(EditorViewModel editor, GraphCanvas canvas) {
        this.editor = editor;
        getStyleClass().add("problems-panel");
        setId("problems-panel");
        title.getStyleClass().add("panel-title");
        list.setId("problem-list");
        list.setCellFactory(v -> new ProblemCell());
        none.setWrapText(true);
        none.setId("no-problems");
        list.setPlaceholder(none);
        list.getSelectionModel().selectedItemProperty().addListener((obs, was, problem) -> {
            if (problem != null) {
                problem.nodeId().filter(id -> editor.graph().contains(id)).ifPresent(id -> {
                    editor.selection().selectOnly(id);
                    editor.graph().node(id).ifPresent(n -> canvas.centreOn(n.position().x() + 78,
                            n.position().y() + 35));
                });
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(title, list);
        editor.addListener(this::refresh);
        refresh();
    }

    private void refresh() {
        List<Problem> problems = new java.util.ArrayList<>(editor.report().errors());
        problems.addAll(editor.report().warnings());
        if (!problems.equals(list.getItems())) {
            list.getItems().setAll(problems);
        }
        none.setText(editor.dataFacts().map(d -> "No problems: the network fits " + d.name()
                + " and is ready to train.").orElse("No problems in the network itself. It is checked against the"
                + " project's data once the dataset has loaded."));
        long errors = editor.report().errors().size();
        title.setText(problems.isEmpty() ? "Problems" : "Problems (" + errors + " error" + (errors == 1 ? "" : "s")
                + ", " + (problems.size() - errors) + " warning" + (problems.size() - errors == 1 ? "" : "s") + ")");
    }

    private final class ProblemCell extends ListCell<Problem> {
        @Override
        protected void updateItem(Problem problem, boolean empty) {
            super.updateItem(problem, empty);
            getStyleClass().removeAll("error", "warning");
            if (empty || problem == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            getStyleClass().add(problem.isError() ? "error" : "warning");
            Label icon = new Label(problem.isError() ? "●" : "▲");
            icon.getStyleClass().add("problem-icon");
            String where = problem.nodeId().flatMap(id -> editor.graph().node(id)).map(Node::name).orElse("Network");
            Label node = new Label(where);
            node.getStyleClass().add("problem-node");
            Label message = new Label(problem.message());
            message.getStyleClass().add("problem-text");
            message.setMaxWidth(Double.MAX_VALUE);
            message.setMinWidth(0);
            message.setWrapText(true);
            HBox.setHgrow(message, Priority.ALWAYS);
            node.setMinWidth(Label.USE_PREF_SIZE);
            HBox row = new HBox(10, icon, node, message);
            row.setAlignment(javafx.geometry.Pos.TOP_LEFT);
            row.setMinWidth(0);
            // As wide as the list, not as the message: long messages wrap instead of scrolling sideways.
            setPrefWidth(0);
            setText(null);
            setGraphic(row);
        }
    }
}
