package org.layerloom.app.data;

import static org.layerloom.app.ui.Css.styled;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SearchableComboBox;
import org.layerloom.engine.project.DatasetChoice;

/**
 * The controls that fit the chosen source, in place of typed options: Download (with bytes, speed and Cancel)
 * and "Import a folder…" for the standard datasets; a file or folder chooser with the label column (picked
 * from the table's header), delimiter, normalisation and test split for the student's own data. Reads and
 * writes single options of a {@link DataChoiceViewModel}; JavaFX thread only.
 */
final class DataSourceControls extends StackPane {

    private static final Map<String, String> DELIMITERS = new LinkedHashMap<>();
    private static final Map<String, String> NORMALISATIONS = new LinkedHashMap<>();

    static {
        DELIMITERS.put("Detect it", "");
        DELIMITERS.put("Comma  ,", ",");
        DELIMITERS.put("Semicolon  ;", ";");
        DELIMITERS.put("Tab", "tab");
        DELIMITERS.put("Bar  |", "|");
        NORMALISATIONS.put("Standardise (mean 0, spread 1)", "standardize");
        NORMALISATIONS.put("Scale to 0 … 1 (min–max)", "minmax");
        NORMALISATIONS.put("None: use the numbers as they are", "none");
    }

    private final DataChoiceViewModel model;
    private final PathChooser chooser;
    private final Runnable[] refreshers;
    private boolean updating;

