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
import org.layerloom.app.workspace.Autosaver;
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
    private Scene scene;
    private UserFolders folders;

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
        new Autosaver(recovery.newSlot(), () -> Optional.of(new Autosaver.Work(
                TestProjects.moons(3).withName("Moons experiment"), Optional.empty())), Runnable::run,
                java.time.Clock.systemUTC()).autosave();
        StartScreenViewModel model = new StartScreenViewModel(SampleCatalog.standard(), recent, recovery,
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
        scene = new Scene(new StartScreenView(model), 1260, 780);
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
    void a_missing_recent_project_is_marked_and_explained_when_clicked(FxRobot robot) {
        robot.clickOn("old-experiment.loom  (missing)");

        assertThat(opened).isEmpty();
        assertThat(robot.lookup(".start-message").queryAs(Label.class).getText())
                .contains("old-experiment.loom").contains("no longer there");
    }

    @Test
    void a_new_cnn_from_the_template_opens_unsaved(FxRobot robot) {
        robot.clickOn("#new-cnn");

        assertThat(opened).singleElement().isInstanceOfSatisfying(Project.class,
                p -> assertThat(p.name()).isEqualTo("My CNN"));
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
