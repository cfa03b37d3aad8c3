package org.layerloom.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.layerloom.app.check.DataFactsFeed;
import org.layerloom.app.check.DataFactsReader;
import org.layerloom.app.check.ProjectChecker;
import org.layerloom.app.data.DataAreaView;
import org.layerloom.app.data.DataChoiceViewModel;
import org.layerloom.app.data.DatasetDownloadViewModel;
import org.layerloom.app.data.DataPreviewViewModel;
import org.layerloom.app.data.PathChooser;
import org.layerloom.app.train.InterruptedRunBanner;
import org.layerloom.app.train.InterruptedRunOffer;
import org.layerloom.app.train.TrainingTask;
import org.layerloom.app.engine.EngineStatus;
import org.layerloom.app.start.SampleTimeCache;
import org.layerloom.app.help.AboutDialog;
import org.layerloom.app.help.ShortcutsView;
import org.layerloom.app.settings.AppLooks;
import org.layerloom.app.settings.SettingsDialog;
import org.layerloom.app.start.StartScreenView;
import org.layerloom.app.start.StartScreenViewModel;
import org.layerloom.app.assignment.AssignmentEditorView;
import org.layerloom.app.assignment.GoalsPanel;
import org.layerloom.app.assignment.GoalsViewModel;
import org.layerloom.app.assignment.HandInAction;
import org.layerloom.app.ui.AppMenus;
import org.layerloom.app.ui.AppStatusBar;
import org.layerloom.app.ui.Area;
import org.layerloom.app.export.ExportView;
import org.layerloom.app.export.ExportViewModel;
import org.layerloom.app.export.ExportWork;
import org.layerloom.app.export.PythonTorch;
import org.layerloom.app.imports.ImportView;
import org.layerloom.app.imports.ImportedModel;
import org.layerloom.app.imports.ImportViewModel;
import org.layerloom.app.imports.ProjectFileChooser;
import org.layerloom.app.ui.BackgroundTasks;
import org.layerloom.app.ui.KeptWindows;
import org.layerloom.app.ui.MainWindow;
import org.layerloom.app.ui.Notifier;
import org.layerloom.app.ui.ProjectStatusLine;
import org.layerloom.app.ui.WindowNotifier;
import org.layerloom.app.ui.ScreenshotWriter;
import org.layerloom.app.ui.TaskListView;
import org.layerloom.app.ui.ToolWindow;
import org.layerloom.app.ui.WorkAreas;
import org.layerloom.app.ui.project.ProjectCheckView;
import org.layerloom.app.ui.project.ProjectCheckViewModel;
import org.layerloom.app.ui.reference.LayerReferenceView;
import org.layerloom.app.ui.reference.LayerReferenceViewModel;
import org.layerloom.app.workspace.ProjectAutosave;
import org.layerloom.app.workspace.RecoveryStore;
import org.layerloom.app.workspace.Settings;
import org.layerloom.app.workspace.SettingsStore;
import org.layerloom.app.workspace.WindowPlacementStore;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.editor.model.RecentFiles;
import org.layerloom.editor.session.ProjectSession;
import org.layerloom.editor.view.EditorPane;
import org.layerloom.engine.assignment.Assignment;
import org.layerloom.engine.data.DatasetRegistry;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.kernels.MachineKey;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.imports.code.ImportEdit;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.train.EngineInfo;
import org.layerloom.engine.train.InterruptedRun;
import org.layerloom.samples.SampleCatalog;

/**
 * The composition root of the window: wires the executors ({@link BackgroundExecutors}), the settings, the
 * engine status (the engine loads in the background from the start), the one {@link ProjectSession} that the
 * four areas observe, the editor, the start screen, the main window with its four areas ({@link #createAreas}),
 * menus, status bar, autosave, the move between the screens ({@link Screens}) and the questions before closing
 * ({@link WindowClosing}). Tests and the screenshots command reach into it through {@link #probe()}. One per
 * window; JavaFX thread only; {@link #shutdown()} ends the executors.
 */
final class Workbench {


