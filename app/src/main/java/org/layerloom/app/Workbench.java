package org.layerloom.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
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
import org.layerloom.app.settings.AppLooks;
import org.layerloom.app.settings.SettingsDialog;
import org.layerloom.app.start.StartScreenView;
import org.layerloom.app.start.StartScreenViewModel;
import org.layerloom.app.ui.AppMenus;
import org.layerloom.app.ui.AppStatusBar;
import org.layerloom.app.ui.Area;
import org.layerloom.app.ui.BackgroundTasks;
import org.layerloom.app.ui.MainWindow;
import org.layerloom.app.ui.QuitGuard;
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
import org.layerloom.engine.data.DatasetRegistry;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.Project;
import org.layerloom.samples.SampleCatalog;

/**
 * The composition root of the window: builds the executors, the settings, the engine status (the engine
 * loads in the background from the start; files, datasets and inspection each have their own daemon thread), the one recent-projects list, the editor, the start screen, the
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
    /** Project files, autosave, the network check, sample copies and the run history. */
    private final ExecutorService files = daemon("layerloom-files");
    /** Datasets: the Data area's preview and the dataset of a training about to start. */
    private final ExecutorService data = daemon("layerloom-data");
    /** The Inspect area's engine work (activations, Grad-CAM), which may take long. */
    private final ExecutorService compute = daemon("layerloom-compute");
    private final ExecutorService engineLoader = daemon("layerloom-engine");
    private final AppLooks looks;
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
    private LearningAreas learning;
    private final ProjectAutosave autosave;
    private final StackPane root = new StackPane();
    private final Scene scene;
    private final ToolWindow referenceWindow;
    private final ToolWindow checkWindow;
    private final ToolWindow shortcutsWindow;

    Workbench(Stage stage, AppEnvironment environment) {
        this.stage = stage;
        this.environment = environment;
        engine.startLoading(environment.engineLoader(), engineLoader, Platform::runLater);
        SettingsStore settingsStore = new SettingsStore(environment.folders());
        SettingsStore.Loaded loaded = settingsStore.load();
        recovery = new RecoveryStore(environment.folders());
        recent = new RecentFiles(Optional.of(environment.folders().recentFile()));
        editor = new EditorPane(new EditorViewModel(GraphValidator.standard(), LayerCatalog.standard()),
                new EditorServices(files, Platform::runLater, recent));
        looks = new AppLooks(settingsStore, loaded.settings(), editor.themeProperty(), text -> inform("Settings", text));
        editor.canvas().textScaleProperty().bind(looks.settingsProperty()
                .map(s -> s.fontSize() / (double) Settings.DEFAULT_FONT));
        checkModel = new ProjectCheckViewModel(new ProjectChecker(GraphValidator.standard()), files, Platform::runLater);
        DataPreviewViewModel preview = new DataPreviewViewModel(DatasetRegistry.standard(), data, Platform::runLater);
        dataChoice = new DataChoiceViewModel(preview, GraphValidator.standard(), environment.folders().projects(),
                this::storeDataset, () -> looks.settingsProperty().get().datasetCache());
        startModel = new StartScreenViewModel(SampleCatalog.standard(), recent, recovery,
                environment.folders().projects(), files, Platform::runLater, new StartActions());
        startView = new StartScreenView(startModel);
        autosave = new ProjectAutosave(editor.editor(), recovery.newSlot(), files, environment.clock());

        Areas built = createAreas();
        training = built.training();
        learning.start();
        main = new MainWindow(built.areas(), AppMenus.complete(editor.menuBar(), training, new MenuCommands()),
                new AppStatusBar(engine, tasks, autosave.noteProperty()),
                Bindings.createStringBinding(() -> editor.titleProperty().get().replace(" — LayerLoom", ""),
                        editor.titleProperty()));
        tasks.track("Loading the PyTorch engine", engine.stateProperty().isEqualTo(EngineStatus.State.LOADING), null);
        tasks.track("Reading the project", editor.busyProperty(), null);
        tasks.track(preview.loading(), preview.progressProperty());
        tasks.track(startModel.copying());
        tasks.track(checkModel.work());

        referenceWindow = new ToolWindow("Layer reference", () -> new LayerReferenceView(referenceModel),
                () -> stage, looks::style, 1100, 720);
        checkWindow = new ToolWindow("Network check", () -> new ProjectCheckView(checkModel, editor.files()::open,
                kind -> {
                    referenceModel.select(kind);
                    referenceWindow.show();
                }), () -> stage, looks::style, 1100, 720);
        shortcutsWindow = new ToolWindow("Keyboard shortcuts", ShortcutsView::new, () -> stage, looks::style, 700, 760);

        editor.editor().addListener(() -> dataChoice.projectDidChange(editor.editor().project(), editor.editor().file()));
        dataChoice.projectDidChange(editor.editor().project(), editor.editor().file());
        looks.settingsProperty().addListener((obs, was, is) -> settingsDidChange(is));

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        scene = new Scene(root, Math.min(WIDTH, screen.getWidth() * 0.95), Math.min(HEIGHT, screen.getHeight() * 0.92));
        looks.style(scene);
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
     * THE factory of the main window's four areas: Data and Model here, Train and Inspect (with the
     * training-health view, the coach and the event pump that feeds them) in {@link LearningAreas}.
     */
    private Areas createAreas() {
        DataAreaView dataArea = new DataAreaView(dataChoice);
        learning = new LearningAreas(editor, looks.settingsProperty(), files, data, compute, this::showArea, this::storeProjectChange,
                threads -> looks.save(looks.settingsProperty().get().withThreads(threads)));
        return new Areas(new WorkAreas(dataArea, editor, learning.dashboard(), learning.inspect()),
                learning.actions());
    }

    /** Trains the open project once it has been read, then runs {@code after} (the screenshots command). */
    void trainThen(Runnable after) {
        WhenIdle.then(editor.busyProperty(), () -> learning.trainThen(after));
    }

    private void showArea(Area area) {
        showMain();
        main.show(area);
    }

    /** Shows the start screen, or the main window with the project of {@code options}. */
    void show(LaunchOptions options) {
        if (options.dark()) {
            looks.apply(looks.settingsProperty().get().withTheme(Theme.DARK));
        }
        if (options.screenshots().isPresent()) {
            new WorkbenchScreenshots(this).write(options.screenshots().get(), options.sample().orElse("spirals"));
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

    // ---- moving between the start screen and the main window ----

    /** Shows the start screen as it is, for a screenshot (nothing is closed). */
    void showStartScreenOnly() {
        startModel.refresh();
        root.getChildren().setAll(startView);
    }

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
            autosave.setInterval(looks.settingsProperty().get().autosaveSeconds());
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
        RestoreEdit.restore(editor.editor(), snapshot);
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
        learning.stop();
        engineLoader.shutdownNow();
        data.shutdownNow();
        compute.shutdownNow();
        files.shutdown();
        try {
            if (!files.awaitTermination(2, TimeUnit.SECONDS)) {
                files.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- settings ----

    /** Applies {@code updated} to every window (theme, font size, autosave interval) without saving it. */
    void applySettings(Settings updated) {
        looks.apply(updated);
    }

    private void settingsDidChange(Settings updated) {
        if (isMainShowing()) {
            autosave.setInterval(updated.autosaveSeconds());
        }
    }

    private void openSettings() {
        new SettingsDialog(stage, looks.settingsProperty().get(), engine.infoProperty().get()).showAndWait()
                .ifPresent(looks::save);
    }

    // ---- the data area stores its choice in the project ----

    /** Puts {@code choice} into the open project and saves it (a project never saved is saved first). */
    private void storeDataset(DatasetChoice choice) {
        storeProjectChange(p -> p.withDataset(choice), "the dataset " + choice.source());
    }

    /**
     * Applies {@code change} to the open project's non-graph parts (dataset, training settings) and saves
     * it (a project never saved is saved first); {@code what} names the change in the status line.
     */
    private void storeProjectChange(java.util.function.UnaryOperator<Project> change, String what) {
        EditorViewModel model = editor.editor();
        if (model.file().isEmpty() && !editor.files().saveAs()) {
            return;
        }
        model.updateProject(change);
        if (editor.files().save()) {
            model.setStatus("Saved " + model.file().orElseThrow().getFileName() + " with " + what);
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

    void showStage() {
        stage.show();
    }

    Scene scene() {
        return scene;
    }

    /** The Train and Inspect areas (for tests and the screenshots command). */
    LearningAreas learning() {
        return learning;
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
        return looks.settingsProperty();
    }

    void setTheme(Theme theme) {
        looks.apply(looks.settingsProperty().get().withTheme(theme));
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
