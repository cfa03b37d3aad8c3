package org.layerloom.app.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.train.InterruptedRun;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The offer to continue a training that a crash cut short, shown when its project opens. */
@ExtendWith(ApplicationExtension.class)
class InterruptedRunBannerTest {

    @TempDir
    static Path dir;

    private final List<InterruptedRun> continued = new CopyOnWriteArrayList<>();
    private final List<Path> searched = new CopyOnWriteArrayList<>();
    private InterruptedRunOffer offer;
    private Path runFolder;

    @Start
    void start(Stage stage) throws Exception {
        runFolder = Files.createDirectories(dir.resolve("moons.runs").resolve("run-" + System.nanoTime()));
        Files.writeString(runFolder.resolve("manifest.json"), "{\"status\" : \"running\"}");
        InterruptedRun run = new InterruptedRun(runFolder, "moons", 3, 10, Instant.parse("2026-12-06T14:02:00Z"));
        offer = new InterruptedRunOffer(runsRoot -> {
            searched.add(runsRoot);
            return runsRoot.equals(dir.resolve("moons.runs")) ? List.of(run) : List.of();
        }, Runnable::run, Runnable::run, continued::add);
        stage.setScene(new Scene(new StackPane(new InterruptedRunBanner(offer)), 900, 120));
        stage.show();
    }

    @Test
    void opening_a_project_with_a_crashed_run_offers_to_continue_it(FxRobot robot) {
        assertThat(robot.lookup("#interrupted-run-banner").query().isVisible()).isFalse();

        robot.interact(() -> offer.projectOpened(Optional.of(dir.resolve("moons.loom"))));

        assertThat(searched).containsExactly(dir.resolve("moons.runs"));
        assertThat(robot.lookup("#interrupted-run-banner").query().isVisible()).isTrue();
        assertThat(robot.lookup("#interrupted-run-text").queryAs(Label.class).getText())
                .startsWith("Training of moons stopped unexpectedly at epoch 3 of 10 (checkpoint from ");
        robot.clickOn("#continue-interrupted-run");

        assertThat(continued).singleElement().satisfies(run -> {
            assertThat(run.folder()).isEqualTo(runFolder);
            assertThat(run.epochs() - run.epochsDone()).isEqualTo(7);
        });
        assertThat(robot.lookup("#interrupted-run-banner").query().isVisible()).isFalse();
    }

    @Test
    void dismiss_hides_the_offer_and_marks_the_run_so_it_is_not_offered_again(FxRobot robot) throws Exception {
        robot.interact(() -> offer.projectOpened(Optional.of(dir.resolve("moons.loom"))));

        robot.clickOn("#dismiss-interrupted-run");

        assertThat(continued).isEmpty();
        assertThat(robot.lookup("#interrupted-run-banner").query().isVisible()).isFalse();
        assertThat(Files.readString(runFolder.resolve("manifest.json"))).contains("\"status\" : \"interrupted\"");
    }

    @Test
    void a_project_without_crashed_runs_offers_nothing(FxRobot robot) {
        robot.interact(() -> offer.projectOpened(Optional.of(dir.resolve("spirals.loom"))));
        robot.interact(() -> offer.projectOpened(Optional.empty()));

        assertThat(robot.lookup("#interrupted-run-banner").query().isVisible()).isFalse();
        assertThat(offer.textProperty().get()).isEmpty();
    }

    @Test
    void the_offer_says_the_time_of_the_checkpoint_and_its_day_when_it_is_not_today() {
        InterruptedRun run = new InterruptedRun(dir, "digits", 4, 12, Instant.parse("2026-12-06T14:02:00Z"));
        ZoneId utc = ZoneOffset.UTC;

        assertThat(InterruptedRunOffer.describe(run, Instant.parse("2026-12-06T18:00:00Z"), utc)).isEqualTo(
                "Training of digits stopped unexpectedly at epoch 4 of 12 (checkpoint from 14:02).");
        assertThat(InterruptedRunOffer.describe(run, Instant.parse("2026-12-07T09:00:00Z"), utc)).isEqualTo(
                "Training of digits stopped unexpectedly at epoch 4 of 12 (checkpoint from yesterday at 14:02).");
    }
}
