package org.layerloom.app.start;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.layerloom.editor.fx.LatestResult;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetEntry;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.DatasetRegistry;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.data.preview.DatasetPreview;
import org.layerloom.engine.data.preview.DatasetPreviews;
import org.layerloom.engine.data.standard.StandardDataset;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.Project;

/**
 * "New project", data first: the student picks what the network learns from (a built-in set, shown with a
 * thumbnail; a standard set that is downloaded later; or their own table, pictures or texts), then a template
 * that fits it; the new project's Input and last layer take the data's shape and classes. Built-in sets are
 * made on the {@code background} executor, one after another, for their thumbnails and shapes; the student's
 * own file is read there too. JavaFX thread only, apart from that work.
 */
public final class NewProjectViewModel {

    /** Where a data choice comes from. */
    public enum Group { BUILT_IN, STANDARD, OWN }

    /** One thing to learn from, as the page lists it. */
    public record DataOption(String source, String title, Group group) {
    }

    private final DatasetRegistry registry;
    private final Executor background;
    private final Executor ui;
    private final Consumer<Project> open;
    private final List<DataOption> options = new ArrayList<>();
    private final ObservableMap<String, DatasetPreview> thumbnails = FXCollections.observableHashMap();
    private final java.util.Map<String, DataShape> shapes = new java.util.concurrent.ConcurrentHashMap<>();
    private final ReadOnlyObjectWrapper<DataOption> data = new ReadOnlyObjectWrapper<>(this, "data");
    private final ReadOnlyObjectWrapper<DataShape> shape = new ReadOnlyObjectWrapper<>(this, "shape");
    private final ReadOnlyObjectWrapper<DatasetChoice> choice = new ReadOnlyObjectWrapper<>(this, "choice");
    private final ObjectProperty<ProjectTemplate> template = new SimpleObjectProperty<>(this, "template",
            ProjectTemplate.MLP);
    private final StringProperty name = new SimpleStringProperty(this, "name", ProjectTemplate.MLP.projectName());
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final LatestResult<DataShape> reading;
    private boolean thumbnailsStarted;

    public NewProjectViewModel(DatasetRegistry registry, Executor background, Executor ui, Consumer<Project> open) {
        this.registry = registry;
        this.background = background;
        this.ui = ui;
        this.open = open;
        this.reading = new LatestResult<>("Reading your data", background, ui);
        for (DatasetEntry entry : registry.entries()) {
            Group group = entry.downloaded() ? Group.STANDARD
                    : List.of("csv", "image-folder", "text").contains(entry.id()) ? Group.OWN : Group.BUILT_IN;
            String title = group == Group.OWN ? entry.displayName() : entry.displayName().replaceFirst(" \\(.*\\)$", "");
            options.add(new DataOption(entry.id(), title, group));
        }
        shapes.put(StandardDataset.MNIST.id(), DataShape.classes(10, 1, 28, 28));
        shapes.put(StandardDataset.FASHION_MNIST.id(), DataShape.classes(10, 1, 28, 28));
        shapes.put(StandardDataset.CIFAR_10.id(), DataShape.classes(10, 3, 32, 32));
        template.addListener((obs, was, is) -> {
            if (was != null && name.get().equals(was.projectName())) {
                name.set(is.projectName());
            }
        });
    }

    /** The choices in the page's order: built-in sets, standard sets, the student's own data. */
    public List<DataOption> options() {
        return List.copyOf(options);
    }

    /** Makes each built-in set once, in the background, for its thumbnail; the first call starts it. */
    public void loadThumbnails() {
        if (thumbnailsStarted) {
            return;
        }
        thumbnailsStarted = true;
        List<DataOption> builtIn = options.stream().filter(o -> o.group() == Group.BUILT_IN).toList();
        background.execute(() -> {
            for (DataOption option : builtIn) {
                try {
                    Dataset dataset = registry.load(request(DatasetChoice.of(option.source())), ProgressListener.none());
                    DataShape made = DataShape.of(dataset);
                    shapes.put(option.source(), made);
                    DatasetPreview preview = DatasetPreviews.of(dataset);
                    ui.execute(() -> {
                        thumbnails.put(option.source(), preview);
                        if (data.get() != null && data.get().source().equals(option.source())) {
                            shape.set(made);
                            status.set("");
                            fitTemplate();
                        }
                    });
                } catch (DatasetException | RuntimeException e) {
                    System.getLogger(NewProjectViewModel.class.getName()).log(System.Logger.Level.WARNING,
                            "No thumbnail for " + option.source() + ": " + e.getMessage());
                }
            }
        });
    }