    private static final double WIDTH = 1360;
    private static final double HEIGHT = 860;
    /** Below this the areas' side panels and the toolbar clip. */
    private static final double MIN_WIDTH = 960;
    private static final double MIN_HEIGHT = 600;

    private final Stage stage;
    private final BackgroundExecutors executors = new BackgroundExecutors();
    private final AppLooks looks;
    private final EngineStatus engine = new EngineStatus();
    private final BackgroundTasks tasks = new BackgroundTasks();
    private final Notifier notifier;
    private final ProjectSession session;
    private final EditorPane editor;
    private final LayerReferenceViewModel referenceModel = new LayerReferenceViewModel(LayerCatalog.standard());
    private final DataChoiceViewModel dataChoice;
    private final MainWindow main;
    private final LearningAreas learning;
    private final ProjectAutosave autosave;
    private final Scene scene;
    private final KeptWindows kept;
    private final ToolWindow referenceWindow;
    private final ToolWindow shortcutsWindow;
    private final ToolWindow tasksWindow;
    private final NetworkCheckWindow check;
    private final ExportWindow export;
    private final ToolWindow importWindow;
    private final ToolWindow assignmentWindow;
    private final HandInAction handIn;
    private AssignmentEditorView assignmentEditor;
    private final Screens screens;
    private final WindowClosing closing;

