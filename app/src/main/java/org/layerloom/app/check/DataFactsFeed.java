package org.layerloom.app.check;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.layerloom.editor.fx.LatestResult;
import org.layerloom.editor.session.ProjectSession;
import org.layerloom.engine.data.DatasetRegistry;
import org.layerloom.engine.graph.DataFacts;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.Project;

/**
 * Keeps the editor told what the open project's dataset is, so that its problems list holds the data check
 * too ({@link org.layerloom.engine.data.preview.DataFit}) and new Inputs take the data's shape: whenever the
 * project's dataset choice or folder changes, loads the dataset on the data executor (never downloading: a
 * standard dataset not yet in the cache is simply not checked) and hands its {@link DataFacts} to the editor;
 * a dataset that cannot be loaded leaves the editor without data facts. Only the latest choice counts.
 * Built by the composition root; JavaFX thread only.
 */
public final class DataFactsFeed {

    private final ProjectSession session;
    private final DataFactsReader reader;
    private final Path defaultFolder;
    private final LatestResult<DataFacts> loading;
    private Key shown;

    /** What the facts depend on: the choice and the folder its relative paths are read from. */
    private record Key(DatasetChoice choice, Path folder) {
    }

    /**
     * @param defaultFolder where an untitled project's relative data paths are read from
     * @param cacheFolder   where downloaded standard datasets are kept (the settings' cache folder)
     */
    public DataFactsFeed(ProjectSession session, DatasetRegistry registry, Executor data, Executor fx,
                         Path defaultFolder, Supplier<Path> cacheFolder) {
        this.session = Objects.requireNonNull(session, "session");
        this.reader = new DataFactsReader(registry, Objects.requireNonNull(cacheFolder, "cacheFolder"));
        this.defaultFolder = Objects.requireNonNull(defaultFolder, "defaultFolder");
        this.loading = new LatestResult<>("Reading the data for the model check", data, fx);
        session.addListener(this::projectChanged);
        projectChanged();
    }

    /** The background loading, for the status bar's task list. */
    public LatestResult<DataFacts> loading() {
        return loading;
    }

    private void projectChanged() {
        Project project = session.project();
        Path folder = session.file().map(f -> f.toAbsolutePath().getParent()).orElse(defaultFolder);
        Key key = new Key(project.dataset(), folder);
        if (key.equals(shown)) {
            return;
        }
        shown = key;
        session.editor().setDataFacts(Optional.empty());
        loading.submit(ticket -> reader.read(project, folder),
                facts -> session.editor().setDataFacts(Optional.of(facts)),
                failure -> session.editor().setDataFacts(Optional.empty()));
    }
}