    /** Chooses the first data option of {@code source}: a built-in or standard set (own data needs a path). */
    public void choose(String source) {
        DataOption option = options.stream().filter(o -> o.source().equals(source)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no dataset " + source));
        if (option.group() == Group.OWN) {
            throw new IllegalArgumentException(source + " needs a file: use chooseOwn");
        }
        reading.cancel();
        data.set(option);
        choice.set(DatasetChoice.of(source));
        DataShape known = shapes.get(source);
        shape.set(known);
        status.set(known == null ? "Making a few examples to learn their shape…" : "");
        if (known == null) {
            loadThumbnails();
        }
        fitTemplate();
    }

    /** The student's own table, pictures or texts at {@code path}: read in the background for its shape. */
    public void chooseOwn(String source, Path path) {
        DataOption option = options.stream().filter(o -> o.source().equals(source) && o.group() == Group.OWN)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("not your own data: " + source));
        DatasetChoice chosen = DatasetChoice.of(source).with("path", path.toAbsolutePath().toString());
        data.set(option);
        choice.set(chosen);
        shape.set(null);
        status.set("Reading " + path.getFileName() + "…");
        reading.submit(ticket -> DataShape.of(registry.load(request(chosen), new ProgressListener() {
            @Override
            public void progressDidChange(String step, long done, long total) {
            }

            @Override
            public boolean isCancelled() {
                return !ticket.isCurrent();
            }
        })), read -> {
            shape.set(read);
            status.set("");
            fitTemplate();
        }, e -> status.set(e instanceof DatasetException ? e.getMessage()
                : "LayerLoom could not read " + path + ": " + e));
    }

    private static DatasetRequest request(DatasetChoice choice) {
        return DatasetRequest.of(choice, Path.of("."), 1, 0.1);
    }

    /** Keeps the template when it fits the new data, else takes the first that does. */
    private void fitTemplate() {
        DataShape now = shape.get();
        if (now != null && template.get().whyNot(now).isPresent()) {
            for (ProjectTemplate t : List.of(ProjectTemplate.MLP, ProjectTemplate.CNN, ProjectTemplate.RNN)) {
                if (t.whyNot(now).isEmpty()) {
                    template.set(t);
                    return;
                }
            }
        }
    }

    /** Why {@code candidate} does not fit the chosen data; empty when it does or the data is not known yet. */
    public Optional<String> whyNot(ProjectTemplate candidate) {
        return shape.get() == null ? Optional.empty() : candidate.whyNot(shape.get());
    }

    /** True when a project can be made now: data chosen, its shape known, the template fitting it. */
    public boolean canCreate() {
        return shape.get() != null && choice.get() != null && whyNot(template.get()).isEmpty();
    }

    /** Makes the project and hands it to the app; false (with the reason in the status) when it cannot. */
    public boolean create() {
        if (!canCreate()) {
            status.set(shape.get() == null ? "Choose what the network learns from first."
                    : whyNot(template.get()).orElse(""));
            return false;
        }
        String projectName = name.get() == null || name.get().isBlank() ? template.get().projectName()
                : name.get().strip();
        open.accept(template.get().create(projectName, choice.get(), shape.get()));
        return true;
    }

    /** Thumbnails of the built-in sets as they are made, by source id. */
    public ObservableMap<String, DatasetPreview> thumbnails() {
        return thumbnails;
    }

    public ReadOnlyObjectProperty<DataOption> dataProperty() {
        return data.getReadOnlyProperty();
    }

    /** The chosen data's shape; null until it is known. */
    public ReadOnlyObjectProperty<DataShape> shapeProperty() {
        return shape.getReadOnlyProperty();
    }

    public ObjectProperty<ProjectTemplate> templateProperty() {
        return template;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** What is happening ("Reading flowers.csv…") or what is wrong, or "". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The reading of the student's own file, for the status bar's task list. */
    public LatestResult<DataShape> reading() {
        return reading;
    }
}