    Workbench(Stage stage, AppEnvironment environment) {
        this.stage = stage;
        engine.startLoading(environment.engineLoader(), executors.engine, Platform::runLater);
        SettingsStore settingsStore = new SettingsStore(environment.folders());
        SettingsStore.Loaded loaded = settingsStore.load();
        RecoveryStore recovery = new RecoveryStore(environment.folders());
        RecentFiles recent = new RecentFiles(Optional.of(environment.folders().recentFile()));
        EditorViewModel network = new EditorViewModel(GraphValidator.standard(), LayerCatalog.standard());
        session = new ProjectSession(network, executors.files, Platform::runLater, recent);
        editor = new EditorPane(session);
        notifier = new WindowNotifier(() -> stage);
        editor.files().setOnDone(notifier::confirm);
        looks = new AppLooks(settingsStore, loaded.settings(), editor.themeProperty(), text -> inform("Settings", text));
        editor.canvas().textScaleProperty().bind(looks.settingsProperty()
                .map(s -> s.fontSize() / (double) Settings.DEFAULT_FONT));
        ProjectCheckViewModel checkModel = new ProjectCheckViewModel(new ProjectChecker(GraphValidator.standard(),
                new DataFactsReader(DatasetRegistry.standard(), () -> looks.settingsProperty().get().datasetCache())),
                executors.files, Platform::runLater);
        DataPreviewViewModel preview = new DataPreviewViewModel(DatasetRegistry.standard(), executors.data,
                Platform::runLater);
        dataChoice = new DataChoiceViewModel(preview, GraphValidator.standard(), environment.folders().projects(),
                choice -> {
                    Optional<String> locked = session.project().assignment().flatMap(Assignment::datasetReason);
                    if (locked.isPresent() && !choice.equals(session.project().dataset())) {
                        inform("Dataset locked", "The assignment fixes the dataset: " + locked.get());
                        return false;
                    }
                    session.updateSettings(p -> p.withDataset(choice), "Use the dataset " + choice.source());
                    return session.project().dataset().equals(choice);
                },
                () -> looks.settingsProperty().get().datasetCache(),
                new DatasetDownloadViewModel(executors.downloads, Platform::runLater));
        DataFactsFeed dataFacts = new DataFactsFeed(session, DatasetRegistry.standard(), executors.data,
                Platform::runLater, environment.folders().projects(), () -> looks.settingsProperty().get().datasetCache());
        StartScreenViewModel startModel = new StartScreenViewModel(SampleCatalog.standard(), recent, recovery,
                environment.folders().projects(), executors.files, Platform::runLater, new StartActions(), executors.data);
        autosave = new ProjectAutosave(session, recovery.newSlot(), executors.recovery, environment.clock());

        learning = new LearningAreas(session, editor, looks.settingsProperty(), executors.files,
                executors.compute, this::showArea,
                threads -> looks.save(looks.settingsProperty().get().withThreads(threads)));
        learning.start();
        learning.useEngine(engine.infoProperty());
        measureSampleTimes(environment, startModel);
        ProjectStatusLine projectLine = new ProjectStatusLine(session.fileProperty(), session.dirtyProperty(),
                session.writingProperty(), autosave.noteProperty(), environment.clock());
        main = new MainWindow(createAreas(), AppMenus.complete(editor.menuBar(), learning.actions(),
                new MenuCommands()), new AppStatusBar(engine, tasks, projectLine.textProperty(), this::showTaskList),
                Bindings.createStringBinding(() -> session.titleProperty().get().replace(" — LayerLoom", ""),
                        session.titleProperty()));
        tasks.track("Loading the PyTorch engine", engine.stateProperty().isEqualTo(EngineStatus.State.LOADING), null);
        tasks.track(TrainingTask.of(learning.dashboard().viewModel()));
        tasks.track("Reading the project", session.readingProperty(), null);
        tasks.track("Saving the project", session.writingProperty(), null);
        tasks.track(dataChoice.downloads().asTask());
        tasks.track(preview.loading(), preview.progressProperty());
        tasks.track(startModel.copying());
        tasks.track(startModel.newProjectPage().reading());
        tasks.track(checkModel.work());
        learning.inspect().model().work().forEach(tasks::track);
        tasks.track(dataFacts.loading());

        WindowPlacementStore placements = new WindowPlacementStore(environment.folders(), executors.files);
        kept = new KeptWindows(placements::get, placements::put, KeptWindows::systemScreens);
        looks.followNewWindows(stage);
        referenceWindow = new ToolWindow("Layer reference", "reference", () -> new LayerReferenceView(referenceModel),
                () -> stage, looks::style, kept, 1100, 720);
        check = new NetworkCheckWindow(checkModel, new ToolWindow("Network check", "network-check",
                () -> new ProjectCheckView(checkModel, editor::open, kind -> {
                    referenceModel.select(kind);
                    referenceWindow.show();
                }), () -> stage, looks::style, kept, 1100, 720), session);
        ExportViewModel exportModel = new ExportViewModel(new ExportWork(PythonTorch.system()), executors.files,
                executors.compute, Platform::runLater, notifier, environment.folders().projects());
        tasks.track(exportModel.work());
        export = new ExportWindow(exportModel, new ToolWindow("Export", "export",
                () -> new ExportView(exportModel, PathChooser.system(), id -> {
                    main.show(Area.MODEL);
                    editor.showNode(id);
                }), () -> stage, looks::style, kept, 760, 640), session);
        ImportViewModel importModel = new ImportViewModel(executors.compute, executors.files, Platform::runLater,
                this::openImported, this::useImported);
        tasks.track(importModel.reading());
        tasks.track(importModel.writing());
        importWindow = new ToolWindow("Import a model", "import", () -> new ImportView(importModel,
                PathChooser.system(), name -> ProjectFileChooser.chooseNew(stage, "Save the imported model as a project",
                environment.folders().projects(), name), looks.themeProperty()), () -> stage, looks::style, kept,
                1100, 720);
        GoalsViewModel goals = new GoalsViewModel(session, executors.files, Platform::runLater);
        learning.dashboard().addTab("Assignment", new GoalsPanel(goals));
        learning.dashboard().viewModel().phaseProperty().addListener((o, was, is) -> {
            if (was != null && was.isActive() && !is.isActive()) {
                goals.runsMayHaveChanged();
            }
        });
        assignmentWindow = new ToolWindow("Assignment", "assignment", () -> {
            assignmentEditor = new AssignmentEditorView(() -> session.project().assignment(),
                    a -> session.updateSettings(p -> p.withAssignment(a),
                            a.isPresent() ? "Edit the assignment" : "Remove the assignment"));
            return assignmentEditor;
        }, () -> stage, looks::style, kept, 860, 780);
        handIn = new HandInAction(session, executors.files, Platform::runLater, () -> stage, this::inform);
        shortcutsWindow = new ToolWindow("Keyboard shortcuts", "shortcuts", ShortcutsView::new, () -> stage,
                looks::style, kept, 700, 760);
        tasksWindow = new ToolWindow("Background tasks", "tasks", () -> new TaskListView(tasks, executors.taskWaiters),
                () -> stage, looks::style, kept, 640, 380);

        InterruptedRunOffer runOffer = new InterruptedRunOffer(InterruptedRun::find, executors.files,
                Platform::runLater, run -> {
                    showArea(Area.TRAIN);
                    learning.dashboard().viewModel().continueRun(run.folder(), run.epochsDone(),
                            run.epochs() - run.epochsDone());
                });
        session.fileProperty().addListener((obs, was, is) -> runOffer.projectOpened(is));
        main.addBanner(new InterruptedRunBanner(runOffer));

        session.addListener(() -> dataChoice.projectDidChange(session.project(), session.file()));
        dataChoice.projectDidChange(session.project(), session.file());

        StackPane root = new StackPane();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        scene = new Scene(root, Math.min(WIDTH, screen.getWidth() * 0.95), Math.min(HEIGHT, screen.getHeight() * 0.92));
        looks.style(scene);
        stage.setScene(scene);
        kept.keep(stage, "main", WIDTH, HEIGHT, MIN_WIDTH, MIN_HEIGHT);
        StartScreenView startView = new StartScreenView(startModel);
        startView.setOnSettings(this::openSettings);
        startView.setOnImport(() -> importWindow.show());
        screens = new Screens(stage, root, startModel, startView, main, session, editor, autosave,
                () -> looks.settingsProperty().get().autosaveSeconds());
        editor.files().setNewProject(screens::newProject);
        editor.files().setDefaultFolder(environment.folders().projects());
        closing = new WindowClosing(stage, learning.actions(), screens, editor, autosave,
                List.of(referenceWindow, check.window(), export.window(), importWindow, assignmentWindow,
                        shortcutsWindow, tasksWindow));
        looks.settingsProperty().addListener((obs, was, is) -> screens.autosaveIntervalChanged(is.autosaveSeconds()));
        stage.focusedProperty().addListener((obs, was, is) -> {
            if (!is && screens.isMainShowing()) {
                autosave.autosaveNow();
            }
        });
        loaded.notice().ifPresent(notice -> Platform.runLater(() -> inform("Settings", notice)));
    }

