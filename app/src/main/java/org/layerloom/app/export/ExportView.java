package org.layerloom.app.export;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.layerloom.app.data.PathChooser;
import org.layerloom.engine.export.support.ExportTarget;
import org.layerloom.engine.graph.Problem;
import org.layerloom.engine.text.Numbers;

/**
 * The File &gt; Export… window's content: the target, the weights and the folder, an Export button, then what the
 * export came to: the refused layers (each a link that shows the layer in the Model area), or each layer's check
 * (largest difference, allowed difference, ✓ or ✗). Code-built over an {@link ExportViewModel}. JavaFX thread only.
 */
public final class ExportView extends BorderPane {

    public ExportView(ExportViewModel model, PathChooser chooser, Consumer<String> showNode) {
        getStyleClass().add("export-dialog");

        ToggleGroup targets = new ToggleGroup();
        HBox targetBox = new HBox(16);
        for (ExportTarget target : ExportTarget.values()) {
            RadioButton button = new RadioButton(target.displayName());
            button.setId("export-target-" + target.id());
            button.setToggleGroup(targets);
            button.setUserData(target);
            button.setSelected(model.targetProperty().get() == target);
            targetBox.getChildren().add(button);
        }
        targets.selectedToggleProperty().addListener((obs, was, is) -> {
            if (is != null) {
                model.targetProperty().set((ExportTarget) is.getUserData());
            }
        });

        ComboBox<WeightsChoice> weights = new ComboBox<>(model.weightsChoices());
        weights.setId("export-weights");
        weights.setMaxWidth(Double.MAX_VALUE);
        weights.valueProperty().bindBidirectional(model.weightsProperty());

        TextField folder = new TextField();
        folder.setId("export-folder");
        folder.setEditable(false);
        folder.textProperty().bind(model.folderProperty().map(Path::toString).orElse(""));
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button choose = new Button("Choose…");
        choose.setOnAction(e -> chooser.chooseFolder(this, "Export into a folder", model.chooserStart())
                .ifPresent(p -> model.folderProperty().set(p)));
        HBox folderRow = new HBox(8, folder, choose);
        folderRow.setAlignment(Pos.CENTER_LEFT);

        GridPane form = new GridPane();
        form.getStyleClass().add("export-form");
        form.setHgap(12);
        form.setVgap(10);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);
        form.addRow(0, new Label("Export to"), targetBox);
        form.addRow(1, new Label("Weights"), weights);
        form.addRow(2, new Label("Folder"), folderRow);
        Label note = new Label();
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        note.textProperty().bind(model.noteProperty());
        note.visibleProperty().bind(model.noteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        form.add(note, 1, 3);

        Button export = new Button("Export");
        export.setId("export-button");
        export.getStyleClass().add("accent-button");
        export.setDefaultButton(true);
        export.disableProperty().bind(model.busyProperty().or(model.folderProperty().isNull()));
        export.setOnAction(e -> model.export());

        Label headline = new Label();
        headline.setId("export-headline");
        headline.setWrapText(true);
        headline.getStyleClass().add("status");
        headline.textProperty().bind(model.headlineProperty());
        headline.visibleProperty().bind(model.headlineProperty().isNotEmpty());
        headline.managedProperty().bind(headline.visibleProperty());
        headline.setMaxWidth(Double.MAX_VALUE);
        model.stateProperty().addListener((obs, was, is) -> style(headline, is));
        Label message = new Label();
        message.setId("export-message");
        message.setWrapText(true);
        message.getStyleClass().add("muted");
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        message.setMaxWidth(Double.MAX_VALUE);
        HBox actions = new HBox(14, export, headline);
        actions.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(headline, Priority.ALWAYS);

        VBox top = new VBox(12, form, actions, message);
        top.setPadding(new Insets(20, 24, 14, 24));
        top.getStyleClass().add("report-header");
        setTop(top);

        ListView<Problem> problems = new ListView<>(model.problems());
        problems.setId("export-problems");
        problems.setCellFactory(list -> new ProblemCell(showNode));
        TableView<NodeDifference> table = differenceTable(model);
        StackSwitch body = new StackSwitch(problems, table, model);
        BorderPane.setMargin(body, new Insets(12, 24, 20, 24));
        setCenter(body);
    }

    private static void style(Label message, ExportViewModel.State state) {
        message.getStyleClass().removeAll("status-valid", "status-invalid", "status-warning");
        switch (state) {
            case VERIFIED -> message.getStyleClass().add("status-valid");
            case REFUSED, MISMATCH, FAILED -> message.getStyleClass().add("status-invalid");
            case NOT_VERIFIED -> message.getStyleClass().add("status-warning");
            default -> { }
        }
    }

    private static TableView<NodeDifference> differenceTable(ExportViewModel model) {
        TableView<NodeDifference> table = new TableView<>(model.differences());
        table.setId("export-differences");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(model.stateProperty().map(s -> switch (s) {
            case NOT_VERIFIED -> "Not checked on this machine: see above.";
            case WORKING -> "Exporting, then running one batch through the export and through LayerLoom…";
            default -> "Export to see each layer checked against LayerLoom's own network.";
        }));
        table.setPlaceholder(placeholder);
        TableColumn<NodeDifference, String> layer = new TableColumn<>("Layer");
        layer.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().nodeId()));
        layer.setPrefWidth(180);
        TableColumn<NodeDifference, String> largest = new TableColumn<>("Largest difference");
        largest.setCellValueFactory(c -> new ReadOnlyStringWrapper(Numbers.significant(c.getValue().largest())));
        largest.setPrefWidth(170);
        TableColumn<NodeDifference, String> allowed = new TableColumn<>("Allowed");
        allowed.setCellValueFactory(c -> new ReadOnlyStringWrapper(Numbers.significant(c.getValue().tolerance())));
        allowed.setPrefWidth(130);
        TableColumn<NodeDifference, String> agrees = new TableColumn<>("Agrees");
        agrees.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().agrees() ? "✓" : "✗"));
        agrees.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().removeAll("status-valid", "status-invalid");
                if (!empty && item != null) {
                    getStyleClass().add("✓".equals(item) ? "status-valid" : "status-invalid");
                }
            }
        });
        agrees.setPrefWidth(90);
        table.getColumns().addAll(java.util.List.of(layer, largest, allowed, agrees));
        return table;
    }

    /** A refused layer: the problem's sentence, with a link that shows the layer in the Model area. */
    private static final class ProblemCell extends ListCell<Problem> {
        private final Consumer<String> showNode;

        ProblemCell(Consumer<String> showNode) {
            this.showNode = showNode;
        }

        @Override
        protected void updateItem(Problem problem, boolean empty) {
            super.updateItem(problem, empty);
            if (empty || problem == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label text = new Label(problem.message());
            text.setWrapText(true);
            text.setMaxWidth(560);
            VBox box = new VBox(4, text);
            problem.nodeId().ifPresent(id -> {
                Hyperlink show = new Hyperlink("Show " + id + " in the model");
                show.setOnAction(e -> showNode.accept(id));
                box.getChildren().add(show);
            });
            setText(null);
            setGraphic(box);
        }
    }

    /** Shows the problems when there are any, else the per-layer table. */
    private static final class StackSwitch extends javafx.scene.layout.StackPane {
        StackSwitch(ListView<Problem> problems, TableView<NodeDifference> table, ExportViewModel model) {
            super(table, problems);
            problems.visibleProperty().bind(Bindings.isNotEmpty(model.problems())
                    .and(Bindings.isEmpty(model.differences())));
            table.visibleProperty().bind(problems.visibleProperty().not());
        }
    }
}
