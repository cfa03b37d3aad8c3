package org.layerloom.app.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.layerloom.engine.data.DatasetEntry;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.preview.OutputExpectation;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.Project;

/**
 * The Data area's choice: which dataset source the project trains on and its options, edited as text, a
 * preview of that choice (checked against the project's network) and "use it for the project", which hands
 * the new {@link DatasetChoice} to the app to store in the project. Follows the open project through
 * {@link #projectDidChange}. Preview loads are lazy: only while the area is shown. A view-model without a
 * toolkit; JavaFX thread only.
 */
public final class DataChoiceViewModel {

    private final DataPreviewViewModel preview;
    private final GraphValidator validator;
    private final Path defaultFolder;
    private final Consumer<DatasetChoice> store;
    private final java.util.function.Supplier<Path> cacheFolder;
    private final StringProperty source = new SimpleStringProperty(this, "source", "spirals");
    private final StringProperty optionsText = new SimpleStringProperty(this, "optionsText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper(this, "changed", false);
    private Project project;
    private Optional<Path> file = Optional.empty();
    private boolean shown;
    private boolean stale = true;

    /**
     * @param defaultFolder where relative paths in the options point for a project never saved
     * @param store         puts the chosen dataset into the open project (and saves it)
     * @param cacheFolder   where downloaded standard datasets are kept (the settings' cache folder)
     */
    public DataChoiceViewModel(DataPreviewViewModel preview, GraphValidator validator, Path defaultFolder,
                               Consumer<DatasetChoice> store, java.util.function.Supplier<Path> cacheFolder) {
        this.cacheFolder = cacheFolder;
        this.preview = preview;
        this.validator = validator;
        this.defaultFolder = defaultFolder;
        this.store = store;
        source.addListener((obs, was, is) -> updateChanged());
        optionsText.addListener((obs, was, is) -> updateChanged());
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
        Path base = file.map(f -> f.toAbsolutePath().getParent()).orElse(defaultFolder);
        DatasetRequest request = DatasetRequest.of(choice.get(), base, project.training().seed(), 0.1);
        boolean downloaded = preview.registry().entry(choice.get().source()).map(DatasetEntry::downloaded)
                .orElse(false);
        if (downloaded && !choice.get().options().containsKey("cache")) {
            request = request.withOption("cache", cacheFolder.get().toAbsolutePath().toString());
        }
        preview.load(request, OutputExpectation.from(project.graph(), validator.validate(project.graph())));
    }

    /** Stores the choice on screen in the project. */
    public void useForProject() {
        choice().ifPresent(c -> {
            store.accept(c);
            previewChoice();
        });
    }

    /** Puts the project's stored choice back on screen. */
    public void revert() {
        if (project != null) {
            source.set(project.dataset().source());
            optionsText.set(DatasetOptionsText.format(project.dataset().options()));
            message.set("");
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

    public DataPreviewViewModel preview() {
        return preview;
    }

    /** A readable name for a source id: its entry's display name, or the id itself for one not listed. */
    public String describe(String id) {
        return preview.registry().entries().stream().filter(e -> e.id().equals(id)).findFirst()
                .map(DatasetEntry::displayName).orElse(id);
    }
}
