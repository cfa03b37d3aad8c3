package org.layerloom.app.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerloom.app.fx.EventPump;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.engine.train.event.TrainingEvent;
import org.layerloom.engine.train.history.RunSummary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A student makes a trained run smaller and learns from it, through the real windows: Make it smaller prunes with
 * the slider (per-layer bars), Fine-tune 1 epoch trains the pruned run in the Train area with its charts, and
 * "Learn from a run…" trains a new run with the first as its teacher. Screenshots light and dark.
 */
@ExtendWith(ApplicationExtension.class)
class GuidedRunsViewTest {

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final EventPump<TrainingEvent> pump = new EventPump<>();
    private final AtomicReference<TrainableProject> project = new AtomicReference<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "guided-test-background");
        t.setDaemon(true);
        return t;
    });
    private TrainingDashboardView view;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("guided-test");
        Path file = dir.resolve("spirals.loom");
        Project spirals = ProjectFiles.load(Files.copy(Path.of("../samples/projects/spirals.loom"), file));
        spirals = spirals.withTraining(spirals.training().withEpochs(3));
        ProjectFiles.save(spirals, file);
        project.set(new TrainableProject(spirals, file));
        view = new TrainingDashboardView(pump, project::get, background, run -> { }, null, theme);
        scene = new Scene(view, 1280, 800);
        DashboardScreenshots.theme(scene, theme, false);
        stage.setScene(scene);
        stage.show();
        pump.start();
    }

    @AfterEach
    void stop() {
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> {
            view.viewModel().stop();
            pump.stop();
        });
        background.shutdownNow();
    }

    private static void await(int seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.waitFor(
                WaitForAsyncUtils.asyncFx(condition::getAsBoolean)));
    }

    private DashboardPhase phase() {
        return view.viewModel().phaseProperty().get();
    }

    private boolean ended() {
        return phase() == DashboardPhase.FINISHED || phase() == DashboardPhase.FAILED;
    }

    @Test
    void a_run_is_pruned_fine_tuned_in_the_train_area_and_teaches_a_new_run(FxRobot robot) throws Exception {
        robot.clickOn("#train-button");
        await(120, this::ended);
        assertThat(phase()).as(view.viewModel().messageProperty().get()).isEqualTo(DashboardPhase.FINISHED);

        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> view.showTab(1));
        await(30, () -> view.historyModel().runs().size() == 1);
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> view.historyView().table().getSelectionModel().select(0));
        robot.clickOn("#history-smaller-button");
        await(30, () -> window("Make it smaller") != null);
        Scene smaller = window("Make it smaller").getScene();
        await(60, () -> ((Label) smaller.lookup("#prune-summary")).getText().startsWith("Pruned 0 %"));
        Slider slider = (Slider) smaller.lookup("#prune-slider");
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> slider.setValue(80));
        await(60, () -> ((Label) smaller.lookup("#prune-summary")).getText().startsWith("Pruned 80 %")
                && !((Label) smaller.lookup("#prune-summary")).getText().contains("subset"));
        assertThat(((Label) smaller.lookup("#prune-summary")).getText()).contains("non-zero");
        DashboardScreenshots.save(smaller, "make-smaller-light");
        DashboardScreenshots.theme(smaller, theme, true);
        DashboardScreenshots.save(smaller, "make-smaller-dark");
        DashboardScreenshots.theme(smaller, theme, false);

        // Fired rather than clicked: the robot's click may land on the main window stacked above this one.
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> robot.from(smaller.getRoot()).lookup("#fine-tune-button")
                .queryButton().fire());
        Label said = (Label) smaller.lookup("#make-smaller-message");
        await(60, () -> said.getText().startsWith("Saved") || said.getText().startsWith("That did not work"));
        assertThat(said.getText()).contains("fine-tuning for one epoch in the Train area");
        await(120, this::ended);
        assertThat(phase()).as(view.viewModel().messageProperty().get()).isEqualTo(DashboardPhase.FINISHED);
        assertThat(view.viewModel().resultProperty().get().epochsDone()).isEqualTo(1);
        DashboardScreenshots.save(scene, "fine-tuned-live-light");
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> window("Make it smaller").hide());

        robot.clickOn("#learn-from-button");
        await(30, () -> robot.lookup("#teacher-run").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<TeacherDialog.Candidate> runs = robot.lookup("#teacher-run").queryAs(ComboBox.class);
        assertThat(runs.getItems()).hasSize(3); // the run, its pruned copy and the fine-tuned run
        RunSummary original = view.historyModel().runs().stream().filter(r -> r.epochsDone() == 3).findFirst()
                .orElseThrow();
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> runs.setValue(runs.getItems().stream()
                .filter(c -> c.folder().equals(original.folder())).findFirst().orElseThrow()));
        assertThat(robot.lookup("#teacher-formula").queryAs(Label.class).getText())
                .contains("0.90 · T² · KL", "T = 4.0", "0.10 · cross-entropy");
        DashboardScreenshots.save(runs.getScene(), "teacher-dialog-light");
        robot.clickOn("Train with this teacher");
        await(60, () -> phase().isActive());
        // The loss chart says what the training curve measures: not the labels' loss, which validation keeps.
        assertThat(view.charts().lossChart().model().label("batch")).isEqualTo("training (distillation loss), per batch");
        assertThat(view.charts().lossChart().model().label("validation")).isEqualTo("validation");
        assertThat(view.charts().accuracyChart().model().label("batch")).isEqualTo("training, per batch");
        await(180, this::ended);
        assertThat(phase()).as(view.viewModel().messageProperty().get()).isEqualTo(DashboardPhase.FINISHED);

        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> view.showTab(1));
        await(30, () -> view.historyModel().runs().size() == 4);
        String manifest = Files.readString(view.historyModel().runs().stream()
                .map(RunSummary::folder).sorted().reduce((a, b) -> b).orElseThrow().resolve("manifest.json"));
        assertThat(manifest).contains("\"teacher\" : \"" + original.id() + "\"");
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> view.historyView().table().getSelectionModel().clearSelection());
        DashboardScreenshots.save(scene, "guided-history-light");
        DashboardScreenshots.theme(scene, theme, true);
        DashboardScreenshots.save(scene, "guided-history-dark");
    }

    private static Window window(String titleStart) {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().startsWith(titleStart) && w.isShowing()).findFirst().orElse(null);
    }
}
