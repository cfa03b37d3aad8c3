package org.layerloom.app.ui.project;

import static org.layerloom.app.ui.Css.styled;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.layerloom.app.check.NodeRows;
import org.layerloom.app.check.ProjectCheck;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.ValidationReport;
import org.layerloom.engine.text.Numbers;

/**
 * Shows the check of the open project: a hint before any is open, progress while it is read, a
 * friendly message when it cannot be read, and otherwise the layer table with shapes and parameter
 * counts beside the problems and their suggested fixes. Observes a {@link ProjectCheckViewModel};
 * JavaFX thread only.
 */
public final class ProjectCheckView extends StackPane {

    private final Label title = styled(new Label(), "page-title");
    private final Label file = styled(new Label(), "muted");
    private final Label status = styled(new Label(), "status");
    private final Label total = styled(new Label(), "total");
    private final Label dataCheck = styled(new Label(), "muted");
    private final NodeTableView table;
    private final ProblemListView problems = new ProblemListView();
    private final Label problemsHeading = styled(new Label(), "section-heading");
    private final Label noProblems = styled(new Label("Every layer receives data of the shape it expects, and every"
            + " setting is within its allowed range."), "muted");
    private final BorderPane report = new BorderPane();
    private final VBox unreadable = new VBox(10);
    private final VBox loading = new VBox(12);
    private final VBox placeholder = new VBox(12);

    /**
     * @param openAction asks the user for a project to open
     * @param showKind shows the reference of a layer kind (double-click on a row of the layer table)
     */
    public ProjectCheckView(ProjectCheckViewModel model, Runnable openAction, Consumer<LayerKind> showKind) {
        table = new NodeTableView(showKind);
        getStyleClass().add("project-check");
        status.setId("project-status");
        total.setId("project-total");
        status.setWrapText(true);
        buildReport();
        buildPlaceholder(openAction);
        getChildren().addAll(placeholder, loading, unreadable, report);
        showOnly(placeholder);
        // Driven by busy rather than by the result: opening the same file again gives an equal result,
        // which a change listener on the result would not report.
        model.busyProperty().addListener((obs, was, busy) -> {
            if (busy) {
                showLoading(model.loadingProperty().get());
            } else {
                show(model.resultProperty().get());
            }
        });
    }

    private void buildReport() {
        dataCheck.setId("project-data-check");
        dataCheck.setWrapText(true);
        dataCheck.managedProperty().bind(dataCheck.textProperty().isNotEmpty());
        VBox header = new VBox(4, title, file, status, dataCheck, total);
        header.getStyleClass().add("report-header");
        Label caption = styled(new Label("Output shape: the size of the data a layer passes on, for one example"
                + " (channels×height×width for images). Parameters: the numbers the layer learns in training."
                + " Double-click a layer to read about its kind."), "muted", "caption");
        caption.setWrapText(true);
        caption.setMinHeight(Label.USE_PREF_SIZE);
        VBox layers = new VBox(8, styled(new Label("Layers, from input to output"), "section-heading"), table,
                caption);
        VBox.setVgrow(table, Priority.ALWAYS);
        layers.getStyleClass().add("report-column");
        ScrollPane problemScroll = new ScrollPane(problems);
        problemScroll.setFitToWidth(true);
        problemScroll.getStyleClass().add("problem-scroll");
        noProblems.setWrapText(true);
        noProblems.setMinHeight(Label.USE_PREF_SIZE);
        VBox problemColumn = new VBox(8, problemsHeading, noProblems, problemScroll);
        VBox.setVgrow(problemScroll, Priority.ALWAYS);
        problemColumn.getStyleClass().add("report-column");
        SplitPane split = new SplitPane(layers, problemColumn);
        split.setDividerPositions(0.58);
        split.getStyleClass().add("report-split");
        report.setId("project-report");
        report.setTop(header);
        report.setCenter(split);
    }

    private void buildPlaceholder(Runnable openAction) {
        Label heading = styled(new Label("No project open"), "page-title");
        Label text = styled(new Label("Open a .loom project file and LayerLoom checks its network: the shape of the"
                + " data after every layer, how many parameters each layer learns, and what to fix if something"
                + " does not fit."), "detail-text");
        text.setWrapText(true);
        text.setMaxWidth(560);
        Button open = new Button("Open project…");
        open.getStyleClass().add("accent-button");
        open.setOnAction(e -> openAction.run());
        placeholder.getChildren().addAll(heading, text, open);
        placeholder.setAlignment(Pos.CENTER);
        loading.setAlignment(Pos.CENTER);
        unreadable.setId("project-error");
        unreadable.getStyleClass().add("unreadable-card");
        unreadable.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    }

    private void showLoading(Path path) {
        loading.getChildren().setAll(new ProgressIndicator(),
                styled(new Label("Reading " + (path == null ? "the project" : path.getFileName()) + "…"), "muted"));
        showOnly(loading);
    }

    private void show(ProjectCheck check) {
        if (check instanceof ProjectCheck.Checked checked) {
            showReport(checked);
        } else if (check instanceof ProjectCheck.Unreadable failed) {
            showUnreadable(failed);
        }
    }

    private void showUnreadable(ProjectCheck.Unreadable failed) {
        Label heading = styled(new Label("LayerLoom could not open this project"), "page-title");
        Label path = styled(new Label(failed.file().toString()), "muted");
        Label problem = styled(new Label(failed.problem()), "error-text");
        problem.setWrapText(true);
        problem.setMinHeight(Label.USE_PREF_SIZE);
        unreadable.getChildren().setAll(heading, path, problem);
        if (!failed.location().isBlank()) {
            unreadable.getChildren().add(styled(new Label("Where in the file: " + failed.location()), "location"));
        }
        Label hint = styled(new Label("Check the file in a text editor, or open another project."), "muted");
        unreadable.getChildren().add(hint);
        showOnly(unreadable);
    }

    private void showReport(ProjectCheck.Checked checked) {
        ValidationReport result = checked.report();
        title.setText(checked.project().name());
        file.setText(checked.file().toString());
        int errors = result.errors().size();
        int warnings = result.warnings().size();
        status.getStyleClass().removeAll("status-valid", "status-invalid", "status-warning");
        if (errors > 0) {
            status.setText("✗ Not ready to train: " + Numbers.counted(errors, "problem") + " to fix"
                    + (warnings > 0 ? ", and " + Numbers.counted(warnings, "warning") : "") + ".");
            status.getStyleClass().add("status-invalid");
        } else if (warnings > 0) {
            status.setText("✓ The network is valid, with " + Numbers.counted(warnings, "warning") + ".");
            status.getStyleClass().add("status-warning");
        } else {
            status.setText("✓ The network is valid.");
            status.getStyleClass().add("status-valid");
        }
        dataCheck.setText(checked.dataCheck());
        total.setText("Total parameters: " + Numbers.count(result.totalParameters())
                + (result.nodes().values().stream().anyMatch(n -> !n.resolved())
                ? " (in the layers that could be worked out)" : ""));
        Set<String> errorNodes = new HashSet<>();
        result.errors().forEach(p -> errorNodes.addAll(p.nodeIds()));
        table.show(NodeRows.of(result), errorNodes);
        problems.show(result.problems(), result.graph());
        boolean clean = result.problems().isEmpty();
        problemsHeading.setText(clean ? "No problems found" : "Problems and suggested fixes");
        noProblems.setVisible(clean);
        noProblems.setManaged(clean);
        showOnly(report);
    }

    private void showOnly(javafx.scene.Node visible) {
        for (javafx.scene.Node child : getChildren()) {
            child.setVisible(child == visible);
        }
    }
}
