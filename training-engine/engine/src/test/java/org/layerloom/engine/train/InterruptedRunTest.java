package org.layerloom.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ScheduleSettings;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.train.event.BatchEnded;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.TrainingEvent;

/**
 * A run folder that a crash left behind (manifest "running", its process gone, an intact checkpoint) is found as
 * interrupted and can be continued; finished, live, dismissed and damaged runs are not offered.
 */
class InterruptedRunTest {

    private static final DatasetChoice MOONS = DatasetChoice.of("moons").with("samples", 800).with("noise", 0.1);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** 640 training examples in batches of 32. */
    private static final int BATCHES_PER_EPOCH = 20;

    @TempDir
    Path runs;

    private TrainingJob job(int epochs) throws Exception {
        TrainingSettings settings = new TrainingSettings(OptimizerSettings.adam(0.01), ScheduleSettings.fixed(), 32,
                epochs, 0.2, 11, DeviceChoice.CPU);
        Dataset data = TrainingFixtures.load(MOONS, settings.seed(), settings.validationSplit(), 0);
        Project project = TrainingFixtures.project("moons", TrainingFixtures.mlp(new int[] {2}, 16, 2, 2), MOONS,
                settings);
        return TrainingJob.of(project, data, runs).withSettings(settings).withThreads(1);
    }

    /** Trains {@code job}, stopped after {@code batches} batches; returns the run folder. */
    private static Path trainAndStop(TrainingJob job, int batches) throws Exception {
        AtomicReference<TrainingSession> session = new AtomicReference<>();
        int[] seen = {0};
        TrainingSession started = TrainingSession.start(job, event -> {
            if (event instanceof BatchEnded && ++seen[0] == batches) {
                while (session.get() == null) {
                    Thread.onSpinWait();
                }
                session.get().control().stop();
            }
        });
        session.set(started);
        TrainingEvent end = TrainingFixtures.await(started);
        assertThat(end).as("%s", end).isInstanceOf(RunFinished.class);
        return Path.of(((RunFinished) end).runFolder());
    }

    /** Turns a stopped run into what a kill in its next epoch leaves: "running", no end, a process that is gone. */
    private static void crash(Path folder, long deadPid) throws Exception {
        ObjectNode manifest = (ObjectNode) JSON.readTree(folder.resolve("manifest.json").toFile());
        manifest.put("status", "running");
        manifest.remove("finished");
        ((ObjectNode) manifest.get("process")).put("pid", deadPid);
        Files.write(folder.resolve("manifest.json"), JSON.writeValueAsBytes(manifest));
    }

    private static long deadPid() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        return gone.pid();
    }

    @Test
    void a_run_cut_short_with_a_checkpoint_is_found_and_continues_to_its_last_epoch() throws Exception {
        Path folder = trainAndStop(job(3), BATCHES_PER_EPOCH + 5);
        assertThat(InterruptedRun.find(runs)).as("a run stopped by the student ended properly").isEmpty();
        assertThat(Files.readString(folder.resolve("manifest.json"))).contains("\"pid\" : " + ProcessHandle.current()
                .pid());

        crash(folder, deadPid());

        assertThat(InterruptedRun.find(runs)).singleElement().satisfies(run -> {
            assertThat(run.folder()).isEqualTo(folder);
            assertThat(run.projectName()).isEqualTo("moons");
            assertThat(run.epochsDone()).isEqualTo(1);
            assertThat(run.epochs()).isEqualTo(3);
        });

        InterruptedRun run = InterruptedRun.find(runs).get(0);
        TrainingEvent end = TrainingFixtures.await(TrainingSession.start(job(run.epochs())
                .withResumeFrom(run.folder()), e -> { }));
        assertThat(end).as("%s", end).isInstanceOf(RunFinished.class);
        assertThat(((RunFinished) end).epochsDone()).isEqualTo(3);
        assertThat(InterruptedRun.find(runs)).as("the continued run has ended").isEmpty();
    }

    @Test
    void live_dismissed_and_damaged_runs_are_not_offered() throws Exception {
        Path folder = trainAndStop(job(3), BATCHES_PER_EPOCH + 5);

        crash(folder, ProcessHandle.current().pid());
        assertThat(InterruptedRun.find(runs)).as("its process (this one) still runs").isEmpty();

        crash(folder, deadPid());
        InterruptedRun.find(runs).get(0).dismiss();
        assertThat(InterruptedRun.find(runs)).as("dismissed").isEmpty();
        assertThat(Files.readString(folder.resolve("manifest.json"))).contains("\"status\" : \"interrupted\"");

        crash(folder, deadPid());
        Files.writeString(folder.resolve("last.params"), "half written");
        assertThat(InterruptedRun.find(runs)).as("its checkpoint does not hold together").isEmpty();
    }

    @Test
    void a_run_killed_before_its_first_checkpoint_is_not_offered() throws Exception {
        Path folder = trainAndStop(job(3), BATCHES_PER_EPOCH + 5);
        crash(folder, deadPid());
        Files.delete(folder.resolve("resume.json"));

        assertThat(InterruptedRun.find(runs)).isEmpty();
    }
}
