package org.layerloom.app.ui.project;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.layerloom.engine.graph.Fix;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.Problem;

/**
 * The problems of a checked network as cards: severity, the layers concerned, the explanation and the
 * suggested fixes. JavaFX thread only.
 */
final class ProblemListView extends VBox {

    ProblemListView() {
        super(10);
        setId("problem-list");
        getStyleClass().add("problem-list");
    }

    /** Shows {@code problems} of {@code graph}, naming the nodes they concern. */
    void show(List<Problem> problems, NetworkGraph graph) {
        getChildren().clear();
        for (Problem problem : problems) {
            getChildren().add(card(problem, graph));
        }
    }

    private static VBox card(Problem problem, NetworkGraph graph) {
        boolean error = problem.isError();
        Label badge = new Label(error ? "Error" : "Warning");
        badge.getStyleClass().addAll("badge", error ? "badge-error" : "badge-warning");
        HBox top = new HBox(8, badge);
        if (!problem.nodeIds().isEmpty()) {
            List<String> names = problem.nodeIds().stream()
                    .map(id -> graph.node(id).map(Node::name).orElse(id)).toList();
            Label where = new Label(String.join(", ", names));
            where.getStyleClass().add("problem-nodes");
            top.getChildren().add(where);
        }
        Label message = new Label(problem.message());
        message.setWrapText(true);
        message.setMinHeight(Label.USE_PREF_SIZE);
        message.getStyleClass().add("problem-message");
        VBox card = new VBox(6, top, message);
        for (Fix fix : problem.fixes()) {
            Label label = new Label("Suggested fix: " + fix.label());
            label.setWrapText(true);
            label.getStyleClass().add("problem-fix");
            card.getChildren().add(label);
        }
        card.getStyleClass().addAll("problem-card", error ? "problem-error" : "problem-warning");
        return card;
    }
}