    DataSourceControls(DataChoiceViewModel model, PathChooser chooser) {
        this.model = model;
        this.chooser = chooser;
        getStyleClass().add("data-source-controls");
        Label fileName = styled(new Label(), "data-path");
        fileName.setWrapText(true);
        SearchableComboBox<String> label = new SearchableComboBox<>(model.columns());
        ComboBox<String> delimiter = new ComboBox<>();
        ComboBox<String> normalise = new ComboBox<>();
        Spinner<Integer> csvSplit = percentSpinner("data-csv-test-split");
        Spinner<Integer> folderSplit = percentSpinner("data-folder-test-split");
        Spinner<Integer> textSplit = percentSpinner("data-text-test-split");
        Spinner<Integer> imageSize = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(8, 128, 32, 4));
        Label folderName = styled(new Label(), "data-path");
        Label textName = styled(new Label(), "data-path");
        Label standardFolder = styled(new Label(), "data-path");
        Node generated = generated();
        Node standard = standard(standardFolder);
        Node csv = csv(fileName, label, delimiter, normalise, csvSplit);
        Node folder = imageFolder(folderName, imageSize, folderSplit);
        Node text = text(textName, textSplit);
        getChildren().addAll(generated, standard, csv, folder, text);
        refreshers = new Runnable[] {
            () -> {
                fileName.setText(pathText("No table chosen yet."));
                folderName.setText(pathText("No folder chosen yet."));
                textName.setText(pathText("No file chosen yet."));
                standardFolder.setText(model.option("path").map(p -> "Your folder: " + p).orElse(""));
                standardFolder.setVisible(model.option("path").isPresent());
                standardFolder.setManaged(standardFolder.isVisible());
                label.setValue(model.option("label").map(Object::toString)
                        .orElse(model.columns().isEmpty() ? null : model.columns().get(model.columns().size() - 1)));
                delimiter.setValue(key(DELIMITERS, model.option("delimiter").map(Object::toString).orElse("")));
                normalise.setValue(key(NORMALISATIONS, model.option("normalize").map(Object::toString)
                        .map(v -> v.equals("min-max") ? "minmax" : v).orElse("standardize")));
                int percent = (int) Math.round(100 * model.option("test-ratio").filter(Number.class::isInstance)
                        .map(n -> ((Number) n).doubleValue()).orElse(0.2));
                for (Spinner<Integer> split : List.of(csvSplit, folderSplit, textSplit)) {
                    split.getValueFactory().setValue(percent);
                }
                imageSize.getValueFactory().setValue(model.option("width").filter(Number.class::isInstance)
                        .map(n -> ((Number) n).intValue()).orElse(32));
            }
        };
        label.valueProperty().addListener((obs, was, is) -> write("label", is));
        delimiter.valueProperty().addListener((obs, was, is) -> write("delimiter",
                is == null || DELIMITERS.get(is).isEmpty() ? null : DELIMITERS.get(is)));
        normalise.valueProperty().addListener((obs, was, is) -> write("normalize",
                is == null || NORMALISATIONS.get(is).equals("standardize") ? null : NORMALISATIONS.get(is)));
        for (Spinner<Integer> split : List.of(csvSplit, folderSplit, textSplit)) {
            split.valueProperty().addListener((obs, was, is) -> write("test-ratio",
                    is == null || is == 20 ? null : is / 100.0));
        }
        imageSize.valueProperty().addListener((obs, was, is) -> write("width", is == null || is == 32 ? null : is));
        model.columns().addListener((javafx.collections.ListChangeListener<String>) c -> refresh());
        model.optionsTextProperty().addListener((obs, was, is) -> refresh());
        model.kindProperty().addListener((obs, was, is) -> showKind(is, List.of(generated, standard, csv, folder,
                text)));
        showKind(model.kindProperty().get(), List.of(generated, standard, csv, folder, text));
        refresh();
    }

    private void write(String option, Object value) {
        if (!updating) {
            model.setOption(option, value);
        }
    }

    private void refresh() {
        updating = true;
        try {
            for (Runnable refresher : refreshers) {
                refresher.run();
            }
        } finally {
            updating = false;
        }
    }

    private static void showKind(SourceKind kind, List<Node> panes) {
        for (int i = 0; i < panes.size(); i++) {
            panes.get(i).setVisible(i == kind.ordinal());
        }
    }

    private String pathText(String none) {
        return model.option("path").map(Object::toString).orElse(none);
    }

    private static String key(Map<String, String> map, String value) {
        return map.entrySet().stream().filter(e -> e.getValue().equals(value)).map(Map.Entry::getKey).findFirst()
                .orElse(map.keySet().iterator().next());
    }

    private Node generated() {
        Label text = styled(new Label(), "muted", "data-hint");
        text.textProperty().bind(model.sourceProperty().map(id -> DatasetChoice.NO_DATASET.equals(id)
                ? "No data chosen yet: pick what the network learns from in the list above."
                : "LayerLoom makes this dataset on this computer: nothing to download or choose. Change its size or"
                + " noise under \"Options as text\" if you like."));
        text.setWrapText(true);
        return pane(text);
    }

    private Node standard(Label folderName) {
        Label availability = styled(new Label(), "data-availability");
        availability.setWrapText(true);
        availability.setId("data-availability");
        availability.textProperty().bind(model.availabilityProperty());
        DatasetDownloadViewModel downloads = model.downloads();
        Button download = styled(new Button("Download"), "accent-button");
        download.setId("data-download-button");
        download.setTooltip(new Tooltip("Fetch the dataset's files from the internet into the dataset folder; "
                + "their checksums are verified"));
        download.setOnAction(e -> model.download());
        download.disableProperty().bind(downloads.runningProperty());
        Button importFolder = new Button("Import a folder…");
        importFolder.setId("data-import-folder");
        importFolder.setTooltip(new Tooltip("Use a folder that already holds the dataset's original files"));
        importFolder.setOnAction(e -> chooser.chooseFolder(this, "The folder with the dataset's files",
                model.baseFolder()).ifPresent(model::setPath));
        HBox buttons = new HBox(8, download, importFolder);
        ProgressBar bar = new ProgressBar();
        bar.setId("data-download-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(downloads.progressProperty());
        Label detail = styled(new Label(), "muted", "data-download-detail");
        detail.setId("data-download-detail");
        detail.setWrapText(true);
        detail.textProperty().bind(downloads.detailProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("data-download-cancel");
        cancel.setOnAction(e -> model.cancelDownload());
        HBox barRow = new HBox(8, bar, cancel);
        barRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(bar, Priority.ALWAYS);
        VBox running = new VBox(4, barRow, detail);
        running.visibleProperty().bind(downloads.runningProperty());
        running.managedProperty().bind(running.visibleProperty());
        Label outcome = styled(new Label(), "detail-text", "data-download-message");
        outcome.setId("data-download-message");
        outcome.setWrapText(true);
        outcome.textProperty().bind(downloads.messageProperty());
        outcome.visibleProperty().bind(downloads.messageProperty().isNotEmpty().and(downloads.runningProperty().not()));
        outcome.managedProperty().bind(outcome.visibleProperty());
        Hyperlink useCache = new Hyperlink("Use the downloaded copy instead");
        useCache.setId("data-use-download");
        useCache.setOnAction(e -> model.setOption("path", null));
        useCache.visibleProperty().bind(folderName.visibleProperty());
        useCache.managedProperty().bind(useCache.visibleProperty());
        return pane(availability, buttons, running, outcome, folderName, useCache);
    }

    private Node csv(Label fileName, SearchableComboBox<String> label, ComboBox<String> delimiter,
                     ComboBox<String> normalise, Spinner<Integer> split) {
        Button choose = new Button("Choose a CSV file…");
        choose.setId("data-choose-csv");
        choose.setOnAction(e -> chooser.chooseFile(this, "A table of examples", "Tables (*.csv, *.tsv, *.txt)",
                List.of("*.csv", "*.tsv", "*.txt"), model.baseFolder()).ifPresent(model::setPath));
        label.setId("data-label-column");
        label.setMaxWidth(Double.MAX_VALUE);
        label.setPromptText("Choose a table first");
        label.setTooltip(new Tooltip("The column the network learns to predict; the other columns are its inputs"));
        Label headerProblem = styled(new Label(), "start-message");
        headerProblem.setWrapText(true);
        headerProblem.textProperty().bind(model.columnsProblemProperty());
        headerProblem.visibleProperty().bind(model.columnsProblemProperty().isNotEmpty());
        headerProblem.managedProperty().bind(headerProblem.visibleProperty());
        delimiter.setId("data-delimiter");
        delimiter.getItems().setAll(DELIMITERS.keySet());
        delimiter.setMaxWidth(Double.MAX_VALUE);
        normalise.setId("data-normalisation");
        normalise.getItems().setAll(NORMALISATIONS.keySet());
        normalise.setMaxWidth(Double.MAX_VALUE);
        normalise.setTooltip(new Tooltip("How the numbers are rescaled before training, measured on the training"
                + " rows only"));
        return pane(choose, fileName, field("Label column (what to predict)", label), headerProblem,
                field("Columns separated by", delimiter), field("Normalisation", normalise),
                field("Test split (% of the rows held out)", split));
    }

    private Node imageFolder(Label folderName, Spinner<Integer> size, Spinner<Integer> split) {
        Button choose = new Button("Choose a folder…");
        choose.setId("data-choose-folder");
        choose.setOnAction(e -> chooser.chooseFolder(this, "A folder of pictures, one subfolder per class",
                model.baseFolder()).ifPresent(model::setPath));
        Label hint = styled(new Label("One subfolder per class, named after it: flowers/rose, flowers/tulip…"),
                "muted", "data-hint");
        hint.setWrapText(true);
        size.setId("data-image-size");
        size.setEditable(true);
        size.setMaxWidth(Double.MAX_VALUE);
        return pane(choose, folderName, hint, field("Picture size (pixels a side)", size),
                field("Test split (% of the pictures held out)", split));
    }

    private Node text(Label fileName, Spinner<Integer> split) {
        Button choose = new Button("Choose a file…");
        choose.setId("data-choose-text");
        choose.setOnAction(e -> chooser.chooseFile(this, "Labelled texts", "Texts (*.csv, *.tsv, *.txt)",
                List.of("*.csv", "*.tsv", "*.txt"), model.baseFolder()).ifPresent(model::setPath));
        Button folder = new Button("Choose a folder…");
        folder.setId("data-choose-text-folder");
        folder.setOnAction(e -> chooser.chooseFolder(this, "A folder of texts, one subfolder of .txt files per class",
                model.baseFolder()).ifPresent(model::setPath));
        Label hint = styled(new Label("A table with a text column and a label column (one labelled text a row), or"
                + " a folder with one subfolder of .txt files per class."), "muted", "data-hint");
        hint.setWrapText(true);
        return pane(new HBox(8, choose, folder), fileName, hint, field("Test split (% of the texts held out)", split));
    }

    private static Spinner<Integer> percentSpinner(String id) {
        Spinner<Integer> spinner = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(5, 50, 20, 5));
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setMaxWidth(Double.MAX_VALUE);
        return spinner;
    }

    private static Node field(String name, Node control) {
        return new VBox(3, styled(new Label(name), "data-field-name"), control);
    }

    private static VBox pane(Node... nodes) {
        VBox box = new VBox(8, nodes);
        box.setFillWidth(true);
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }
}
