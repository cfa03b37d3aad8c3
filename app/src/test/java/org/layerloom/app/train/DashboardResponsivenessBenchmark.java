package org.layerloom.app.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerloom.app.fx.EventPump;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.text.Numbers;
import org.layerloom.engine.train.event.TrainingEvent;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Is the JavaFX pulse steady while the MNIST CNN sample trains at full speed with the dashboard open?
 * Trains the CNN (Conv2D 32, pool, Conv2D 64, pool, Dense 64, Dense 10) for one epoch on generated
 * digits of MNIST's shape (1×28×28, 10 classes), started from the Train button, and records the gap
 * between pulses from the first batch to the end of the run; prints the longest gap, the 99th
 * percentile and the median, how many events the pump handed out in how many batches, and the CPU
 * time the JavaFX thread itself spent per pulse (which tells the dashboard's own cost apart from a
 * machine too busy to schedule the thread). Not part of
 * the default test run:
 * {@code mvn -o -pl app test -Dtest=DashboardResponsivenessBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.samples=N} sets the number of digits, default 6000).
 */
@ExtendWith(ApplicationExtension.class)
class DashboardResponsivenessBenchmark {

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);

    private final EventPump<TrainingEvent> pump = new EventPump<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bench-background");
        t.setDaemon(true);
        return t;
    });
    private final long[] gaps = new long[1_000_000];
    private final long[] cpu = new long[1_000_000];
    private volatile int gapCount;
    private volatile boolean recording;
    private TrainingDashboardView view;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("dashboard-bench");
        Path file = dir.resolve("mnist-cnn.loom");
        Project cnn = ProjectFiles.load(Path.of("../samples/projects/mnist-cnn.loom"));
        TrainingSettings t = cnn.training();
        int samples = Integer.getInteger("bench.samples", 6000);
        Project project = cnn.withDataset(DatasetChoice.of("digits").with("samples", samples))
                .withTraining(new TrainingSettings(t.optimizer(), t.schedule(), t.batchSize(), 1, t.validationSplit(),
                        t.seed(), t.device()));
        ProjectFiles.save(project, file);
        TrainableProject trainable = new TrainableProject(project, file);
        view = new TrainingDashboardView(pump, () -> trainable, background, p -> { }, new Label("coach"),
                theme);
        Scene scene = new Scene(view, 1280, 800);
        DashboardScreenshots.theme(scene, theme, false);
        stage.setScene(scene);
        stage.show();
        pump.start();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        new AnimationTimer() {
            private long last;
            private long lastCpu;

            @Override
            public void handle(long now) {
                long cpuNow = threads.getCurrentThreadCpuTime();
                if (recording && last != 0 && gapCount < gaps.length) {
                    cpu[gapCount] = cpuNow - lastCpu;
                    gaps[gapCount++] = now - last;
                }
                last = now;
                lastCpu = cpuNow;
            }
        }.start();
    }

    @Test
    void pulse_gaps_while_the_cnn_trains() throws Exception {
        long started = System.nanoTime();
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> view.viewModel().train());
        WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> view.charts().lossChart().model().series("batch").size() > 0);
        long firstBatch = System.nanoTime();
        long deliveredBefore = pump.delivered();
        long batchesBefore = pump.batches();
        recording = true;
        WaitForAsyncUtils.waitFor(1800, TimeUnit.SECONDS, () -> view.viewModel().resultProperty().get() != null
                || view.viewModel().phaseProperty().get() == DashboardPhase.FAILED);
        recording = false;
        double trainSeconds = (System.nanoTime() - firstBatch) / 1e9;
        int n = gapCount;
        long[] sorted = Arrays.copyOf(gaps, n);
        Arrays.sort(sorted);
        long[] cpuSorted = Arrays.copyOf(cpu, n);
        Arrays.sort(cpuSorted);
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        RunResult result = view.viewModel().resultProperty().get();
        System.out.printf("bench dashboard_pulse pulses=%d max_gap_ms=%.1f p99_gap_ms=%.1f median_gap_ms=%.1f"
                        + " events=%d event_batches=%d train_s=%.1f setup_s=%.1f batches=%d test_accuracy=%s%n",
                sorted.length, ms(sorted[sorted.length - 1]), ms(sorted[(int) Math.floor(0.99 * (sorted.length - 1))]),
                ms(sorted[sorted.length / 2]), pump.delivered() - deliveredBefore, pump.batches() - batchesBefore,
                trainSeconds, (firstBatch - started) / 1e9,
                view.charts().lossChart().model().series("batch").size(),
                result == null ? view.viewModel().messageProperty().get() : Numbers.percent(result.test().accuracy(), 1));
        System.out.printf("bench dashboard_pulse_cpu fx_cpu_per_pulse_max_ms=%.1f p99_ms=%.1f median_ms=%.2f"
                        + " load_average=%.1f cores=%d%n", ms(cpuSorted[n - 1]),
                ms(cpuSorted[(int) Math.floor(0.99 * (n - 1))]), ms(cpuSorted[n / 2]), load,
                Runtime.getRuntime().availableProcessors());
        WaitForAsyncUtils.waitForAsyncFx(5_000, pump::stop);
        background.shutdownNow();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
