package org.layerloom.app.train;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.layerloom.app.ui.ThemeColors;
import org.layerloom.charts.compare.Curve;
import org.layerloom.charts.compare.ParameterScatterView;
import org.layerloom.charts.compare.RunOverlayView;
import org.layerloom.charts.compare.ScatterPoint;
import org.layerloom.charts.line.ChartToolbar;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.text.Numbers;
import org.layerloom.engine.train.event.EpochEnded;
import org.layerloom.engine.train.history.RunComparison;
import org.layerloom.engine.train.history.RunSummary;
import org.layerloom.engine.train.history.SizeAccuracyFrontier;

/**
 * The run history: a table of the project's runs (name or date, duration, key settings, best validation
 * accuracy and loss, test accuracy, parameters); selecting several overlays one metric of theirs per
 * epoch with a legend naming what differs, beside a scatter of accuracy against size. Buttons open a
 * run for inspection, rename it and delete it. JavaFX thread only.
 */
final class RunHistoryView extends VBox {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    private record Metric(String name, String axis, ToDoubleFunction<EpochEnded> value) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final RunHistoryViewModel model;
    private final TableView<RunSummary> table = new TableView<>();
    private final RunOverlayView overlay = new RunOverlayView("epoch", "validation loss");
    private final ParameterScatterView scatter = new ParameterScatterView();
    private final ChoiceBox<Metric> metric = new ChoiceBox<>();
    private final Label headline = new Label();

