package org.layerloom.app.data;

import static org.layerloom.app.ui.Css.styled;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.layerloom.engine.data.LoadReport;
import org.layerloom.engine.data.preview.DataWarning;
import org.layerloom.engine.data.preview.DatasetPreview;

/**
 * The data preview pane: the dataset's name, description, input and split sizes on top; a sample grid
 * (images), the first rows (tables, sequences) or sample sentences (texts) on the left; class-count bars and
 * the data doctor's findings on the right. Shows progress while loading and the message when loading fails.
 * Observes a {@link DataPreviewViewModel}; JavaFX thread only.
 */
public final class DataPreviewView extends StackPane {

    static final String STYLESHEET = "/org/layerloom/app/data/data-preview.css";
    private static final int TILE_PIXELS = 84;

    private final Label title = styled(new Label(), "page-title");
    private final Label description = styled(new Label(), "data-description");
    private final HBox facts = styled(new HBox(10), "data-facts");
    private final VBox samples = new VBox(8);
    private final ClassCountBars bars = new ClassCountBars();
    private final VBox findings = new VBox(8);
    private final BorderPane report = new BorderPane();
    private final VBox loading = new VBox(12);
    private final Label progress = styled(new Label(), "muted");
    private final VBox failure = styled(new VBox(10), "unreadable-card", "data-error");
    private final Label noticeText = styled(new Label(), "detail-text", "data-notice-text");
    private final VBox notice = styled(new VBox(10, styled(new Label("Almost there"), "section-heading"), noticeText),
            "data-notice");

    public DataPreviewView(DataPreviewViewModel model) {
        getStyleClass().add("data-preview");
        getStylesheets().add(getClass().getResource(STYLESHEET).toExternalForm());
        buildReport();
        loading.getChildren().addAll(new ProgressIndicator(), progress);
        loading.setAlignment(Pos.CENTER);
        failure.setMaxHeight(USE_PREF_SIZE);
        failure.setMaxWidth(720);
        noticeText.setWrapText(true);
        notice.setMaxHeight(USE_PREF_SIZE);
        notice.setMaxWidth(720);
        getChildren().addAll(loading, failure, notice, report);
        progress.textProperty().bind(model.progressProperty());
        model.busyProperty().addListener((obs, was, busy) -> {
            if (busy) {
                showOnly(loading);
            } else if (model.errorProperty().get() != null) {
                showError(model.errorProperty().get());
            } else if (model.previewProperty().get() != null) {
                show(model.previewProperty().get());
            }
        });
        model.noticeProperty().addListener((obs, was, text) -> {
            if (!text.isEmpty()) {
                noticeText.setText(text);
                showOnly(notice);
            }
        });
        showOnly(loading);
    }

