package org.layerloom.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.layerloom.app.data.DataAreaView;
import org.layerloom.app.data.DataChoiceViewModel;
import org.layerloom.app.data.DataPreviewViewModel;
import org.layerloom.app.engine.EngineStatus;
import org.layerloom.app.help.AboutDialog;
import org.layerloom.app.help.ShortcutsView;
import org.layerloom.app.settings.Appearance;
import org.layerloom.app.settings.SettingsDialog;
import org.layerloom.app.start.StartScreenView;
import org.layerloom.app.start.StartScreenViewModel;
import org.layerloom.app.ui.AppMenus;
import org.layerloom.app.ui.AppStatusBar;
import org.layerloom.app.ui.Area;
import org.layerloom.app.ui.BackgroundTasks;
import org.layerloom.app.ui.EmptyAreaPane;
import org.layerloom.app.ui.MainWindow;
import org.layerloom.app.ui.QuitGuard;
import org.layerloom.app.ui.ScreenshotSequence;
import org.layerloom.app.ui.ScreenshotWriter;
import org.layerloom.app.ui.ToolWindow;
import org.layerloom.app.ui.TrainingActions;
import org.layerloom.app.ui.WorkAreas;
import org.layerloom.app.check.ProjectChecker;
import org.layerloom.app.ui.project.ProjectCheckView;
import org.layerloom.app.ui.project.ProjectCheckViewModel;
import org.layerloom.app.ui.reference.LayerReferenceView;
import org.layerloom.app.ui.reference.LayerReferenceViewModel;
import org.layerloom.app.workspace.ProjectAutosave;
import org.layerloom.app.workspace.RecoveryStore;
import org.layerloom.app.workspace.Settings;
import org.layerloom.app.workspace.SettingsStore;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.editor.model.RecentFiles;
import org.layerloom.editor.view.EditorPane;
import org.layerloom.editor.view.EditorServices;
import org.layerloom.editor.view.EditorTheme;
import org.layerloom.engine.data.DatasetRegistry;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.samples.SampleCatalog;

/**
 * The composition root of the window: builds the executors, the settings, the engine status (the engine
 * loads in the background from the start), the one recent-projects list, the editor, the start screen, the
 * main window with its four areas ({@link #createAreas}), menus, status bar, autosave and recovery, and
 * moves the student between the start screen and the main window. Asks before closing over a running
 * training or unsaved changes. One per window; JavaFX thread only; {@link #shutdown()} ends the executors.
 */
final class Workbench {

    private static final System.Logger LOG = System.getLogger(Workbench.class.getName());
    private static final double WIDTH = 1360;
    private static final double HEIGHT = 860;
    private static final java.time.Duration STOP_TIMEOUT = java.time.Duration.ofSeconds(15);

    /** The four areas and the training actions of the Train area, as {@link #createAreas} builds them. */
    record Areas(WorkAreas areas, TrainingActions training) {
    }

    private final Stage stage;
    private final AppEnvironment environment;
    private final ExecutorService io = daemon("layerloom-io");
    private final ExecutorService data = daemon("layerloom-data");
    private final ExecutorService engineLoader = daemon("layerloom-engine");
    private final SettingsStore settingsStore;
    private final ReadOnlyObjectWrapper<Settings> settings = new ReadOnlyObjectWrapper<>();
    private final EngineStatus engine = new EngineStatus();
    private final BackgroundTasks tasks = new BackgroundTasks();
    private final RecoveryStore recovery;
    private final RecentFiles recent;
    private final EditorPane editor;
    private final LayerReferenceViewModel referenceModel = new LayerReferenceViewModel(LayerCatalog.standard());
    private final ProjectCheckViewModel checkModel;
    private final DataChoiceViewModel dataChoice;
    private final StartScreenViewModel startModel;
    private final StartScreenView startView;
    private final MainWindow main;
    private final TrainingActions training;
    private final ProjectAutosave autosave;
    private final Appearance appearance = new Appearance(List.of(), List.of());
    private final List<Scene> scenes = new ArrayList<>();
    private final StackPane root = new StackPane();
    private final Scene scene;
    private final ToolWindow referenceWindow;
    private final ToolWindow checkWindow;
    private final ToolWindow shortcutsWindow;
    private boolean syncingTheme;