    /**
     * Once the engine has loaded, measures the samples' training times on this computer in the background (once
     * per machine: remembered in the config folder); a training the student starts stops it.
     */
    private void measureSampleTimes(AppEnvironment environment, StartScreenViewModel startModel) {
        engine.stateProperty().addListener((o, was, state) -> {
            Optional<EngineInfo> loaded = engine.infoProperty().get();
            if ((state == EngineStatus.State.READY || state == EngineStatus.State.UNVERIFIED) && loaded.isPresent()
                    && !learning.actions().runningProperty().get()) {
                EngineInfo info = loaded.get();
                String machine = MachineKey.current(info.djlVersion(), info.pytorchVersion()).digest();
                startModel.estimateTimes(environment.sampleTimes(),
                        new SampleTimeCache(environment.folders().sampleTimesFile(), machine), executors.estimates);
            }
        });
        learning.actions().runningProperty().addListener((o, was, running) -> {
            if (running) {
                startModel.cancelEstimates();
            }
        });
    }

    /**
     * THE factory of the main window's four areas: Data and Model here, Train and Inspect (with the
     * training-health view, the coach and the event pump that feeds them) in {@link LearningAreas}.
     */
    private WorkAreas createAreas() {
        return new WorkAreas(new DataAreaView(dataChoice, PathChooser.system(), notifier), editor, learning.dashboard(),
                learning.inspect());
    }

    /** The status bar's task button: the list of background tasks, with Cancel and Stop. */
    private void showTaskList() {
        tasksWindow.show();
    }

    private void showArea(Area area) {
        screens.showArea(area);
    }