    private void buildReport() {
        description.setWrapText(true);
        description.setMinHeight(USE_PREF_SIZE);
        VBox header = styled(new VBox(6, title, description, facts), "report-header", "data-header");
        ScrollPane sampleScroll = new ScrollPane(samples);
        sampleScroll.setFitToWidth(true);
        sampleScroll.getStyleClass().add("data-scroll");
        VBox left = styled(new VBox(8, sampleScroll), "report-column");
        VBox.setVgrow(sampleScroll, Priority.ALWAYS);
        ScrollPane findingScroll = new ScrollPane(findings);
        findingScroll.setFitToWidth(true);
        findingScroll.getStyleClass().add("data-scroll");
        VBox right = styled(new VBox(10, styled(new Label("Examples per class"), "section-heading"), bars,
                styled(new Label("Data doctor"), "section-heading"), findingScroll), "report-column");
        VBox.setVgrow(findingScroll, Priority.ALWAYS);
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.6);
        split.getStyleClass().add("report-split");
        report.setTop(header);
        report.setCenter(split);
    }

    /** Fills the pane with {@code preview}. */
    void show(DatasetPreview preview) {
        title.setText(preview.name());
        description.setText(preview.description());
        facts.getChildren().setAll(fact("Input", preview.inputDescription() + ", shape " + preview.inputShape().tuple()),
                fact("Task", preview.task()), fact("Examples", splitSizes(preview)));
        samples.getChildren().setAll(sampleContent(preview));
        bars.show(preview);
        findings.getChildren().setAll(findingList(preview.warnings(), !preview.classNames().isEmpty()));
        showOnly(report);
    }

    private void showError(String message) {
        Label heading = styled(new Label("This dataset could not be loaded"), "section-heading");
        Label text = styled(new Label(message), "detail-text");
        text.setWrapText(true);
        failure.getChildren().setAll(heading, text);
        showOnly(failure);
    }

    private void showOnly(Node node) {
        for (Node child : getChildren()) {
            child.setVisible(child == node);
        }
    }

    private static Node fact(String name, String value) {
        Label label = styled(new Label(value), "data-fact-value");
        return styled(new HBox(6, styled(new Label(name), "data-fact-name"), label), "data-fact");
    }

    private static String splitSizes(DatasetPreview preview) {
        StringBuilder text = new StringBuilder();
        for (DatasetPreview.SplitSummary split : preview.splits()) {
            text.append(text.length() == 0 ? "" : " · ").append(String.format(Locale.ROOT, "%,d %s", split.size(),
                    split.name()));
        }
        return text.toString();
    }

    private static List<Node> sampleContent(DatasetPreview preview) {
        if (preview.hasImages()) {
            FlowPane grid = styled(new FlowPane(10, 12), "sample-grid");
            for (DatasetPreview.ImageSample sample : preview.images()) {
                int scale = Math.max(1, TILE_PIXELS / Math.max(sample.width(), sample.height()));
                ImageView view = new ImageView(ImageTiles.paint(sample, scale));
                Label caption = styled(new Label(sample.label()), "sample-caption");
                VBox tile = styled(new VBox(4, view, caption), "sample-tile");
                tile.setAlignment(Pos.CENTER);
                grid.getChildren().add(tile);
            }
            return List.of(styled(new Label("Sample pictures from the training split"), "section-heading"), grid);
        }
        if (!preview.texts().isEmpty()) {
            ListView<LoadReport.TextSample> list = new ListView<>(FXCollections.observableArrayList(preview.texts()));
            list.setCellFactory(v -> new SentenceCell());
            list.getStyleClass().add("sentence-list");
            VBox.setVgrow(list, Priority.ALWAYS);
            list.setPrefHeight(Math.min(620, 16 + 46 * preview.texts().size()));
            list.setFocusTraversable(false);
            return List.of(styled(new Label("Sample texts from the training split"), "section-heading"), list);
        }
        List<Node> plot = preview.points().isEmpty() ? List.of() : List.of(styled(new Label("The training points, "
                + "coloured by class"), "section-heading"), framed(new PointPlot(preview.points(), 380)), legend(preview));
        TableView<List<String>> table = new TableView<>(FXCollections.observableArrayList(preview.rows()));
        for (int c = 0; c < preview.columns().size(); c++) {
            int column = c;
            TableColumn<List<String>, String> col = new TableColumn<>(preview.columns().get(c));
            col.setCellValueFactory(row -> new ReadOnlyStringWrapper(column < row.getValue().size()
                    ? row.getValue().get(column) : ""));
            col.setSortable(false);
            table.getColumns().add(col);
        }
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        org.layerloom.app.ui.ReadableColumns.keep(table);
        table.getStyleClass().add("rows-table");
        table.setPrefHeight(34 + 30 * Math.max(1, preview.rows().size()));
        table.setFocusTraversable(false);
        List<Node> nodes = new java.util.ArrayList<>(plot);
        nodes.add(styled(new Label("The first rows of the training split"), "section-heading"));
        nodes.add(table);
        return nodes;
    }

    private static Node legend(DatasetPreview preview) {
        FlowPane legend = new FlowPane(14, 4);
        for (int c = 0; c < preview.classNames().size(); c++) {
            javafx.scene.shape.Circle dot = new javafx.scene.shape.Circle(5, org.layerloom.charts.ChartColors.classColor(c));
            HBox entry = new HBox(6, dot, styled(new Label(preview.classNames().get(c)), "muted"));
            entry.setAlignment(Pos.CENTER_LEFT);
            legend.getChildren().add(entry);
        }
        return legend;
    }

    private static List<Node> findingList(List<DataWarning> warnings, boolean classes) {
        if (warnings.isEmpty()) {
            Label ok = styled(new Label("Nothing to worry about: " + (classes ? "classes are balanced, " : "")
                    + "no test example is also a training example, and every input varies."), "finding",
                    "finding-ok");
            ok.setWrapText(true);
            return List.of(ok);
        }
        return warnings.stream().map(w -> {
            Label badge = styled(new Label(switch (w.level()) {
                case PROBLEM -> "Problem";
                case WARNING -> "Warning";
                case NOTE -> "Note";
            }), "finding-badge", "finding-badge-" + w.level().name().toLowerCase(Locale.ROOT));
            badge.setMinWidth(USE_PREF_SIZE);
            Label text = styled(new Label(w.message()), "finding-text");
            text.setWrapText(true);
            text.setMinHeight(USE_PREF_SIZE);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = styled(new HBox(10, badge, text), "finding", "finding-" + w.level().name()
                    .toLowerCase(Locale.ROOT));
            row.setAlignment(Pos.TOP_LEFT);
            return (Node) row;
        }).toList();
    }

    /** One sentence with its label. */
    private static final class SentenceCell extends ListCell<LoadReport.TextSample> {
        @Override
        protected void updateItem(LoadReport.TextSample item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label label = styled(new Label(item.label()), "sentence-label");
            Label text = styled(new Label(item.text()), "sentence-text");
            text.setWrapText(true);
            text.setMaxWidth(600);
            HBox box = new HBox(10, label, text);
            box.setAlignment(Pos.CENTER_LEFT);
            setGraphic(box);
            setText(null);
        }
    }

    /** The plot in a rounded frame coloured by the theme. */
    private static StackPane framed(PointPlot plot) {
        StackPane frame = styled(new StackPane(plot), "point-plot-frame");
        frame.setMaxWidth(USE_PREF_SIZE);
        frame.setMaxHeight(USE_PREF_SIZE);
        return frame;
    }
}
