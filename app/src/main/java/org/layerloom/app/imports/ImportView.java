package org.layerloom.app.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.layerloom.app.data.PathChooser;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.editor.model.TidyLayout;
import org.layerloom.editor.view.GraphCanvas;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Position;
import org.layerloom.engine.look.Theme;

/**
 * The File &gt; Import… window's content: paste Keras or PyTorch code on the left (or open a model file) and
 * the network it describes appears on the right as the editor draws it, read again a moment after each change;
 * below, what was translated (ℹ) and what could not be taken (✗, with its line and column: a click puts the
 * cursor there), the input shape for code that does not state it, "Replace the Open Network" (for code: one
 * undoable step) and "Create Project…", which asks where to save and opens the new project. Code-built over an {@link ImportViewModel}. JavaFX thread only.
 */
public final class ImportView extends BorderPane {

    /** The example a student can paste to see what the window does: the Keras CNN of many textbooks. */
    static final String EXAMPLE = """
            from tensorflow import keras
            from tensorflow.keras import layers

            model = keras.Sequential([
                layers.Input(shape=(28, 28, 1)),
                layers.Conv2D(32, (3, 3), activation='relu'),
                layers.MaxPooling2D((2, 2)),
                layers.Conv2D(64, (3, 3), activation='relu'),
                layers.MaxPooling2D((2, 2)),
                layers.Flatten(),
                layers.Dense(64, activation='relu'),
                layers.Dense(10, activation='softmax'),
            ])
            model.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])
            model.fit(x_train, y_train, epochs=5, batch_size=64)
            """;

    /** How long typing must pause before the code is read again. */
    private static final Duration SETTLE = Duration.millis(250);

    private final ImportViewModel model;
    private final EditorViewModel preview = new EditorViewModel(GraphValidator.standard(), LayerCatalog.standard());
    private final GraphCanvas canvas = new GraphCanvas(preview);
    private final TextArea code = new TextArea();
    private final ListView<ReportLine> report = new ListView<>();
    private final Label placeholder = new Label();
    private final Label verdict = new Label();
    private final Button create = new Button("Create Project…");
    private final Button useHere = new Button("Replace the Open Network");

    /** One line of the report: a note, or an issue with where it is. */
    record ReportLine(String text, boolean problem, ImportIssue issue) {
    }

    /**
     * @param chooseTarget asks where to save the new project, given a suggested file name; empty when cancelled
     */
    public ImportView(ImportViewModel model, PathChooser chooser, Function<String, Optional<Path>> chooseTarget,
                      ObservableValue<Theme> theme) {
        this.model = model;
        getStyleClass().add("import-dialog");

        Label intro = new Label("Paste a Keras or PyTorch model below, or");
        Button openFile = new Button("Open a File…");
        openFile.setId("import-open-file");
        openFile.setOnAction(e -> chooser.chooseFile(this, "Import a model", "Models (Keras, ONNX, Python code)",
                ModelImports.FILE_PATTERNS, Path.of(System.getProperty("user.home"))).ifPresent(model::chooseFile));
        Label fileName = new Label();
        fileName.setId("import-file");
        fileName.textProperty().bind(model.fileProperty().map(p -> "Reading " + p.getFileName()).orElse(""));
        Hyperlink back = new Hyperlink("Back to the pasted code");
        back.visibleProperty().bind(model.fileProperty().isNotNull());
        back.managedProperty().bind(back.visibleProperty());
        back.setOnAction(e -> model.usePastedCode());
        Hyperlink example = new Hyperlink("Paste an example");
        example.setId("import-example");
        example.setOnAction(e -> {
            model.usePastedCode();
            code.setText(EXAMPLE);
        });
        example.visibleProperty().bind(model.fileProperty().isNull());
        example.managedProperty().bind(example.visibleProperty());
        HBox top = new HBox(10, intro, openFile, fileName, back, example);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(0, 0, 10, 0));

        code.setId("import-code");
        code.getStyleClass().add("import-code");
        code.setPromptText("Paste the code that builds your model here: Keras Sequential or functional, or PyTorch"
                + " nn.Sequential.");
        code.setWrapText(false);
        code.setStyle("-fx-font-family: monospace;");
        PauseTransition settle = new PauseTransition(SETTLE);
        code.textProperty().addListener((obs, was, is) -> settle.playFromStart());
        settle.setOnFinished(e -> model.codeProperty().set(code.getText()));
        code.disableProperty().bind(model.fileProperty().isNotNull());

        canvas.setMouseTransparent(true);
        canvas.themeProperty().bind(theme);
        placeholder.getStyleClass().add("placeholder-text");
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(320);
        StackPane previewPane = new StackPane(canvas, placeholder);
        previewPane.widthProperty().addListener((obs, was, is) -> canvas.fit());
        previewPane.heightProperty().addListener((obs, was, is) -> canvas.fit());
        previewPane.getStyleClass().add("import-preview");
        previewPane.setMinWidth(260);
        SplitPane split = new SplitPane(code, previewPane);
        split.setDividerPositions(0.42);

