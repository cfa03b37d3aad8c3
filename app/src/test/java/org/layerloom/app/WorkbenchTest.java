package org.layerloom.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.app.ui.Area;
import org.layerloom.app.workspace.RecoveryStore;
import org.layerloom.app.workspace.Settings;
import org.layerloom.app.workspace.SettingsStore;
import org.layerloom.app.workspace.UserFolders;
import org.layerloom.engine.graph.edit.GraphEdits;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.engine.testing.TestProjects;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real window through the composition root: the start screen, opening a sample, saving and
 * reopening from the recent list, the areas, the data choice, settings, autosave and restore after a
 * killed JVM, the layer reference and the network check.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchTest {

    @TempDir
    Path dir;

    private Stage stage;
    private UserFolders folders;
    private WorkbenchProbe probe;

    @RegisterExtension
    final WorkbenchFixture window = new WorkbenchFixture();

    @Start
    void start(Stage primary) {
        stage = primary;
        window.useStage(primary);
    }

    private void launch(FxRobot robot, LaunchOptions options) {
        if (folders == null) {
            folders = WorkbenchFixture.folders(dir);
        }
        AppEnvironment environment = WorkbenchFixture.environment(folders);
        probe = window.launch(environment, options);
    }

    /** The open project's network, selection and undo history. */
    private org.layerloom.editor.model.EditorViewModel network() {
        return probe.session().editor();
    }

    @Test
    void without_arguments_the_start_screen_shows_with_every_sample(FxRobot robot) {
        launch(robot, LaunchOptions.none());

        assertThat(robot.lookup("#start-screen").query().isVisible()).isTrue();
        assertThat(robot.lookup("#sample-cards").lookup(".sample-card").queryAll()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(stage.getTitle()).isEqualTo("LayerLoom");
    }

    @Test
    void a_sample_opens_as_a_copy_is_saved_and_reopens_from_the_recent_list(FxRobot robot) throws Exception {
        launch(robot, LaunchOptions.none());

        robot.clickOn("#open-sample-spirals");
        waitFor(() -> !network().graph().nodes().isEmpty());
        Path copy = probe.session().file().orElseThrow();
        assertThat(copy.getParent()).isEqualTo(folders.projects());
        assertThat(robot.lookup("#graph-canvas").lookup(".node-skin").queryAll()).hasSizeGreaterThan(3);
        assertThat(stage.getTitle()).isEqualTo("spirals.loom — LayerLoom");

        String first = network().graph().nodes().get(1).id();
        robot.interact(() -> network().perform(
                GraphEdits.rename(network().graph(), first, "Renamed layer"), "Rename"));
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.S)
                .release(javafx.scene.input.KeyCode.S, javafx.scene.input.KeyCode.CONTROL);
        waitFor(() -> !probe.session().isDirty());
        window.close();

        launch(robot, LaunchOptions.none());
        robot.clickOn(robot.lookup("#recent-projects").lookup(".recent-project").<Node>query());
        waitFor(() -> !network().graph().nodes().isEmpty());

        assertThat(probe.session().file()).contains(copy);
        assertThat(network().graph().requireNode(first).name()).isEqualTo("Renamed layer");
    }

    @Test
    void a_student_opens_a_sample_trains_it_sees_the_chart_move_and_inspects_the_run(FxRobot robot) throws Exception {
        launch(robot, LaunchOptions.none());
        robot.clickOn("#open-sample-spirals");
        waitFor(() -> !network().graph().nodes().isEmpty());

        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.DIGIT3)
                .release(javafx.scene.input.KeyCode.DIGIT3, javafx.scene.input.KeyCode.CONTROL);
        robot.clickOn("#train-button");
        var dashboard = probe.learning().dashboard();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> dashboard.chartedBatches() >= 5);
        int early = WaitForAsyncUtils.asyncFx(() -> dashboard.chartedBatches()).get();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> dashboard.chartedBatches() > early + 20);
        assertThat(probe.learning().actions().runningProperty().get()).isTrue();

        robot.clickOn("#stop-button");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> !probe.learning().actions().runningProperty().get());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> dashboard.viewModel().resultProperty().get() != null);
        Path runs = probe.session().file().orElseThrow().resolveSibling("spirals.runs");
        assertThat(Files.list(runs).toList()).hasSize(1);

        WhenShown.click(robot, "#open-run-button");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> probe.learning().inspect().model().summaryProperty().get() != null
                        && !probe.learning().inspect().model().busyProperty().get());
        assertThat(probe.mainWindow().areaProperty().get()).isEqualTo(Area.INSPECT);
    }

    @Test
    void the_area_bar_and_its_shortcuts_move_between_the_four_areas(FxRobot robot) throws Exception {
        launch(robot, LaunchOptions.none().withProject(TestProjects.write(TestProjects.mlp(), dir.resolve("mlp.loom"))));

        robot.clickOn("#area-train");
        assertThat(probe.mainWindow().areaProperty().get()).isEqualTo(Area.TRAIN);
        assertThat(robot.lookup("#train-area").query().isVisible()).isTrue();
        assertThat(robot.lookup("#editor-pane").query().isVisible()).isFalse();

        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.DIGIT4)
                .release(javafx.scene.input.KeyCode.DIGIT4, javafx.scene.input.KeyCode.CONTROL);
        assertThat(probe.mainWindow().areaProperty().get()).isEqualTo(Area.INSPECT);
        assertThat(robot.lookup("#inspect-area").query().isVisible()).isTrue();
        robot.clickOn("#area-model");
        assertThat(robot.lookup("#editor-pane").query().isVisible()).isTrue();
    }

    @Test
    void the_data_area_previews_the_projects_dataset_and_stores_a_new_choice(FxRobot robot) throws Exception {
        launch(robot, LaunchOptions.none());
        robot.clickOn("#open-sample-spirals");
        waitFor(() -> !network().graph().nodes().isEmpty());

        robot.clickOn("#area-data");
        waitFor(() -> robot.lookup(".page-title").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.isVisible() && l.getText().toLowerCase(java.util.Locale.ROOT).contains("spiral")));

        javafx.scene.control.TextArea options = robot.lookup("#data-options").queryAs(javafx.scene.control.TextArea.class);
        robot.interact(() -> options.setText(options.getText() + "noise = 0.15\n"));
        robot.clickOn("#data-use-button");

        Path file = probe.session().file().orElseThrow();
        waitFor(() -> ProjectFiles.load(file).dataset().options().containsKey("noise"));
        assertThat(ProjectFiles.load(file).dataset().options().get("noise")).isEqualTo(0.15);
        assertThat(probe.session().isDirty()).isFalse();
    }

    @Test
    void the_dark_theme_applies_to_the_whole_window_and_is_remembered(FxRobot robot) throws Exception {
        launch(robot, LaunchOptions.none().withProject(TestProjects.write(TestProjects.mlp(), dir.resolve("mlp.loom"))));

        robot.interact(() -> probe.editor().themeProperty().set(Theme.DARK));

        assertThat(probe.scene().getRoot().getStyleClass()).contains("theme-dark", "dark");
        assertThat(probe.scene().getStylesheets()).anyMatch(s -> s.endsWith("layerloom-dark.css"));
        assertThat(new SettingsStore(folders).load().settings().theme()).isEqualTo(Theme.DARK);
    }

    @Test
    void the_font_size_setting_scales_the_text_of_the_window(FxRobot robot) throws Exception {
        launch(robot, LaunchOptions.none());
        double before = robot.lookup(".card-title").queryAs(Label.class).getFont().getSize();

        robot.interact(() -> probe.applySettings(probe.settingsProperty().get().withFontSize(20)));

        assertThat(robot.lookup(".card-goal").queryAs(Label.class).getFont().getSize()).isEqualTo(20.0);
        assertThat(robot.lookup(".card-title").queryAs(Label.class).getFont().getSize())
                .isGreaterThan(before).isGreaterThan(20.0);
        writeScreenshot("start-screen-font-20.png");
    }

    @Test
    void the_settings_dialog_shortcuts_and_empty_areas_are_shown_in_the_dark_theme(FxRobot robot) throws Exception {
        launch(robot, LaunchOptions.none().withProject(TestProjects.write(TestProjects.mlp(), dir.resolve("mlp.loom"))));
        robot.interact(() -> {
            probe.setTheme(Theme.DARK);
            probe.mainWindow().show(Area.TRAIN);
        });
        writeScreenshot("train-empty-dark.png");

        robot.clickOn("Help").clickOn("Keyboard Shortcuts");
        Stage shortcuts = (Stage) robot.lookup("#shortcuts-view").query().getScene().getWindow();
        assertThat(shortcuts.getScene().getRoot().getStyleClass()).contains("theme-dark");
        writeScreenshot(shortcuts.getScene(), "shortcuts-dark.png");
        robot.interact(shortcuts::close);

        robot.clickOn("File").clickOn("Settings…");
        Node theme = robot.lookup("#settings-theme").query();
        // Every dialog follows the theme, the Settings dialog included, and its OK button is readable.
        assertThat(theme.getScene().getRoot().getStyleClass()).contains("theme-dark");
        javafx.scene.control.Button ok = (javafx.scene.control.Button) ((javafx.scene.control.DialogPane)
                theme.getScene().getRoot()).lookupButton(javafx.scene.control.ButtonType.OK);
        assertThat(ok.getTextFill()).isEqualTo(javafx.scene.paint.Color.WHITE);
        writeScreenshot(theme.getScene(), "settings-dark.png");
        robot.interact(() -> ((Stage) theme.getScene().getWindow()).close());
    }

    private void writeScreenshot(String name) throws Exception {
        writeScreenshot(probe.scene(), name);
    }

    private static void writeScreenshot(javafx.scene.Scene scene, String name) throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "screenshots"));
        java.util.concurrent.atomic.AtomicReference<javafx.scene.image.WritableImage> image =
                new java.util.concurrent.atomic.AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> image.set(scene.snapshot(null))).get(10, TimeUnit.SECONDS);
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image.get(), null), "png",
                folder.resolve(name).toFile());
    }

    @Test
    void unsaved_work_is_autosaved_and_the_snapshot_goes_once_it_is_saved(FxRobot robot) throws Exception {
        Path file = TestProjects.write(TestProjects.mlp(), dir.resolve("mlp.loom"));
        launch(robot, LaunchOptions.none().withProject(file));
        waitFor(() -> !network().graph().nodes().isEmpty());
        RecoveryStore recovery = new RecoveryStore(folders);

        String id = network().graph().nodes().get(1).id();
        robot.interact(() -> {
            network().perform(GraphEdits.rename(network().graph(), id, "Changed"),
                    "Rename");
            assertThat(probe.autosave().autosaveNow()).isTrue();
            assertThat(probe.autosave().autosaveNow()).as("nothing new to write").isFalse();
        });
        waitFor(() -> snapshots().size() == 1 && Files.readString(snapshots().get(0)).contains("Changed"));
        assertThat(recovery.leftBehind()).as("the work of a window still open is not left behind").isEmpty();
        assertThat(robot.lookup("#save-status").queryAs(Label.class).getText())
                .startsWith("Unsaved changes · autosaved at");

        robot.interact(() -> probe.session().save(() -> { }));
        waitFor(() -> recoveryFiles().isEmpty());
    }

    /** The files in the recovery folder: snapshots and journals. */
    private List<Path> recoveryFiles() throws java.io.IOException {
        if (!Files.isDirectory(folders.recovery())) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> files = Files.list(folders.recovery())) {
            return files.toList();
        }
    }

    /** The autosaved snapshots in the recovery folder. */
    private List<Path> snapshots() throws java.io.IOException {
        return recoveryFiles().stream().filter(f -> f.getFileName().toString().endsWith(".recovery.json")).toList();
    }

    /** A real crash: a second JVM autosaves and is killed; the next start offers the work and restores it. */
    @Test
    void after_a_killed_jvm_the_start_screen_offers_the_work_and_restores_it_unsaved(FxRobot robot) throws Exception {
        folders = WorkbenchFixture.folders(dir);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "org.layerloom.app.workspace.RecoveryStoreTest$AutosavingChild", folders.recovery().toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("autosaved"));
            assertThat(line).isEqualTo("autosaved");
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }

        launch(robot, LaunchOptions.none());
        assertThat(robot.lookup(".recovery-banner .label").queryAs(Label.class).getText())
                .contains("Unsaved spiral experiment").contains("never saved");
        robot.clickOn("#restore-work");

        assertThat(probe.isMainShowing()).isTrue();
        assertThat(network().graph().nodes()).hasSize(TestProjects.moons(3).graph().nodes().size());
        assertThat(probe.session().isDirty()).isTrue();
        assertThat(stage.getTitle()).startsWith("• ");
        // The restored work is autosaved in this window's slot; the killed JVM's slot is gone.
        waitFor(() -> snapshots().size() == 1 && new RecoveryStore(folders).leftBehind().isEmpty());
    }

    @Test
    void work_left_by_a_crashed_window_comes_back_over_its_saved_file_as_one_undo_step(FxRobot robot) throws Exception {
        Path file = TestProjects.write(TestProjects.mlp(), dir.resolve("mlp.loom"));
        launch(robot, LaunchOptions.none().withProject(file));
        waitFor(() -> !network().graph().nodes().isEmpty());
        String id = network().graph().nodes().get(1).id();
        String savedName = network().graph().requireNode(id).name();
        robot.interact(() -> {
            network().perform(GraphEdits.rename(network().graph(), id,
                    "Unsaved name"), "Rename");
            probe.autosave().autosaveNow();
            // After the autosave, only the journal keeps this edit.
            network().perform(GraphEdits.rename(network().graph(), id, "Journaled name"), "Rename");
        });
        waitFor(() -> snapshots().size() == 1);
        // The window dies without closing: no closeWork, the recovery files stay.
        window.abandon();

        launch(robot, LaunchOptions.none());
        assertThat(robot.lookup(".recovery-banner .label").queryAs(Label.class).getText())
                .contains("mlp.loom", "1 edit recovered from the journal, the last made today at ");
        robot.clickOn("#restore-work");

        assertThat(probe.session().file()).contains(file);
        assertThat(network().graph().requireNode(id).name()).isEqualTo("Journaled name");
        assertThat(probe.session().isDirty()).isTrue();
        robot.interact(() -> network().undoManager().undo());
        assertThat(network().graph().requireNode(id).name()).isEqualTo(savedName);
    }

    @Test
    void the_start_screen_menu_item_goes_back_and_lists_the_project(FxRobot robot) throws Exception {
        Path file = TestProjects.write(TestProjects.mlp(), dir.resolve("mlp.loom"));
        launch(robot, LaunchOptions.none().withProject(file));
        waitFor(() -> !network().graph().nodes().isEmpty());

        robot.clickOn("File").clickOn("Start Screen");

        assertThat(probe.isMainShowing()).isFalse();
        assertThat(robot.lookup("#recent-projects").lookup(".recent-project").queryAllAs(javafx.scene.control.Hyperlink.class))
                .extracting(javafx.scene.control.Hyperlink::getText).containsExactly("mlp.loom");
        assertThat(stage.getTitle()).isEqualTo("LayerLoom");
    }

    @Test
    void the_help_menu_leads_to_the_layer_reference_with_formulas(FxRobot robot) throws Exception {
        launch(robot, LaunchOptions.none().withProject(TestProjects.write(TestProjects.mlp(), dir.resolve("mlp.loom"))));

        robot.clickOn("Help").clickOn("Layer Reference");
        waitFor(() -> robot.lookup("#layer-search").tryQuery().map(n -> n.getScene().getWindow().isShowing())
                .orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#layer-search").write("conv");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(".layer-cell").match(LabeledMatchers.hasText("Conv2D")).<Node>query());

        waitFor(() -> label(robot, "#layer-title").equals("Conv2D"));
        assertThat(label(robot, "#layer-formula")).contains("size out = ⌊(H + 2p − k) / s⌋ + 1");
    }

    @Test
    void checking_an_invalid_network_lists_the_layers_and_the_fix(FxRobot robot) throws Exception {
        Path file = TestProjects.write(TestProjects.convOnVector(), dir.resolve("conv.loom"));
        launch(robot, LaunchOptions.none().withProject(file));
        waitFor(() -> !network().graph().nodes().isEmpty());

        robot.interact(probe::showProjectCheck);
        waitFor(() -> label(robot, "#project-status").contains("Not ready to train"));

        assertThat(robot.lookup("#node-table").queryAs(TableView.class).getItems()).hasSize(5);
        assertThat(robot.lookup("#problem-list").lookup(".problem-fix").queryAll())
                .extracting(n -> ((Label) n).getText())
                .containsExactly("Suggested fix: Insert a Reshape to (1, 28, 28)");
    }

    @Test
    void an_unreadable_project_is_explained_with_its_place(FxRobot robot) throws Exception {
        Path file = Files.writeString(dir.resolve("broken.loom"), "{\n  \"format\": 1,\n  \"name\": \"x\"\n  oops\n}\n");
        launch(robot, LaunchOptions.none());

        robot.interact(() -> probe.checkProject(file));
        waitFor(() -> robot.lookup("#project-error").tryQuery().map(Node::isVisible).orElse(false));

        assertThat(robot.lookup("#project-error").lookup(".location").queryAs(Label.class).getText())
                .startsWith("Where in the file: line 4");
    }

    @Test
    void the_status_bar_shows_the_engine_once_loaded(FxRobot robot) throws Exception {
        launch(robot, LaunchOptions.none().withProject(TestProjects.write(TestProjects.mlp(), dir.resolve("mlp.loom"))));

        waitFor(() -> label(robot, "#engine-status").equals("CPU, 2 threads"));
        assertThat(robot.lookup("#engine-status").queryAs(Label.class).getTooltip().getText())
                .startsWith("Engine ready").contains("PyTorch 2.7.1, CPU").contains("2 threads");
    }

    private static String label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
    }
}
