package org.layerloom.engine.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.layerloom.engine.data.ClassLabels;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetTask;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.RealFeatures;
import org.layerloom.engine.data.Splits;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ScheduleSettings;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.train.InspectionSettings;
import org.layerloom.engine.train.TrainingJob;
import org.layerloom.engine.train.TrainingSession;
import org.layerloom.engine.train.event.EpochEnded;
import org.layerloom.engine.train.event.LayerHealthCaptured;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.TrainingEvent;
import org.layerloom.engine.train.event.TrainingEventVisitor;

/**
 * What training-health inspection costs: the MNIST CNN of {@code bench cnn} (Conv2D 32 – MaxPool – Conv2D 64
 * – MaxPool – Flatten – Dense 64 – Dense 10, batch 64, Adam) trains one epoch on random 28×28 images
 * through the real {@code TrainingSession}, in turns without inspection and with
 * {@code InspectionSettings} every {@code every} batches plus each epoch's end (16 probe examples, 20-bin
 * histograms, thumbnails). Two measures: {@code cost} is the capture time the worker reports
 * ({@code LayerHealthCaptured.captureMillis}, summed) over the rest of the same epoch, which a busy shared
 * machine does not skew; {@code ab_cost} is 1 − (samples/s with) / (samples/s without), the median over
 * the turns, which load changes between turns do skew. Epoch times are the training loop's own (captures
 * included, validation and saving excluded). Runs on the calling thread (which waits for the training
 * worker); a temporary runs folder is deleted at the end.
 */
public final class InspectionBenchmark implements Benchmark {

    public static final String NAME = "inspect";
    private static final long SEED = 11;

    private final int samples;
    private final int every;
    private final int turns;
    private final int threads;

    /**
     * @param samples training examples per epoch (12,800 is 200 batches)
     * @param every   capture every this many batches
     * @param turns   pairs of epochs (without, with)
     * @param threads engine threads
     */
    public InspectionBenchmark(int samples, int every, int turns, int threads) {
        if (samples < 64 || every < 1 || turns < 1 || threads < 1) {
            throw new IllegalArgumentException("at least 64 samples, one batch between captures, one turn, one thread");
        }
        this.samples = samples;
        this.every = every;
        this.turns = turns;
        this.threads = threads;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BenchmarkResult run() {
        Path runs = null;
        try {
            runs = Files.createTempDirectory("layerloom-inspect-bench");
            Dataset images = randomImages(samples);
            TrainingSettings settings = new TrainingSettings(OptimizerSettings.adam(0.001), ScheduleSettings.fixed(),
                    64, 1, 0.0, SEED, DeviceChoice.CPU);
            Project project = new Project("bench-inspect", BenchNetwork.CNN.graph(), DatasetChoice.of("random-images"),
                    settings);
            TrainingJob plain = TrainingJob.of(project, images, runs).withThreads(threads);
            TrainingJob inspected = plain.withInspection(new InspectionSettings(every, true, 16, 20, true));
            train(plain, new Captures()); // warm-up
            double[] ratios = new double[turns];
            double offSum = 0;
            double onSum = 0;
            double captureSeconds = 0;
            Captures captures = new Captures();
            for (int t = 0; t < turns; t++) {
                double off = train(plain, new Captures());
                captures = new Captures();
                double on = train(inspected, captures);
                offSum += off;
                onSum += on;
                captureSeconds += captures.millis / 1000;
                ratios[t] = off / on; // samples/s with ÷ samples/s without
            }
            Arrays.sort(ratios);
            Map<String, Number> metrics = new LinkedHashMap<>();
            metrics.put("cost", captureSeconds / (onSum - captureSeconds));
            metrics.put("ab_cost", 1 - ratios[turns / 2]);
            metrics.put("samples_per_s_off", samples * turns / offSum);
            metrics.put("samples_per_s_on", samples * turns / onSum);
            metrics.put("captures_per_epoch", (long) captures.count);
            metrics.put("ms_per_capture", captures.count > 0 ? 1000 * captureSeconds / turns / captures.count
                    : Double.NaN);
            metrics.put("ms_per_batch", 1000 * (onSum - captureSeconds) / turns / Math.ceil(samples / 64.0));
            metrics.put("every", (long) every);
            metrics.put("samples", (long) samples);
            metrics.put("turns", (long) turns);
            metrics.put("threads", (long) threads);
            return new BenchmarkResult(NAME, metrics);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (runs != null) {
                deleteTree(runs);
            }
        }
    }

    /** Health captures of one run and the worker time they reported. */
    private static final class Captures {
        int count;
        double millis;
    }

    /** Trains one epoch and returns the training loop's seconds; counts health captures and their time. */
    private static double train(TrainingJob job, Captures captures) {
        List<EpochEnded> epochs = new ArrayList<>();
        TrainingEvent end;
        try {
            TrainingEventVisitor counting = new TrainingEventVisitor() {
                @Override
                public void epochEnded(EpochEnded event) {
                    epochs.add(event);
                }

                @Override
                public void layerHealthCaptured(LayerHealthCaptured event) {
                    captures.count++;
                    captures.millis += event.captureMillis();
                }
            };
            end = TrainingSession.start(job, event -> event.accept(counting)).outcome().get(30, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("a benchmark training did not end: " + e, e);
        }
        if (!(end instanceof RunFinished) || epochs.isEmpty()) {
            throw new IllegalStateException("a benchmark training failed: " + end);
        }
        return epochs.get(0).seconds();
    }

    /** Random 1×28×28 "images" in 10 classes, with 64 test examples. */
    static Dataset randomImages(int count) {
        Random random = new Random(SEED);
        int total = count + 64;
        float[] pixels = new float[total * 28 * 28];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        int[] labels = new int[total];
        for (int i = 0; i < total; i++) {
            labels[i] = random.nextInt(10);
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            names.add("class " + c);
        }
        Examples all = Examples.of(RealFeatures.copyOf(pixels), TensorShape.of(1, 28, 28),
                ClassLabels.copyOf(labels, 10));
        Splits splits = new Splits(all.slice(0, count), all.slice(0, 0), all.slice(count, total));
        return new Dataset("Random images", "Noise in ten made-up classes.", DatasetTask.classification(names),
                TensorShape.of(1, 28, 28), splits);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing the measurement for
        }
    }
}
