package org.layerloom.app.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.layerloom.editor.fx.LatestResult;
import org.layerloom.engine.data.DatasetEntry;
import org.layerloom.engine.data.DatasetOptions;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.data.csv.TableScan;
import org.layerloom.engine.data.standard.DatasetCache;
import org.layerloom.engine.data.standard.StandardSource;
import org.layerloom.engine.data.preview.OutputExpectation;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.Project;

/**
 * The Data area's choice: which dataset source the project trains on and its options, a preview of that
 * choice (checked against the project's network) and "use it for the project", which hands the new
 * {@link DatasetChoice} to the app to store in the project. The options are one text (the advanced view);
 * the area's controls read and write single options through {@link #option} and {@link #setOption}. Choosing
 * another source or setting an option refreshes the preview at once while the area shows; a choice that
 * still lacks its file, or a standard dataset not yet downloaded, shows what to do instead of an error.
 * Follows the open project through {@link #projectDidChange}. Preview loads are lazy: only while the area
 * is shown. A view-model without a toolkit; JavaFX thread only.
 */
public final class DataChoiceViewModel {

    private final DataPreviewViewModel preview;
    private final GraphValidator validator;
    private final Path defaultFolder;
    private final java.util.function.Predicate<DatasetChoice> store;
    private final java.util.function.Supplier<Path> cacheFolder;
    private final StringProperty source = new SimpleStringProperty(this, "source", "spirals");
    private final StringProperty optionsText = new SimpleStringProperty(this, "optionsText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper(this, "changed", false);
    private final ReadOnlyStringWrapper confirmation = new ReadOnlyStringWrapper(this, "confirmation", "");
    private final ReadOnlyStringWrapper availability = new ReadOnlyStringWrapper(this, "availability", "");
    private final javafx.beans.property.ReadOnlyObjectWrapper<SourceKind> kind =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "kind", SourceKind.GENERATED);
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper columnsProblem = new ReadOnlyStringWrapper(this, "columnsProblem", "");
    private final DatasetDownloadViewModel download;
    private final LatestResult<List<String>> header;
    private String headerOf = "";
    private Project project;
    private Optional<Path> file = Optional.empty();
    private boolean shown;
    private boolean stale = true;

    /**
     * @param defaultFolder where relative paths in the options point for a project never saved
     * @param store         puts the chosen dataset into the open project (and saves it); false when it did not (the
     *                      student cancelled the Save As of a project never saved)
     * @param cacheFolder   where downloaded standard datasets are kept (the settings' cache folder)
     */
    public DataChoiceViewModel(DataPreviewViewModel preview, GraphValidator validator, Path defaultFolder,
                               java.util.function.Predicate<DatasetChoice> store, java.util.function.Supplier<Path> cacheFolder) {
        this(preview, validator, defaultFolder, store, cacheFolder,
                new DatasetDownloadViewModel(preview.background(), preview.ui()));
    }

    /** As above, with the downloads on their own executor (so a preview never waits for a download). */
    public DataChoiceViewModel(DataPreviewViewModel preview, GraphValidator validator, Path defaultFolder,
                               java.util.function.Predicate<DatasetChoice> store, java.util.function.Supplier<Path> cacheFolder,
                               DatasetDownloadViewModel download) {
        this.download = download;
        this.header = new LatestResult<>("Reading the table's header", preview.background(), preview.ui());
        this.cacheFolder = cacheFolder;
        this.preview = preview;
        this.validator = validator;
        this.defaultFolder = defaultFolder;
        this.store = store;
        source.addListener((obs, was, is) -> {
            kind.set(SourceKind.of(is, preview.registry()));
            updateChanged();
            updateAvailability();
        });
        optionsText.addListener((obs, was, is) -> {
            updateChanged();
            updateAvailability();
        });
    }

    /** Source ids in the order the list shows them: the entries of the preview's dataset registry. */
    public List<String> sourceIds() {
        return preview.registry().entries().stream().map(DatasetEntry::id).toList();
    }