    RunHistoryView(RunHistoryViewModel model, Consumer<Path> openRun, Consumer<String> onError,
                   ObservableValue<Theme> theme, TrainingDashboardViewModel training) {
        ThemeColors.bind(overlay.colorsProperty(), theme);
        ThemeColors.bind(scatter.colorsProperty(), theme);
        this.model = model;
        table.setItems(model.runs());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No runs yet: press Train, and every run of this project is kept here."));
        org.layerloom.app.ui.ReadableColumns.keep(table);
        table.getColumns().addAll(List.of(
                column("Run", RunHistoryView::name, 175),
                column("Time", r -> Numbers.clock(r.seconds()), 62),
                withTooltips(column("How it was made", RunHistoryView::howMade, 240)),
                column("Epochs", r -> Integer.toString(r.epochsDone()), 78),
                column("Val. acc.", r -> Numbers.percent(r.bestValidationAccuracy(), 1), 88),
                column("Val. loss", r -> Double.isNaN(r.bestValidationLoss()) ? "–"
                        : String.format(Locale.ROOT, "%.4f", r.bestValidationLoss()), 88),
                column("Test acc.", r -> Numbers.percent(r.testAccuracy(), 1), 96),
                column("Params", r -> Numbers.count(r.parameters()), 80)));
        table.getStyleClass().add("run-table");
        table.setPrefHeight(230);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunSummary>) change ->
                model.compare(new ArrayList<>(table.getSelectionModel().getSelectedItems())));

        Button open = new Button("Open for inspection");
        open.getStyleClass().add("accent-button");
        open.setOnAction(e -> single().ifPresent(r -> openRun.accept(r.folder())));
        Button rename = new Button("Rename…");
        rename.setOnAction(e -> single().ifPresent(this::askRename));
        Button delete = new Button("Delete…");
        delete.setOnAction(e -> single().ifPresent(this::askDelete));
        Button smaller = new Button("Make it smaller…");
        smaller.setId("history-smaller-button");
        smaller.setTooltip(new javafx.scene.control.Tooltip("Prune or quantize this run's network and see what it"
                + " costs in accuracy; the smaller networks are saved as runs."));
        smaller.setOnAction(e -> single().ifPresent(r -> org.layerloom.app.compress.MakeSmallerWindow.show(r.folder(),
                getScene() == null ? null : getScene().getWindow(), model::reload, pruned -> {
                    model.reload();
                    return training.fineTune(pruned, 1);
                })));
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> model.reload());
        Button continueRun = new Button("Continue training");
        continueRun.setId("history-continue-button");
        continueRun.setTooltip(new javafx.scene.control.Tooltip("Go on training this run from its last checkpoint,"
                + " with its optimizer state, for the epochs chosen beside Continue above."));
        continueRun.setOnAction(e -> single().ifPresent(r -> training.continueRun(r.folder(), r.epochsDone(),
                training.moreEpochsProperty().get())));
        continueRun.disableProperty().bind(javafx.beans.binding.Bindings.size(
                table.getSelectionModel().getSelectedItems()).isNotEqualTo(1)
                .or(training.whilePhase(DashboardPhase::canTrain).not()));
        for (Button b : List.of(open, rename, smaller)) {
            b.disableProperty().bind(javafx.beans.binding.Bindings.size(
                    table.getSelectionModel().getSelectedItems()).isNotEqualTo(1));
        }
        delete.disableProperty().bind(open.disableProperty());
        Label hint = new Label("Select several runs (Ctrl+click) to compare them.");
        hint.getStyleClass().add("muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        for (Button b : List.of(open, continueRun, smaller, rename, delete, refresh)) {
            b.setMinWidth(Region.USE_PREF_SIZE); // the hint gives way first, never a button's label
        }
        hint.setWrapText(true);
        hint.setMinWidth(0);
        HBox actions = new HBox(8, open, continueRun, smaller, rename, delete, refresh, spacer, hint);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.getStyleClass().add("history-actions");

        metric.getItems().addAll(
                new Metric("Validation loss", "validation loss", EpochEnded::validationLoss),
                new Metric("Validation accuracy", "validation accuracy (%)", e -> 100 * e.validationAccuracy()),
                new Metric("Training loss", "training loss", EpochEnded::trainLoss),
                new Metric("Training accuracy", "training accuracy (%)", e -> 100 * e.trainAccuracy()));
        metric.getSelectionModel().selectFirst();
        metric.valueProperty().addListener((o, a, b) -> redraw());
        headline.getStyleClass().add("diff-headline");
        headline.setWrapText(true);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox.setHgrow(headline, Priority.ALWAYS);
        HBox metricRow = new HBox(10, metric, headline);
        metricRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        ChartCard overlayCard = new ChartCard("Compare runs", new VBox(6, metricRow, overlay),
                new ChartToolbar(overlay.chart(), "runs", onError));
        VBox.setVgrow(overlay, Priority.ALWAYS);
        ChartCard scatterCard = new ChartCard("Accuracy against size", scatter, new Region());
        scatterCard.setPrefWidth(380);
        scatterCard.setMinWidth(300);
        HBox.setHgrow(overlayCard, Priority.ALWAYS);
        HBox charts = new HBox(12, overlayCard, scatterCard);
        VBox.setVgrow(charts, Priority.ALWAYS);
        Label problem = new Label();
        problem.getStyleClass().add("dash-message");
        problem.textProperty().bind(model.messageProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        getChildren().addAll(table, actions, problem, charts);
        getStyleClass().add("history-pane");
        setSpacing(10);
        model.comparisonProperty().addListener((o, a, b) -> redraw());
        model.runs().addListener((ListChangeListener<RunSummary>) c -> redraw());
        redraw();
    }

    TableView<RunSummary> table() {
        return table;
    }

    RunOverlayView overlay() {
        return overlay;
    }

    ParameterScatterView scatter() {
        return scatter;
    }

    Label headline() {
        return headline;
    }

    private void redraw() {
        Metric chosen = metric.getValue();
        List<RunSummary> runs = model.compared();
        RunComparison comparison = model.comparisonProperty().get();
        List<Curve> curves = new ArrayList<>();
        List<ScatterPoint> points = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunSummary run = runs.get(i);
            String label = i < comparison.labels().size() ? comparison.labels().get(i) : run.id();
            List<EpochEnded> epochs = run.epochs();
            double[] xs = new double[epochs.size()];
            double[] ys = new double[epochs.size()];
            for (int k = 0; k < epochs.size(); k++) {
                xs[k] = epochs.get(k).epoch();
                ys[k] = chosen.value().applyAsDouble(epochs.get(k));
            }
            curves.add(new Curve(label, xs, ys));
            points.add(new ScatterPoint(label, run.parameters(), run.bestValidationAccuracy()));
        }
        overlay.setCurves(chosen.axis(), curves);
        List<ScatterPoint> frontier = new ArrayList<>();
        if (runs.isEmpty()) {
            // Every run, the smaller variants of "Make it smaller" included, at its test accuracy, and the frontier.
            List<RunSummary> all = model.runs();
            for (RunSummary run : all) {
                points.add(new ScatterPoint(name(run), run.parameters(), run.testAccuracy()));
            }
            for (SizeAccuracyFrontier.Point p : SizeAccuracyFrontier.frontier(all)) {
                frontier.add(new ScatterPoint(p.runId(), p.parameters(), p.accuracy()));
            }
        }
        scatter.setPoints(points);
        scatter.setFrontier(frontier);
        scatter.setAccuracyLabel(runs.isEmpty() ? "test accuracy (%)" : "best validation accuracy (%)");
        headline.setText(runs.size() < 2 ? "Select two or more runs to see what differs."
                : "What differs: " + comparison.headline());
    }

    private java.util.Optional<RunSummary> single() {
        List<RunSummary> selected = table.getSelectionModel().getSelectedItems();
        return selected.size() == 1 ? java.util.Optional.of(selected.get(0)) : java.util.Optional.empty();
    }

    private void askRename(RunSummary run) {
        TextInputDialog dialog = new TextInputDialog(run.id());
        dialog.setTitle("Rename run");
        dialog.setHeaderText("A new name for the run " + run.id());
        dialog.setContentText("Name:");
        dialog.initOwner(getScene() == null ? null : getScene().getWindow());
        dialog.showAndWait().ifPresent(name -> model.rename(run, name));
    }

    private void askDelete(RunSummary run) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Delete the run " + run.id()
                + " with its saved parameters and metrics? This cannot be undone.", ButtonType.CANCEL, ButtonType.OK);
        alert.setHeaderText("Delete run");
        alert.initOwner(getScene() == null ? null : getScene().getWindow());
        alert.showAndWait().filter(ButtonType.OK::equals).ifPresent(b -> model.delete(run));
    }

    /** The run's name; a renamed run also shows when it started, and a run that did not end well says so. */
    private static String name(RunSummary run) {
        String name = run.id();
        if (run.started() != null && !name.startsWith("20")) {
            name += " (" + DATE.format(run.started()) + ")";
        }
        boolean ended = "completed".equals(run.status()) || "stopped".equals(run.status());
        return ended ? name : name + " – " + run.status();
    }

    /**
     * How a run was made, in one cell: the settings it trained with, after what it was made from when it came from
     * another run ("pruned 80 % (global) of run X · adam · lr 0.001 · batch 64"), so that a variant reads as one
     * without a column that a normal window would have to scroll to.
     */
    private static String howMade(RunSummary run) {
        return run.madeFrom().isEmpty() ? settings(run) : run.madeFrom() + " · " + settings(run);
    }

    /** The column's cells show their whole text as a tooltip, for the ones cut to fit. */
    private static TableColumn<RunSummary, String> withTooltips(TableColumn<RunSummary, String> column) {
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null ? null : new javafx.scene.control.Tooltip(text));
            }
        });
        return column;
    }

    private static String settings(RunSummary run) {
        if (run.project().isEmpty()) {
            return "–";
        }
        return run.optimizer() + " · lr " + Numbers.rate(run.learningRate()) + " · batch " + run.batchSize();
    }

    private static TableColumn<RunSummary, String> column(String title, Function<RunSummary, String> text,
                                                          double width) {
        TableColumn<RunSummary, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new SimpleStringProperty(text.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
