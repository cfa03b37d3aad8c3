package org.layerloom.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;

/** The status bar's models without a toolkit: the running tasks with their progress and cancel, the project line. */
class StatusModelsTest {

    @Test
    void a_task_is_listed_while_its_work_runs_follows_its_detail_and_progress_and_ends_done() {
        BackgroundTasks tasks = new BackgroundTasks();
        SimpleBooleanProperty running = new SimpleBooleanProperty(false);
        SimpleStringProperty detail = new SimpleStringProperty("");
        SimpleDoubleProperty progress = new SimpleDoubleProperty(-1);
        tasks.track(TaskSource.of("Loading the dataset", running).withDetail(detail).withProgress(progress));
        assertThat(tasks.running()).isEmpty();

        running.set(true);
        RunningTask task = tasks.running().get(0);
        assertThat(task.title()).isEqualTo("Loading the dataset");
        assertThat(task.cancellableProperty().get()).as("no way to cancel it was given").isFalse();
        assertThat(tasks.progressProperty().get()).as("unknown progress is indeterminate").isEqualTo(-1);
        detail.set("Loading mnist (40 %)");
        progress.set(0.4);
        assertThat(task.messageProperty().get()).isEqualTo("Loading mnist (40 %)");
        assertThat(task.progressProperty().get()).isEqualTo(0.4);
        assertThat(tasks.progressProperty().get()).isEqualTo(0.4);
        assertThat(tasks.summaryProperty().get()).isEqualTo("Loading mnist (40 %)");

        running.set(false);
        assertThat(tasks.running()).isEmpty();
        assertThat(task.endProperty().get()).isEqualTo(RunningTask.End.DONE);
        assertThat(tasks.progressProperty().get()).isZero();
        detail.set("changed after the end");
        assertThat(task.messageProperty().get()).as("an ended task no longer follows")
                .isEqualTo("Loading mnist (40 %)");

        running.set(true);
        assertThat(tasks.running()).singleElement().isNotSameAs(task);
    }

    @Test
    void cancel_asks_the_work_to_stop_only_while_it_may_and_the_task_ends_cancelled_when_the_work_has_stopped() {
        BackgroundTasks tasks = new BackgroundTasks();
        SimpleBooleanProperty running = new SimpleBooleanProperty(true);
        SimpleBooleanProperty stoppable = new SimpleBooleanProperty(false);
        AtomicInteger stops = new AtomicInteger();
        tasks.track(TaskSource.of("Training", running).cancelledBy("Stop", stops::incrementAndGet, stoppable));
        RunningTask task = tasks.running().get(0);
        assertThat(task.cancelText()).isEqualTo("Stop");

        task.cancel();
        assertThat(stops).as("not stoppable yet (the data is loading)").hasValue(0);
        stoppable.set(true);
        assertThat(task.cancellableProperty().get()).isTrue();
        task.cancel();
        assertThat(stops).hasValue(1);
        stoppable.set(false); // the run stops, then tests its network: still listed
        assertThat(tasks.running()).containsExactly(task);
        assertThat(task.endProperty().get()).isEqualTo(RunningTask.End.RUNNING);

        running.set(false);
        assertThat(task.endProperty().get()).isEqualTo(RunningTask.End.CANCELLED);
        assertThat(tasks.running()).isEmpty();
    }

    @Test
    void work_that_failed_ends_its_task_failed() {
        BackgroundTasks tasks = new BackgroundTasks();
        SimpleBooleanProperty running = new SimpleBooleanProperty(true);
        SimpleBooleanProperty failed = new SimpleBooleanProperty(false);
        tasks.track(TaskSource.of("Downloading a dataset", running).failedWhen(failed));
        RunningTask first = tasks.running().get(0);
        failed.set(true);
        running.set(false);
        assertThat(first.endProperty().get()).isEqualTo(RunningTask.End.FAILED);

        failed.set(false);
        running.set(true);
        RunningTask second = tasks.running().get(0);
        running.set(false);
        assertThat(second.endProperty().get()).isEqualTo(RunningTask.End.DONE);
    }

    @Test
    void the_summary_names_the_first_running_task_and_counts_the_others() {
        BackgroundTasks tasks = new BackgroundTasks();
        SimpleBooleanProperty reading = new SimpleBooleanProperty(false);
        SimpleBooleanProperty training = new SimpleBooleanProperty(false);
        SimpleStringProperty epoch = new SimpleStringProperty("Epoch 3 of 20 · batch 4 of 10");
        tasks.track("Reading the project", reading, null);
        tasks.track(TaskSource.of("Training", training).withDetail(epoch));

        training.set(true);
        reading.set(true);
        assertThat(tasks.summaryProperty().get()).isEqualTo("Reading the project…  (+1 more)");
        assertThat(tasks.running()).extracting(RunningTask::title).containsExactly("Training", "Reading the project");
        reading.set(false);
        assertThat(tasks.summaryProperty().get()).isEqualTo("Epoch 3 of 20 · batch 4 of 10");
    }

    @Test
    void the_project_line_says_whether_it_is_saved_when_and_when_unsaved_work_was_autosaved() {
        SimpleObjectProperty<Optional<Path>> file = new SimpleObjectProperty<>(Optional.empty());
        SimpleBooleanProperty dirty = new SimpleBooleanProperty(false);
        SimpleBooleanProperty writing = new SimpleBooleanProperty(false);
        SimpleStringProperty autosaved = new SimpleStringProperty("");
        Instant at = ZonedDateTime.of(2026, 12, 6, 14, 2, 31, 0, ZoneId.systemDefault()).toInstant();
        ProjectStatusLine line = new ProjectStatusLine(file, dirty, writing, autosaved,
                Clock.fixed(at, ZoneId.systemDefault()));

        assertThat(line.textProperty().get()).isEqualTo("Not saved yet");
        dirty.set(true);
        autosaved.set("Autosaved at 14:01:10");
        assertThat(line.textProperty().get()).isEqualTo("Not saved yet · autosaved at 14:01:10");

        writing.set(true);
        assertThat(line.textProperty().get()).isEqualTo("Saving the project…");
        writing.set(false);
        file.set(Optional.of(Path.of("moons.loom")));
        autosaved.set("");
        dirty.set(false);
        assertThat(line.textProperty().get()).isEqualTo("Project saved at 14:02");

        dirty.set(true);
        assertThat(line.textProperty().get()).isEqualTo("Unsaved changes");
        file.set(Optional.of(Path.of("other.loom")));
        dirty.set(false);
        assertThat(line.textProperty().get()).as("opened, not saved here").isEqualTo("Project saved");
    }
}