    /** The open project changed (opened, restored, saved with a new dataset): show its choice. */
    public void projectDidChange(Project newProject, Optional<Path> newFile) {
        boolean sameChoice = project != null && project.dataset().equals(newProject.dataset()) && file.equals(newFile);
        boolean sameGraph = project != null && project.graph().equals(newProject.graph());
        project = newProject;
        file = newFile;
        if (sameChoice && sameGraph) {
            return;
        }
        if (!sameChoice) {
            source.set(newProject.dataset().source());
            optionsText.set(DatasetOptionsText.format(newProject.dataset().options()));
            message.set("");
            refreshColumns();
        }
        updateChanged();
        // A new network changes what the labels are checked against; reload when next shown.
        stale = true;
        if (shown) {
            previewChoice();
        }
    }

    /** The area became visible (true) or hidden; a stale preview is loaded when it shows. */
    public void setShown(boolean visible) {
        shown = visible;
        if (visible && stale && project != null) {
            previewChoice();
        }
    }

    /** Loads the preview of the choice on screen (not yet stored in the project). */
    public void previewChoice() {
        Optional<DatasetChoice> choice = choice();
        if (choice.isEmpty() || project == null) {
            return;
        }
        stale = false;
        if (DatasetChoice.NO_DATASET.equals(choice.get().source())) {
            preview.showNotice("This project has no data yet (an imported model, for example): choose what the"
                    + " network learns from in the list on the left, then \"Use for this project\".");
            return;
        }
        updateAvailability();
        Optional<String> waiting = waitingFor(choice.get());
        if (waiting.isPresent()) {
            preview.showNotice(waiting.get());
            return;
        }
        DatasetRequest request = DatasetRequest.of(choice.get(), baseFolder(), project.training().seed(), 0.1);
        boolean downloaded = preview.registry().entry(choice.get().source()).map(DatasetEntry::downloaded)
                .orElse(false);
        if (downloaded && !choice.get().options().containsKey("cache")) {
            request = request.withOption("cache", cacheFolder.get().toAbsolutePath().toString());
        }
        preview.load(request, OutputExpectation.from(project.graph(), validator.validate(project.graph())));
    }

    /** What the student has to do before this choice can load (choose its file, download it), if anything. */
    private Optional<String> waitingFor(DatasetChoice choice) {
        boolean hasPath = choice.options().containsKey("path");
        return switch (kind.get()) {
            case CSV -> hasPath ? Optional.empty() : Optional.of("Choose a CSV table with \"Choose a CSV file…\" on"
                    + " the left: one example a row, with a header row naming the columns.");
            case IMAGE_FOLDER -> hasPath ? Optional.empty() : Optional.of("Choose a folder of pictures with"
                    + " \"Choose a folder…\" on the left: one subfolder per class, named after the class.");
            case TEXT -> hasPath ? Optional.empty() : Optional.of("Choose a file of labelled texts with \"Choose a"
                    + " file…\" on the left: a CSV with a text and a label column, or one text a line.");
            case STANDARD -> hasPath || standardSource().isEmpty() || isInCache() || Boolean.TRUE.equals(choice.options().get("download"))
                    ? Optional.empty() : Optional.of(availability.get() + " Press Download, or import a folder that"
                    + " holds its files.");
            case GENERATED -> Optional.empty();
        };
    }

    /** Where relative paths point: the project's folder, or the default folder for a project never saved. */
    public Path baseFolder() {
        return file.map(f -> f.toAbsolutePath().getParent()).orElse(defaultFolder);
    }

    /** Another source chosen in the list: its options start empty (or the project's, for its own source). */
    public void chooseSource(String id) {
        if (id == null || id.equals(source.get())) {
            return;
        }
        source.set(id);
        optionsText.set(project != null && project.dataset().source().equals(id)
                ? DatasetOptionsText.format(project.dataset().options()) : "");
        message.set("");
        download.cancel();
        refreshColumns();
        refreshPreview();
    }