    Workbench(Stage stage, AppEnvironment environment) {
        this.stage = stage;
        this.environment = environment;
        engine.startLoading(environment.engineLoader(), engineLoader, Platform::runLater);
        settingsStore = new SettingsStore(environment.folders());
        SettingsStore.Loaded loaded = settingsStore.load();
        settings.set(loaded.settings());
        recovery = new RecoveryStore(environment.folders());
        recent = new RecentFiles(Optional.of(environment.folders().recentFile()));
        editor = new EditorPane(new EditorViewModel(GraphValidator.standard(), LayerCatalog.standard()),
                new EditorServices(io, Platform::runLater, recent));
        checkModel = new ProjectCheckViewModel(new ProjectChecker(GraphValidator.standard()), io, Platform::runLater);
        DataPreviewViewModel preview = new DataPreviewViewModel(DatasetRegistry.standard(), data, Platform::runLater);
        dataChoice = new DataChoiceViewModel(preview, GraphValidator.standard(), environment.folders().projects(),
                this::storeDataset, () -> settings.get().datasetCache());
        startModel = new StartScreenViewModel(SampleCatalog.standard(), recent, recovery,
                environment.folders().projects(), io, Platform::runLater, new StartActions());
        startView = new StartScreenView(startModel);
        autosave = new ProjectAutosave(editor.editor(), recovery.newSlot(), io, environment.clock());

        Areas built = createAreas();
        training = built.training();
        main = new MainWindow(built.areas(), AppMenus.complete(editor.menuBar(), training, new MenuCommands()),
                new AppStatusBar(engine, tasks, autosave.noteProperty()),
                Bindings.createStringBinding(() -> editor.titleProperty().get().replace(" — LayerLoom", ""),
                        editor.titleProperty()));
        tasks.track("Loading the PyTorch engine", engine.stateProperty().isEqualTo(EngineStatus.State.LOADING), null);
        tasks.track("Reading the project", editor.busyProperty(), null);
        tasks.track("Loading the dataset", preview.busyProperty(), preview.progressProperty());
        tasks.track("Copying the sample", startModel.busyProperty(), null);
        tasks.track("Checking the network", checkModel.busyProperty(), null);

        referenceWindow = new ToolWindow("Layer reference", () -> new LayerReferenceView(referenceModel),
                () -> stage, this::style, 1100, 720);
        checkWindow = new ToolWindow("Network check", () -> new ProjectCheckView(checkModel, editor.files()::open,
                kind -> {
                    referenceModel.select(kind);
                    referenceWindow.show();
                }), () -> stage, this::style, 1100, 720);
        shortcutsWindow = new ToolWindow("Keyboard shortcuts", ShortcutsView::new, () -> stage, this::style, 700, 760);

        editor.editor().addListener(() -> dataChoice.projectDidChange(editor.editor().project(), editor.editor().file()));
        dataChoice.projectDidChange(editor.editor().project(), editor.editor().file());
        editor.themeProperty().addListener((obs, was, is) -> editorThemeDidChange(is));

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        scene = new Scene(root, Math.min(WIDTH, screen.getWidth() * 0.95), Math.min(HEIGHT, screen.getHeight() * 0.92));
        style(scene);
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            if (confirmQuit()) {
                closeWork();
            } else {
                e.consume();
            }
        });
        stage.focusedProperty().addListener((obs, was, is) -> {
            if (!is && isMainShowing()) {
                autosave.autosaveNow();
            }
        });
        loaded.notice().ifPresent(notice -> Platform.runLater(() -> inform("Settings", notice)));
    }

    /**
     * THE factory of the main window's four areas. Data and Model are built here; the Train and Inspect
     * lines are placeholders until the dashboard ({@code app.train}) and the inspect view ({@code
     * app.inspect}) are wired: replace those two lines (and the training actions) with them.
     */
    private Areas createAreas() {
        DataAreaView dataArea = new DataAreaView(dataChoice);
        EmptyAreaPane train = new EmptyAreaPane("train-area", "Training dashboard",
                "Train your network here and watch the loss and accuracy move while it learns.");
        EmptyAreaPane inspect = new EmptyAreaPane("inspect-area", "Inside the network",
                "After training, look at what every layer sees: activations, saliency and Grad-CAM.");
        return new Areas(new WorkAreas(dataArea, editor, train, inspect), TrainingActions.idle());
    }

    /**
     * The views {@code layerloom screenshots DIR} writes, each in the light and the dark theme: one line per
     * view (an empty area is the start screen).
     */
    static final List<ScreenshotView> SCREENSHOT_VIEWS = List.of(
            new ScreenshotView("start-screen", Optional.empty()),
            new ScreenshotView("model", Optional.of(Area.MODEL)),
            new ScreenshotView("data", Optional.of(Area.DATA)));

    /** One view for the screenshots command: its file name and the area (empty: the start screen). */
    record ScreenshotView(String name, Optional<Area> area) {
    }

    /** Shows the start screen, or the main window with the project of {@code options}. */
    void show(LaunchOptions options) {
        if (options.dark()) {
            applySettings(settings.get().withTheme(Settings.Theme.DARK));
        }
        if (options.screenshots().isPresent()) {
            showScreenshots(options.screenshots().get(), options.sample().orElse("spirals"));
            return;
        }
        if (options.project().isPresent()) {
            showMain();
            openProject(options.project().get());
        } else {
            showStartScreen();
        }
        options.node().ifPresent(editor::showNode);
        stage.show();
        options.layer().ifPresent(kind -> {
            referenceModel.selectKind(kind);
            referenceWindow.show();
        });
        options.screenshot().ifPresent(png -> new ScreenshotWriter(
                options.layer().isPresent() ? referenceWindow.scene().orElseThrow() : scene, png, busyProperty(),
                Platform::exit).start());
    }

    /** Opens a copy of the sample, then writes every {@link #SCREENSHOT_VIEWS} light and dark into {@code folder}. */
    private void showScreenshots(Path folder, String sampleId) {
        SampleCatalog catalog = SampleCatalog.standard();
        Path copy;
        try {
            Files.createDirectories(folder);
            copy = catalog.copyTo(catalog.byId(sampleId).orElseThrow(() -> new IllegalArgumentException(
                    "There is no sample '" + sampleId + "'.")), folder.resolve("project"));
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.ERROR, "Could not prepare the sample for the screenshots: " + e.getMessage());
            Platform.exit();
            return;
        }
        openProject(copy);
        stage.show();
        List<ScreenshotSequence.Step> steps = new ArrayList<>();
        for (Settings.Theme theme : Settings.Theme.values()) {
            for (ScreenshotView view : SCREENSHOT_VIEWS) {
                Runnable prepare = () -> {
                    setTheme(theme);
                    view.area().ifPresentOrElse(area -> {
                        showMain();
                        main.show(area);
                    }, () -> {
                        startModel.refresh();
                        root.getChildren().setAll(startView);
                    });
                };
                steps.add(new ScreenshotSequence.Step(prepare, () -> scene,
                        folder.resolve(view.name() + "-" + theme.name().toLowerCase(java.util.Locale.ROOT) + ".png")));
            }
        }
        new ScreenshotSequence(steps, busyProperty(), Platform::exit).start();
    }

    // ---- moving between the start screen and the main window ----

    void showStartScreen() {
        autosave.closed();
        startModel.refresh();
        root.getChildren().setAll(startView);
        stage.titleProperty().unbind();
        stage.setTitle("LayerLoom");
    }

    void showMain() {
        if (!isMainShowing()) {
            root.getChildren().setAll(main);
            stage.titleProperty().bind(editor.titleProperty());
            autosave.setInterval(settings.get().autosaveSeconds());
        }
    }

    boolean isMainShowing() {
        return root.getChildren().contains(main);
    }

    /** Opens a project file in the editor (read in the background) and shows the Model area. */
    void openProject(Path file) {
        showMain();
        main.show(Area.MODEL);
        editor.files().open(file);
    }

    /**
     * Restores work a previous session left behind: opens its saved file (or a new project) and replaces
     * the network with the autosaved one as one undoable step, so the restored work shows as unsaved.
     */
    void restore(RecoveryStore.Snapshot snapshot) {
        Optional<Path> file = snapshot.file().filter(Files::isRegularFile);
        Project base = snapshot.project().withGraph(org.layerloom.engine.graph.NetworkGraph.empty());
        if (file.isPresent()) {
            try {
                base = ProjectFiles.load(file.get());
            } catch (org.layerloom.engine.project.ProjectFileException e) {
                LOG.log(System.Logger.Level.WARNING, "Restoring without the saved file: " + e.getMessage());
                file = Optional.empty();
            }
        }
        EditorViewModel model = editor.editor();
        model.open(base, file);
        model.perform(RestoreEdit.replacing(model.graph(), snapshot.project().graph()), "Restore autosaved work");
        model.setStatus("Restored the work autosaved " + snapshot.savedAt());
        showMain();
        main.show(Area.MODEL);
        Platform.runLater(editor.canvas()::fit);
        autosave.autosaveNow();
        try {
            snapshot.slot().clear();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not delete the old recovery file: " + e.getMessage());
        }
    }

    // ---- closing ----

    /** Asks about a running training and unsaved changes; true when the window may close. */
    boolean confirmQuit() {
        return new QuitGuard(training, this::askStopTraining, () -> !isMainShowing() || editor.confirmClose()).mayClose();
    }

    private boolean askStopTraining() {
        ButtonType stop = new ButtonType("Stop Training and Quit", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "The training stops after its current batch and"
                + " keeps its last checkpoint, so you can resume it later.", stop, ButtonType.CANCEL);
        alert.setHeaderText("A training is still running. Stop it and quit?");
        alert.initOwner(stage);
        return alert.showAndWait().filter(b -> b == stop).isPresent();
    }

    /** The student chose to close: stop a training cleanly, forget the recovery snapshot, close tool windows. */
    void closeWork() {
        if (!training.stopAndWait(STOP_TIMEOUT)) {
            LOG.log(System.Logger.Level.WARNING, "The training did not stop within " + STOP_TIMEOUT.toSeconds() + " s.");
        }
        autosave.closed();
        referenceWindow.close();
        checkWindow.close();
        shortcutsWindow.close();
    }

    private void quit() {
        if (confirmQuit()) {
            closeWork();
            stage.close();
        }
    }

    /** Ends the executors; pending recovery writes or deletes get two seconds to finish. */
    void shutdown() {
        engineLoader.shutdownNow();
        data.shutdownNow();
        io.shutdown();
        try {
            if (!io.awaitTermination(2, TimeUnit.SECONDS)) {
                io.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- settings and looks ----

    private void style(Scene target) {
        if (!scenes.contains(target)) {
            scenes.add(target);
        }
        apply(target, settings.get());
    }

    private void apply(Scene target, Settings current) {
        appearance.apply(target, current);
        EditorTheme theme = current.theme() == Settings.Theme.DARK ? EditorTheme.DARK : EditorTheme.LIGHT;
        theme.applyTo(target.getRoot());
    }

    /** Applies {@code updated} to every window (theme, font size, autosave interval) without saving it. */
    void applySettings(Settings updated) {
        settings.set(updated);
        syncingTheme = true;
        editor.themeProperty().set(updated.theme() == Settings.Theme.DARK ? EditorTheme.DARK : EditorTheme.LIGHT);
        syncingTheme = false;
        scenes.forEach(s -> apply(s, updated));
        if (isMainShowing()) {
            autosave.setInterval(updated.autosaveSeconds());
        }
    }

    private void saveSettings(Settings updated) {
        applySettings(updated);
        try {
            settingsStore.save(updated);
        } catch (IOException e) {
            inform("Settings", "The settings could not be saved (" + e.getMessage() + "); they apply until you quit.");
        }
    }

    private void editorThemeDidChange(EditorTheme theme) {
        Settings.Theme wanted = theme == EditorTheme.DARK ? Settings.Theme.DARK : Settings.Theme.LIGHT;
        if (!syncingTheme && settings.get().theme() != wanted) {
            saveSettings(settings.get().withTheme(wanted));
        }
    }

    private void openSettings() {
        new SettingsDialog(stage, settings.get(), engine.infoProperty().get()).showAndWait().ifPresent(this::saveSettings);
    }

    // ---- the data area stores its choice in the project ----

    /** Puts {@code choice} into the open project and saves it (a project never saved is saved first). */
    private void storeDataset(DatasetChoice choice) {
        EditorViewModel model = editor.editor();
        if (model.file().isEmpty() && !editor.files().saveAs()) {
            return;
        }
        Path file = model.file().orElseThrow();
        Project updated = model.project().withDataset(choice);
        try {
            ProjectFiles.save(updated, file);
            model.open(updated, Optional.of(file));
            model.setStatus("Saved " + file.getFileName() + " with the dataset " + choice.source());
        } catch (IOException e) {
            inform("Data", "LayerLoom could not save the project with the new dataset: " + e.getMessage());
        }
    }

    private void inform(String title, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK);
        alert.setTitle(title);
        alert.setHeaderText(null);
        if (stage.isShowing()) {
            alert.initOwner(stage);
        }
        alert.show();
    }

    // ---- for the command line's screenshots and for tests ----

    Scene scene() {
        return scene;
    }

    MainWindow mainWindow() {
        return main;
    }

    EditorPane editor() {
        return editor;
    }

    StartScreenViewModel startScreen() {
        return startModel;
    }

    ToolWindow referenceWindow() {
        return referenceWindow;
    }

    ToolWindow checkWindow() {
        return checkWindow;
    }

    EngineStatus engine() {
        return engine;
    }

    ProjectAutosave autosave() {
        return autosave;
    }

    /** True while anything loads in the background (the project, a dataset, the engine, a check). */
    ObservableBooleanValue busyProperty() {
        return tasks.busyProperty();
    }

    /** The settings in force (the dashboard reads device and threads from them). */
    ReadOnlyObjectProperty<Settings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    void setTheme(Settings.Theme theme) {
        applySettings(settings.get().withTheme(theme));
    }

    void showReference() {
        referenceWindow.show();
    }

    /** Checks {@code file} in the check window. */
    void checkProject(Path file) {
        checkModel.open(file);
        checkWindow.show();
    }

    /** Checks the saved project (what the command line would train) in the check window. */
    void showProjectCheck() {
        Optional<Path> file = editor.editor().file();
        if (file.isEmpty() && editor.files().save()) {
            file = editor.editor().file();
        }
        file.ifPresent(checkModel::open);
        checkWindow.show();
    }

    private static ExecutorService daemon(String name) {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** What the start screen's choices do. */
    private final class StartActions implements StartScreenViewModel.Actions {
        @Override
        public void openProject(Path file) {
            Workbench.this.openProject(file);
        }

        @Override
        public void openNew(Project project) {
            editor.editor().open(project, Optional.empty());
            showMain();
            main.show(Area.MODEL);
            Platform.runLater(editor.canvas()::fit);
        }

        @Override
        public void restore(RecoveryStore.Snapshot snapshot) {
            Workbench.this.restore(snapshot);
        }
    }

    /** What the app's menu items do. */
    private final class MenuCommands implements AppMenus.Commands {
        @Override
        public void showArea(Area area) {
            main.show(area);
        }

        @Override
        public void showStartScreen() {
            if (editor.confirmClose()) {
                editor.editor().open(EditorViewModel.emptyProject(), Optional.empty());
                Workbench.this.showStartScreen();
            }
        }

        @Override
        public void openSettings() {
            Workbench.this.openSettings();
        }

        @Override
        public void checkNetwork() {
            showProjectCheck();
        }

        @Override
        public void showReference() {
            referenceWindow.show();
        }

        @Override
        public void showShortcuts() {
            shortcutsWindow.show();
        }

        @Override
        public void showAbout() {
            new AboutDialog(stage, engine.infoProperty().get()).show();
        }

        @Override
        public void quit() {
            Workbench.this.quit();
        }
    }
}