        TextField shape = new TextField();
        shape.setId("import-input-shape");
        shape.setPromptText("from the code");
        shape.setPrefColumnCount(10);
        shape.textProperty().bindBidirectional(model.inputShapeProperty());
        // a Keras or ONNX file states its own input; the field is for code
        shape.disableProperty().bind(model.fileProperty().map(p -> !ModelImports.isCode(p)).orElse(false));
        Label shapeLabel = new Label("Input shape");
        Label message = new Label();
        message.getStyleClass().add("import-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        HBox.setHgrow(message, Priority.ALWAYS);
        HBox shapeRow = new HBox(8, shapeLabel, shape, message);
        shapeRow.setAlignment(Pos.CENTER_LEFT);

        report.setId("import-report");
        report.setPrefHeight(130);
        report.setCellFactory(list -> new ReportCell());
        report.setPlaceholder(new Label("What was translated, and anything that could not be, is listed here."));
        report.setOnMouseClicked(e -> showInCode(report.getSelectionModel().getSelectedItem()));

        create.setId("import-create");
        create.getStyleClass().add("default-action");
        create.setDisable(true);
        create.setOnAction(e -> chooseTarget.apply(model.suggestedName()).ifPresent(model::create));
        verdict.setId("import-verdict");
        verdict.getStyleClass().add("import-verdict");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        useHere.setId("import-use-here");
        useHere.setDisable(true);
        useHere.setTooltip(new Tooltip("Put this network and its training settings into the open project, as a"
                + " step Edit > Undo takes back. Models with weights become a project of their own."));
        useHere.setOnAction(e -> model.useHere());
        HBox actions = new HBox(10, verdict, grow, useHere, create);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox bottom = new VBox(8, shapeRow, report, actions);
        bottom.setPadding(new Insets(10, 0, 0, 0));
        setTop(top);
        setCenter(split);
        setBottom(bottom);
        setPadding(new Insets(14));

        model.modelProperty().addListener((obs, was, is) -> show(is));
        model.writing().busyProperty().addListener((obs, was, is) -> create.setDisable(!model.canCreate()));
        show(model.modelProperty().get());
    }

    /** The code area, for tests and the window's focus. */
    public TextArea codeArea() {
        return code;
    }

    private void show(ImportedModel imported) {
        List<ReportLine> lines = new ArrayList<>();
        if (imported == null) {
            preview.open(NetworkGraph.empty(), "");
            placeholder.setText("The network appears here as you paste.");
            verdict.setText("");
        } else {
            imported.issues().forEach(i -> lines.add(new ReportLine(i.describe(), true, i)));
            imported.notes().forEach(n -> lines.add(new ReportLine(n, false, null)));
            if (imported.graph().isPresent()) {
                placeholder.setText("");
                showLargest(imported.graph().get());
            } else {
                preview.open(NetworkGraph.empty(), "");
                placeholder.setText("Nothing to show yet: " + (imported.issues().isEmpty() ? "no model found."
                        : "see below what stopped the import."));
            }
            verdict.setText(imported.succeeded()
                    ? "✓ " + imported.graph().get().nodes().size() + " layers from " + imported.source()
                    + (imported.weights().isEmpty() ? "" : ", with their weights")
                    : "✗ " + imported.issues().size() + (imported.issues().size() == 1 ? " problem" : " problems")
                    + " in " + imported.source());
            verdict.getStyleClass().removeAll("verdict-ok", "verdict-problem");
            verdict.getStyleClass().add(imported.succeeded() ? "verdict-ok" : "verdict-problem");
        }
        report.getItems().setAll(lines);
        create.setDisable(!model.canCreate());
        useHere.setDisable(!model.canUseHere());
    }

    /**
     * Shows {@code graph} laid out left to right or top to bottom, whichever the preview shows larger; the
     * project keeps the importer's own layout.
     */
    private void showLargest(NetworkGraph graph) {
        NetworkGraph best = graph;
        double bestZoom = -1;
        for (TidyLayout.Direction direction : TidyLayout.Direction.values()) {
            NetworkGraph laid = graph;
            for (Map.Entry<String, Position> at : TidyLayout.positions(graph, direction).entrySet()) {
                laid = laid.withReplacedNode(laid.requireNode(at.getKey()).withPosition(at.getValue()));
            }
            preview.open(laid, "");
            canvas.applyCss();
            canvas.layout();
            canvas.fit();
            if (canvas.zoomProperty().get() > bestZoom) {
                bestZoom = canvas.zoomProperty().get();
                best = laid;
            }
        }
        preview.open(best, "");
        canvas.fit();
    }

    private void showInCode(ReportLine line) {
        if (line == null || line.issue() == null || !line.issue().hasPosition()
                || model.source() != ImportViewModel.Source.CODE) {
            return;
        }
        String text = code.getText();
        int offset = 0;
        for (int l = 1; l < line.issue().line() && offset >= 0; l++) {
            offset = text.indexOf('\n', offset) + 1;
            if (offset == 0) {
                offset = text.length();
                break;
            }
        }
        code.requestFocus();
        code.positionCaret(Math.min(text.length(), offset + Math.max(0, line.issue().column() - 1)));
    }

    /** A report line: ✗ for what stopped the import, ℹ for a note; long lines wrap to the list's width. */
    private static final class ReportCell extends ListCell<ReportLine> {
        private final Label label = new Label();

        ReportCell() {
            label.setWrapText(true);
            label.setMinHeight(Region.USE_PREF_SIZE);
            listViewProperty().addListener((obs, was, is) -> {
                label.maxWidthProperty().unbind();
                if (is != null) {
                    label.maxWidthProperty().bind(is.widthProperty().subtract(36));
                }
            });
        }

        @Override
        protected void updateItem(ReportLine item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("report-problem", "report-note");
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            label.setText((item.problem() ? "✗ " : "ℹ ") + item.text());
            setGraphic(label);
            getStyleClass().add(item.problem() ? "report-problem" : "report-note");
        }
    }
}