    /** One option as the text holds it; empty when absent or when the text does not parse. */
    public Optional<Object> option(String name) {
        try {
            return Optional.ofNullable(DatasetOptionsText.parse(optionsText.get()).get(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Sets one option (null removes it) and refreshes the preview; a text that does not parse is reported. */
    public void setOption(String name, Object value) {
        SortedMap<String, Object> options;
        try {
            options = new TreeMap<>(DatasetOptionsText.parse(optionsText.get()));
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage() + " Correct it under \"Options as text\" first.");
            return;
        }
        if (java.util.Objects.equals(options.get(name), value)) {
            return;
        }
        if (value == null) {
            options.remove(name);
        } else {
            options.put(name, value);
        }
        optionsText.set(DatasetOptionsText.format(options));
        message.set("");
        if (name.equals("path") || name.equals("delimiter")) {
            refreshColumns();
        }
        refreshPreview();
    }

    /** A file or folder the student chose: kept relative when it lies in the project's folder. */
    public void setPath(Path chosen) {
        Path absolute = chosen.toAbsolutePath().normalize();
        Path base = baseFolder().toAbsolutePath().normalize();
        String value = absolute.startsWith(base) ? base.relativize(absolute).toString().replace('\\', '/')
                : absolute.toString();
        setOption("path", value);
    }

    /** The chosen file or folder, resolved against the project's folder, if one is set. */
    public Optional<Path> path() {
        return option("path").map(p -> baseFolder().resolve(p.toString()).normalize());
    }

    private void refreshPreview() {
        if (shown && project != null) {
            previewChoice();
        } else {
            stale = true;
        }
    }

    /** Downloads the chosen standard dataset into the cache (a "mirror" option fetches from elsewhere). */
    public void download() {
        standardSource().ifPresent(standard -> {
            DatasetOptions options = DatasetOptions.of(choiceOptions());
            if (shown) {
                preview.showNotice("Downloading " + standard.dataset().title() + "… Its examples show here once"
                        + " every file is in and checked.");
            }
            download.start(standard, cacheFolderOf(standard), options, () -> {
                updateAvailability();
                refreshPreview();
            });
        });
    }

    /** Stops the download under way; the preview says again what is missing. */
    public void cancelDownload() {
        download.cancel();
        refreshPreview();
    }

    /** The download under way, if any. */
    public DatasetDownloadViewModel downloads() {
        return download;
    }

    private SortedMap<String, Object> choiceOptions() {
        try {
            return DatasetOptionsText.parse(optionsText.get());
        } catch (IllegalArgumentException e) {
            return new TreeMap<>();
        }
    }

    private Optional<StandardSource> standardSource() {
        return preview.registry().find(source.get()).filter(StandardSource.class::isInstance)
                .map(StandardSource.class::cast);
    }

    private Path cacheFolderOf(StandardSource standard) {
        Object cache = choiceOptions().get("cache");
        Path root = cache == null ? cacheFolder.get() : baseFolder().resolve(cache.toString());
        return new DatasetCache(root.toAbsolutePath()).folder(standard.dataset());
    }

    /** True when the chosen standard dataset is complete in the cache folder. */
    public boolean isInCache() {
        return standardSource().map(s -> s.isComplete(cacheFolderOf(s))).orElse(false);
    }

    private void updateAvailability() {
        Optional<StandardSource> standard = standardSource();
        if (standard.isEmpty()) {
            availability.set("");
            return;
        }
        String title = standard.get().dataset().title();
        Optional<Object> path = option("path");
        if (path.isPresent()) {
            availability.set(title + " is read from your folder " + path.get() + ".");
        } else if (isInCache()) {
            availability.set(title + " is on this computer (in " + cacheFolderOf(standard.get()) + "), ready to use.");
        } else {
            availability.set(String.format(Locale.ROOT, "%s is not on this computer yet: %s MB to download.", title,
                    org.layerloom.engine.text.Numbers.significant(standard.get().dataset().downloadBytes() / 1e6)));
        }
    }

    /** Reads the CSV's header in the background, for the label-column list. */
    private void refreshColumns() {
        Optional<Path> table = kind.get() == SourceKind.CSV ? path() : Optional.empty();
        String key = table.map(Path::toString).orElse("") + "|" + option("delimiter").orElse("");
        if (key.equals(headerOf)) {
            return;
        }
        headerOf = key;
        if (table.isEmpty()) {
            header.cancel();
            columns.clear();
            columnsProblem.set("");
            return;
        }
        String delimiter = option("delimiter").map(Object::toString).orElse(null);
        header.submit(ticket -> TableScan.structure(table.get(), "auto", delimiter, true,
                ProgressListener.none()).columns(), names -> {
            columns.setAll(names);
            columnsProblem.set("");
        }, e -> {
            columns.clear();
            columnsProblem.set(e.getMessage());
        });
    }

    /** Stores the choice on screen in the project, and says so (not when it was not stored). */
    public void useForProject() {
        choice().ifPresent(c -> {
            if (!store.test(c)) {
                return;
            }
            confirmation.set("");
            confirmation.set("This project now learns from " + describe(c.source()).replace(" (download)", "") + "."
                    + (file.isPresent() ? " The project is saved." : " It is not saved yet: Save, or Train, asks where."));
            previewChoice();
        });
    }

    /** Puts the project's stored choice back on screen. */
    public void revert() {
        if (project != null) {
            source.set(project.dataset().source());
            optionsText.set(DatasetOptionsText.format(project.dataset().options()));
            message.set("");
            refreshColumns();
            refreshPreview();
        }
    }

    private Optional<DatasetChoice> choice() {
        try {
            SortedMap<String, Object> options = DatasetOptionsText.parse(optionsText.get());
            message.set("");
            return Optional.of(new DatasetChoice(source.get(), options));
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return Optional.empty();
        }
    }

    private void updateChanged() {
        if (project == null) {
            changed.set(false);
            return;
        }
        try {
            changed.set(!new DatasetChoice(source.get(), DatasetOptionsText.parse(optionsText.get()))
                    .equals(project.dataset()));
        } catch (IllegalArgumentException e) {
            changed.set(true);
        }
    }

    /** The chosen source id. */
    public StringProperty sourceProperty() {
        return source;
    }

    /** The options, one {@code name = value} a line. */
    public StringProperty optionsTextProperty() {
        return optionsText;
    }

    /** A problem with the options as typed, or "". */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True when the choice on screen differs from the project's. */
    public ReadOnlyBooleanProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }

    /** "This project now learns from …" after each "Use for this project"; set anew every time. */
    public ReadOnlyStringProperty confirmationProperty() {
        return confirmation.getReadOnlyProperty();
    }

    /** For a standard dataset: whether it is on this computer, read from a folder, or how big its download is. */
    public ReadOnlyStringProperty availabilityProperty() {
        return availability.getReadOnlyProperty();
    }

    /** Which controls fit the chosen source. */
    public javafx.beans.property.ReadOnlyObjectProperty<SourceKind> kindProperty() {
        return kind.getReadOnlyProperty();
    }

    /** The chosen CSV table's columns, read from its header, for picking the label column. */
    public ObservableList<String> columns() {
        return columns;
    }

    /** Why the chosen table's header could not be read, or "". */
    public ReadOnlyStringProperty columnsProblemProperty() {
        return columnsProblem.getReadOnlyProperty();
    }

    public DataPreviewViewModel preview() {
        return preview;
    }

    /** A readable name for a source id: its entry's display name, or the id itself for one not listed. */
    public String describe(String id) {
        return preview.registry().entries().stream().filter(e -> e.id().equals(id)).findFirst()
                .map(DatasetEntry::displayName).orElse(id);
    }
}
