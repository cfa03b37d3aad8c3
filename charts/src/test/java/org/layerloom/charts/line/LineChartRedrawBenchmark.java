package org.layerloom.charts.line;

import java.util.Arrays;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Prints how long a live chart of 1,000,000 loss points (with its smoothed line, so 2,000,000 drawn
 * inputs) takes to thin and redraw, after one batch of new points as during training, when zoomed, and
 * with a log axis. Not part of the default test run:
 * {@code mvn -o -pl charts test -Dtest=LineChartRedrawBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@ExtendWith(ApplicationExtension.class)
class LineChartRedrawBenchmark {

    private static final int POINTS = 1_000_000;
    private static final int ROUNDS = 60;
    private LiveLineChartView chart;

    @Start
    void start(Stage stage) {
        chart = new LiveLineChartView("Loss", "epoch", "loss");
        stage.setScene(new Scene(chart, 1400, 500));
        stage.show();
    }

    @Test
    void redraw_of_a_million_points() {
        WaitForAsyncUtils.waitForAsyncFx(60_000, () -> {
            chart.model().addSeries("loss", "training loss", SeriesKind.RAW_WITH_SMOOTHED, 0);
            java.util.Random random = new java.util.Random(7);
            for (int i = 0; i < POINTS; i++) {
                double x = 100.0 * i / POINTS;
                chart.model().append("loss", x, Math.exp(-x / 20) + 0.1 * random.nextDouble());
            }
            chart.refresh();
        });
        double[][] live = measure(() -> {
            double x = chart.model().series("loss").x(chart.model().series("loss").size() - 1);
            for (int k = 1; k <= 30; k++) {
                chart.model().append("loss", x + k * 1e-4, 0.1);
            }
        });
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> chart.zoomTo(20, 60));
        double[][] zoomed = measure(() -> {
            double x = chart.model().series("loss").x(chart.model().series("loss").size() - 1);
            chart.model().append("loss", x + 1e-4, 0.1);
        });
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> {
            chart.followLatestProperty().set(true);
            chart.logScaleProperty().set(true);
        });
        double[][] log = measure(() -> chart.model().addMarker(50, "m"));
        print("append 30 points, follow latest", live);
        print("zoomed to 40 % of the run", zoomed);
        DoubleSeries out = new DoubleSeries();
        double[] thin = new double[ROUNDS];
        double[] thinCpu = new double[ROUNDS];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int r = 0; r < ROUNDS; r++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            Decimation.minMax(chart.model().series("loss"), 0, 100, 1400, out);
            thin[r] = (System.nanoTime() - start) / 1e6;
            thinCpu[r] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        }
        print("thinning alone, one series", new double[][] {Arrays.copyOfRange(thin, 5, ROUNDS),
                Arrays.copyOfRange(thinCpu, 5, ROUNDS)});
        print("log axis", log);
        System.out.printf("bench chart_redraw points=%d drawn_points=%d%n", POINTS, chart.drawnPoints());
    }

    private double[][] measure(Runnable change) {
        double[] ms = new double[ROUNDS];
        double[] cpu = new double[ROUNDS];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int r = 0; r < ROUNDS; r++) {
            int round = r;
            WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
                change.run();
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                chart.refresh();
                ms[round] = (System.nanoTime() - start) / 1e6;
                cpu[round] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
            });
        }
        return new double[][] {Arrays.copyOfRange(ms, 5, ROUNDS), Arrays.copyOfRange(cpu, 5, ROUNDS)};
    }

    private static void print(String what, double[][] measured) {
        double[] ms = measured[0];
        double[] cpu = measured[1];
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double[] cpuSorted = cpu.clone();
        Arrays.sort(cpuSorted);
        System.out.printf("bench chart_redraw case=\"%s\" median_ms=%.2f p90_ms=%.2f max_ms=%.2f cpu_median_ms=%.2f"
                + " cpu_p90_ms=%.2f%n", what, sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.9)],
                sorted[sorted.length - 1], cpuSorted[cpuSorted.length / 2],
                cpuSorted[(int) (cpuSorted.length * 0.9)]);
    }
}
