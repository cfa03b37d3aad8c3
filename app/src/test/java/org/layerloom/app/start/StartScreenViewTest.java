package org.layerloom.app.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.app.workspace.RecoveryStore;
import org.layerloom.app.workspace.UserFolders;
import org.layerloom.editor.model.RecentFiles;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.engine.testing.TestProjects;
import org.layerloom.samples.SampleCatalog;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The start screen with real samples, a recent project that is gone and work left by a crash. */
@ExtendWith(ApplicationExtension.class)
class StartScreenViewTest {

    @TempDir
    static Path home;

    private final List<Object> opened = new ArrayList<>();
    private Path chosen;
    private Scene scene;
    private UserFolders folders;
    private StartScreenViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        folders = UserFolders.forHome(home.resolve("user" + System.nanoTime()), "Linux", Map.of());
        RecentFiles recent = new RecentFiles(Optional.of(folders.recentFile()));
        Path gone = Files.createDirectories(folders.projects()).resolve("old-experiment.loom");
        ProjectFiles.save(TestProjects.mlp(), gone);
        recent.add(gone);
        Files.delete(gone);
        Path kept = folders.projects().resolve("digits.loom");
        ProjectFiles.save(TestProjects.mlp(), kept);
        recent.add(kept);
        RecoveryStore recovery = new RecoveryStore(folders);
        recovery.newSlot().write(TestProjects.moons(3).withName("Moons experiment"), Optional.empty(),
                java.time.Instant.now(), 0);
        model = new StartScreenViewModel(SampleCatalog.standard(), recent, recovery,
                folders.projects(), Runnable::run, Runnable::run, new StartScreenViewModel.Actions() {
                    @Override
                    public void openProject(Path file) {
                        opened.add(file);
                    }

                    @Override
                    public void openNew(Project project) {
                        opened.add(project);
                    }

                    @Override
                    public void restore(RecoveryStore.Snapshot snapshot) {
                        opened.add(snapshot);
                    }
                });
        StartScreenView view = new StartScreenView(model, new org.layerloom.app.data.PathChooser() {
            @Override
            public Optional<Path> chooseFile(javafx.scene.Node owner, String title, String kinds, List<String> extensions,
                                             Path start) {
                return Optional.ofNullable(chosen);
            }

            @Override
            public Optional<Path> chooseFolder(javafx.scene.Node owner, String title, Path start) {
                return Optional.ofNullable(chosen);
            }
        });
        view.setOnSettings(() -> opened.add("settings"));
        scene = new Scene(view, 1260, 780);
        scene.getStylesheets().add(getClass().getResource("/org/layerloom/app/ui/layerloom.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void every_sample_has_a_card_and_opening_one_opens_a_copy_in_the_users_folder(FxRobot robot) throws Exception {
        writeScreenshot("start-screen.png");
        assertThat(robot.lookup(".sample-card").queryAll()).hasSize(SampleCatalog.standard().samples().size());

        robot.clickOn("#open-sample-spirals");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(opened).singleElement().isEqualTo(folders.projects().resolve("spirals.loom"));
        assertThat(ProjectFiles.load(folders.projects().resolve("spirals.loom")).name()).isEqualTo("Spiral classifier");
    }

    @Test
    void a_card_shows_the_laptop_figure_until_this_computer_s_time_arrives(FxRobot robot) throws Exception {
        org.layerloom.samples.Sample spirals = SampleCatalog.standard().samples().stream()
                .filter(s -> s.id().equals("spirals")).findFirst().orElseThrow();
        org.layerloom.samples.Sample downloaded = SampleCatalog.standard().samples().stream()
                .filter(org.layerloom.samples.Sample::download).findFirst().orElseThrow();
        Label time = robot.lookup("#time-spirals").queryAs(Label.class);
        assertThat(time.getText()).endsWith("on a typical laptop");
        List<String> measured = new java.util.concurrent.CopyOnWriteArrayList<>();
        SampleTimeEstimator fake = (sample, cancelled) -> {
            measured.add(sample.id());
            return java.util.OptionalDouble.of(sample.id().equals("spirals") ? 2.6 : 0.3);
        };
        SampleTimeCache cache = new SampleTimeCache(folders.sampleTimesFile(), "test");

        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> model.estimateTimes(fake, cache, Runnable::run));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(time.getText()).isEqualTo("about 3 min on this computer");
        assertThat(robot.lookup("#time-" + downloaded.id()).queryAs(Label.class).getText()).endsWith("on a typical laptop");
        assertThat(measured).contains("spirals").doesNotContain(downloaded.id());
        assertThat(cache.minutes("spirals")).hasValue(2.6);
        writeScreenshot("start-screen-measured-times.png");

        measured.clear();
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> model.estimateTimes(fake, cache, Runnable::run));
        assertThat(measured).as("remembered, not measured again").isEmpty();
        assertThat(spirals.minutesOnLaptop()).isPositive();
    }

    @Test
    void settings_are_reachable_from_the_start_screen_by_link_and_shortcut(FxRobot robot) {
        robot.clickOn("#start-settings");
        assertThat(opened).containsExactly("settings");

        robot.clickOn(".tagline").press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.COMMA)
                .release(javafx.scene.input.KeyCode.COMMA, javafx.scene.input.KeyCode.CONTROL);
        assertThat(opened).containsExactly("settings", "settings");
    }

    @Test
    void a_missing_recent_project_is_marked_and_explained_when_clicked(FxRobot robot) {
        robot.clickOn("old-experiment.loom  (missing)");

        assertThat(opened).isEmpty();
        assertThat(robot.lookup(".start-message").queryAs(Label.class).getText())
                .contains("old-experiment.loom").contains("no longer there");
    }

    @Test
    void a_new_cnn_asks_for_its_data_first_and_fits_the_pictures(FxRobot robot) throws Exception {
        robot.clickOn("#new-cnn");

        assertThat(opened).as("nothing opens before the data is chosen").isEmpty();
        assertThat(robot.lookup("#new-project").query().isVisible()).isTrue();
        assertThat(robot.lookup("#new-data-digits").queryAs(javafx.scene.control.ToggleButton.class).isSelected())
                .as("a CNN starts on the built-in pictures").isTrue();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#new-data-moons")
                .lookup((javafx.scene.Node n) -> n instanceof javafx.scene.canvas.Canvas).tryQuery().isPresent());
        writeScreenshot("new-project-light.png");
        robot.interact(() -> scene.getStylesheets().add(getClass().getResource("/org/layerloom/app/ui/layerloom-dark.css")
                .toExternalForm()));
        WaitForAsyncUtils.waitForFxEvents();
        writeScreenshot("new-project-dark.png");

        robot.interact(() -> robot.lookup("#new-project-create").queryAs(javafx.scene.control.Button.class).fire());

        assertThat(opened).singleElement().isInstanceOfSatisfying(Project.class, p -> {
            assertThat(p.name()).isEqualTo("My CNN");
            assertThat(p.dataset().source()).isEqualTo("digits");
            assertThat(p.graph().nodesOfKind(org.layerloom.engine.graph.LayerKind.CONV2D)).hasSize(1);
            assertThat(p.graph().nodesOfKind(org.layerloom.engine.graph.LayerKind.INPUT).get(0).params()
                    .dims("shape")).containsExactly(1, 28, 28);
        });
    }

    @Test
    void own_csv_data_gives_the_new_network_its_inputs_and_classes_and_rules_out_the_cnn(FxRobot robot)
            throws Exception {
        Path table = Files.writeString(home.resolve("fruit.csv"), "weight,width,height,colour,fruit\n"
                + "150,7.1,7.3,1,apple\n120,6.0,6.2,2,pear\n170,7.5,7.8,1,apple\n110,5.9,6.5,2,pear\n"
                + "160,7.2,7.0,1,apple\n115,6.1,6.4,3,lemon\n130,6.5,6.6,3,lemon\n125,6.3,6.1,3,lemon\n");
        chosen = table;
        robot.clickOn("#new-blank");
        robot.interact(() -> robot.lookup("#new-data-csv").queryAs(javafx.scene.control.ToggleButton.class).fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#new-project-shape").queryAs(Label.class)
                .getText().contains("4 numbers"));
        assertThat(robot.lookup("#new-template-cnn").query().isDisable()).isTrue();
        robot.interact(() -> robot.lookup("#new-template-mlp").queryAs(javafx.scene.control.ToggleButton.class).fire());
        robot.interact(() -> robot.lookup("#new-project-create").queryAs(javafx.scene.control.Button.class).fire());

        assertThat(opened).singleElement().isInstanceOfSatisfying(Project.class, p -> {
            assertThat(p.dataset().options().get("path")).isEqualTo(table.toAbsolutePath().toString());
            var input = p.graph().nodesOfKind(org.layerloom.engine.graph.LayerKind.INPUT).get(0);
            assertThat(input.params().dims("shape")).containsExactly(4);
            var dense = p.graph().nodesOfKind(org.layerloom.engine.graph.LayerKind.DENSE);
            assertThat(dense.get(dense.size() - 1).params().intValue("units")).isEqualTo(3);
        });
    }

    @Test
    void work_left_by_a_crash_is_offered_for_restore(FxRobot robot) {
        assertThat(robot.lookup(".recovery-banner").queryAll()).hasSize(1);

        robot.clickOn("#restore-work");

        assertThat(opened).singleElement().isInstanceOfSatisfying(RecoveryStore.Snapshot.class,
                s -> assertThat(s.project().name()).isEqualTo("Moons experiment"));
        assertThat(robot.lookup(".recovery-banner").queryAll()).isEmpty();
    }

    private void writeScreenshot(String name) throws Exception {
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", target.toFile());
                done.complete(null);
            } catch (Exception e) {
                done.completeExceptionally(e);
            }
        });
        done.get(30, TimeUnit.SECONDS);
    }
}