    /** Shows the start screen, or the main window with the project of {@code options}. */
    void show(LaunchOptions options) {
        if (options.dark()) {
            looks.apply(looks.settingsProperty().get().withTheme(Theme.DARK));
        }
        if (options.screenshots().isPresent()) {
            new WorkbenchScreenshots(probe()).write(options.screenshots().get(), options.sample().orElse("spirals"));
            return;
        }
        if (options.project().isPresent()) {
            screens.showMain();
            screens.openProject(options.project().get());
        } else {
            screens.showStartScreen();
        }
        options.node().ifPresent(editor::showNode);
        stage.show();
        options.layer().ifPresent(kind -> {
            referenceModel.selectKind(kind);
            referenceWindow.show();
        });
        options.screenshot().ifPresent(png -> new ScreenshotWriter(
                options.layer().isPresent() ? referenceWindow.scene().orElseThrow() : scene, png, tasks.busyProperty(),
                Platform::exit).start());
    }

    /** What the tests and the screenshots command reach in this window. */
    WorkbenchProbe probe() {
        return new WorkbenchProbe(stage, scene, engine, session, editor, main, learning, autosave, looks, tasks, screens,
                check, closing, tasksWindow);
    }

    /**
     * Ends the event pump and the executors; pending recovery writes or deletes get two seconds to finish. The app
     * calls it on the JavaFX thread; a test may call it from its own, and then the pump's timer and the window
     * listeners are let go on the JavaFX thread (an animation timer stopped from another thread can break
     * JavaFX's next pulse).
     */
    void shutdown() {
        Runnable letGoOfTheWindow = () -> {
            learning.stop();
            looks.stopFollowing();
        };
        if (Platform.isFxApplicationThread()) {
            letGoOfTheWindow.run();
        } else {
            Platform.runLater(letGoOfTheWindow);
        }
        kept.close();
        autosave.release();
        executors.shutdown();
    }

    private void openSettings() {
        new SettingsDialog(stage, looks.settingsProperty().get(), engine.infoProperty().get()).showAndWait()
                .ifPresent(looks::save);
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

    /** What the start screen's choices do. */
    private final class StartActions implements StartScreenViewModel.Actions {
        @Override
        public void openProject(Path file) {
            screens.openProject(file);
        }

        @Override
        public void openNew(Project project) {
            screens.openNew(project);
        }

        @Override
        public void restore(RecoveryStore.Snapshot snapshot) {
            screens.restore(snapshot);
        }
    }

    /** Opens a project the import wrote (asking first about unsaved changes) in the Model area; the window closes. */
    private void openImported(Path file) {
        importWindow.close();
        editor.files().openIfConfirmed(file);
        screens.showArea(Area.MODEL);
    }

    /**
     * Puts an imported network in place of the open one (one undoable step) and its training settings into the
     * project (another), then shows it in the Model area; the window closes.
     */
    private void useImported(ImportedModel imported) {
        importWindow.close();
        String name = "Import " + imported.source();
        editor.editor().perform(ImportEdit.replacing(editor.editor().graph(), imported.graph().orElseThrow(), name),
                name);
        session.updateSettings(project -> imported.settings().apply(project), "Use the imported training settings");
        screens.showArea(Area.MODEL);
        Platform.runLater(editor::fit);
    }

    /** What the app's menu items do. */
    private final class MenuCommands implements AppMenus.Commands {
        @Override
        public void showArea(Area area) {
            main.show(area);
        }

        @Override
        public void showStartScreen() {
            screens.backToStartScreen();
        }

        @Override
        public void openSettings() {
            Workbench.this.openSettings();
        }

        @Override
        public void checkNetwork() {
            check.checkOpenProject();
        }

        @Override
        public void exportNetwork() {
            export.open();
        }

        @Override
        public void importModel() {
            importWindow.show();
        }

        @Override
        public void editAssignment() {
            if (assignmentEditor != null) {
                assignmentEditor.load();
            }
            assignmentWindow.show();
        }

        @Override
        public void handIn() {
            Workbench.this.handIn.start();
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
            closing.quit();
        }
    }
}
