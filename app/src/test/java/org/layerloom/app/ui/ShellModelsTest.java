package org.layerloom.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;
import org.layerloom.app.LaunchOptions;

/** The shell's small models without a toolkit: background tasks, the quit rule, launch options. */
class ShellModelsTest {

    @Test
    void background_tasks_name_the_first_running_one_with_its_detail_and_count_the_rest() {
        BackgroundTasks tasks = new BackgroundTasks();
        SimpleBooleanProperty reading = new SimpleBooleanProperty(false);
        SimpleBooleanProperty loading = new SimpleBooleanProperty(false);
        SimpleStringProperty progress = new SimpleStringProperty("");
        tasks.track("Reading the project", reading, null);
        tasks.track("Loading the dataset", loading, progress);
        assertThat(tasks.busyProperty().get()).isFalse();
        assertThat(tasks.summaryProperty().get()).isEmpty();

        loading.set(true);
        progress.set("Downloading MNIST (40 %)");
        assertThat(tasks.summaryProperty().get()).isEqualTo("Downloading MNIST (40 %)");
        reading.set(true);
        assertThat(tasks.summaryProperty().get()).isEqualTo("Reading the project…  (+1 more)");

        reading.set(false);
        loading.set(false);
        assertThat(tasks.busyProperty().get()).isFalse();
    }

    @Test
    void a_running_training_is_asked_about_before_unsaved_work_and_a_no_keeps_the_window() {
        SimpleBooleanProperty running = new SimpleBooleanProperty(true);
        TrainingActions training = new RunningTraining(running);
        AtomicInteger unsavedAsked = new AtomicInteger();

        AtomicInteger closed = new AtomicInteger();

        new QuitGuard(training, () -> false, close -> {
            unsavedAsked.incrementAndGet();
            close.run();
        }).ifMayClose(closed::incrementAndGet);
        assertThat(unsavedAsked).hasValue(0);
        assertThat(closed).hasValue(0);

        new QuitGuard(training, () -> true, Runnable::run).ifMayClose(closed::incrementAndGet);
        assertThat(closed).hasValue(1);
        running.set(false);
        new QuitGuard(training, () -> {
            throw new AssertionError("nothing runs: no question about training");
        }, close -> { }).ifMayClose(closed::incrementAndGet);
        assertThat(closed).as("the student cancelled the question about unsaved work").hasValue(1);
    }

    @Test
    void the_idle_training_actions_never_run_and_stop_at_once() {
        TrainingActions idle = TrainingActions.idle();
        idle.start();
        assertThat(idle.runningProperty().get()).isFalse();
        assertThat(idle.stopAndWait(java.time.Duration.ZERO)).isTrue();
    }

    @Test
    void launch_options_survive_the_trip_through_javafx_parameters() {
        LaunchOptions options = LaunchOptions.none().withProject(Path.of("a.loom")).withDarkTheme(true)
                .withNode("dense1").withScreenshots(Path.of("shots"), "spirals");
        java.util.Map<String, String> named = new java.util.HashMap<>();
        for (String arg : options.toArgs()) {
            String[] kv = arg.substring(2).split("=", 2);
            named.put(kv[0], kv[1]);
        }

        assertThat(LaunchOptions.fromNamed(named)).isEqualTo(new LaunchOptions(
                java.util.Optional.of(Path.of("a.loom").toAbsolutePath()), java.util.Optional.empty(),
                java.util.Optional.empty(), true, java.util.Optional.of("dense1"),
                java.util.Optional.of(Path.of("shots").toAbsolutePath()), java.util.Optional.of("spirals")));
    }

    /** Training actions whose running state the test sets. */
    private record RunningTraining(SimpleBooleanProperty running) implements TrainingActions {
        @Override
        public void start() {
        }

        @Override
        public void pause() {
        }

        @Override
        public void resume() {
        }

        @Override
        public void stop() {
        }

        @Override
        public javafx.beans.property.ReadOnlyBooleanProperty runningProperty() {
            return running;
        }

        @Override
        public javafx.beans.property.ReadOnlyBooleanProperty pausedProperty() {
            return new SimpleBooleanProperty(false);
        }

        @Override
        public boolean stopAndWait(java.time.Duration timeout) {
            return true;
        }
    }
}
