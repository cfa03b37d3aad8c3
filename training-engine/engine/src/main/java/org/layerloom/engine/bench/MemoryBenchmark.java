package org.layerloom.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.layerloom.engine.data.ClassLabels;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.DatasetRegistry;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.DatasetTask;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.data.RealFeatures;
import org.layerloom.engine.data.Splits;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ScheduleSettings;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.train.TrainingJob;
import org.layerloom.engine.train.TrainingSession;
import org.layerloom.engine.train.event.RunFailed;
import org.layerloom.engine.train.event.TrainingEvent;

/**
 * Does training give its memory back? Trains small networks round after round in this JVM and records,
 * after each round, the process's resident memory ({@code VmRSS} from {@code /proc/self/status}) and the
 * Java heap in use (after a GC). A round trains the two-moons MLP for 2 epochs and a small CNN for 1
 * epoch on random 1×28×28 images, each as a full {@link TrainingSession} with its run folder (in a
 * temporary folder, deleted at the end). Resident memory that keeps growing from round to round means
 * native arrays that are never freed.
 *
 * <p>Blocking: {@link #run} takes about a second per round. Not thread-safe; one run at a time.
 */
public final class MemoryBenchmark {

    /** The number of rounds a full benchmark runs. */
    public static final int DEFAULT_TRAININGS = 20;

    private static final long SEED = 7;
    private static final int CNN_EXAMPLES = 512;

    /** Memory after one round (1-based); NaN where the system does not say. */
    public record Sample(int round, double rssMb, double heapUsedMb) {
    }

    /**
     * The samples of every round, the resident memory after round 1, round 5 (or the last, if fewer) and
     * the last round, and its growth from round 5 to the last, in MB.
     */
    public record Result(List<Sample> samples, double rssAfterFirstMb, double rssAfterFifthMb, double rssAfterLastMb,
                         double growthFifthToLastMb) {

        public Result {
            samples = List.copyOf(samples);
        }

        /** Resident memory after {@code round} (1-based). */
        public double rssAfter(int round) {
            return samples.get(round - 1).rssMb();
        }

        /** Growth of resident memory from after round {@code from} to after round {@code to}, in MB. */
        public double growthMb(int from, int to) {
            return rssAfter(to) - rssAfter(from);
        }

        /** One line per round and a summary, for a terminal. */
        public String describe() {
            StringBuilder text = new StringBuilder();
            for (Sample s : samples) {
                text.append(String.format(Locale.ROOT, "round %2d: RSS %7.1f MB, heap used %6.1f MB%n", s.round(),
                        s.rssMb(), s.heapUsedMb()));
            }
            text.append(String.format(Locale.ROOT, "RSS after round 1: %.1f MB, round %d: %.1f MB, round %d: %.1f MB;"
                    + " growth from round %d to %d: %+.1f MB", rssAfterFirstMb, Math.min(5, samples.size()),
                    rssAfterFifthMb, samples.size(), rssAfterLastMb, Math.min(5, samples.size()), samples.size(),
                    growthFifthToLastMb));
            return text.toString();
        }
    }

    /**
     * Runs {@code trainings} rounds.
     *
     * @throws IllegalStateException if a training fails
     */
    public Result run(int trainings) throws IOException, InterruptedException {
        if (trainings < 1) {
            throw new IllegalArgumentException("at least one training round, not " + trainings);
        }
        Path runs = Files.createTempDirectory("layerloom-memory-bench");
        try {
            Project moons = project("moons", BenchNetworks.moonsMlp(), DatasetChoice.of("moons"), 2);
            Project cnn = project("cnn", BenchNetworks.smallCnn(), DatasetChoice.of("random-images"), 1);
            Dataset moonsData = DatasetRegistry.standard().load(DatasetRequest.of(moons.dataset(), runs, SEED,
                    moons.training().validationSplit()), ProgressListener.none());
            Dataset images = randomImages();
            List<Sample> samples = new ArrayList<>();
            for (int round = 1; round <= trainings; round++) {
                train(TrainingJob.of(moons, moonsData, runs).withThreads(1));
                train(TrainingJob.of(cnn, images, runs).withThreads(1));
                samples.add(sample(round));
            }
            int fifth = Math.min(5, trainings);
            double last = samples.get(trainings - 1).rssMb();
            return new Result(samples, samples.get(0).rssMb(), samples.get(fifth - 1).rssMb(), last,
                    last - samples.get(fifth - 1).rssMb());
        } catch (DatasetException e) {
            throw new IllegalStateException("the generated moons could not be made: " + e.getMessage(), e);
        } finally {
            deleteTree(runs);
        }
    }

    private static void train(TrainingJob job) throws InterruptedException {
        TrainingEvent end;
        try {
            end = TrainingSession.start(job, event -> { }).outcome().get(5, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("a benchmark training did not end: " + e, e);
        }
        if (end instanceof RunFailed failed) {
            throw new IllegalStateException("a benchmark training failed: " + failed.reason() + " " + failed.detail());
        }
    }

    private static Project project(String name, NetworkGraph graph, DatasetChoice data, int epochs) {
        TrainingSettings settings = new TrainingSettings(OptimizerSettings.adam(0.01), ScheduleSettings.fixed(), 32,
                epochs, 0.2, SEED, DeviceChoice.CPU);
        return new Project(name, graph, data, settings);
    }

    /** Random 1×28×28 "images" in 10 random classes: something for the CNN to chew on. */
    private static Dataset randomImages() {
        Random random = new Random(SEED);
        int total = CNN_EXAMPLES + CNN_EXAMPLES / 4;
        float[] pixels = new float[total * 28 * 28];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        int[] labels = new int[total];
        for (int i = 0; i < total; i++) {
            labels[i] = i % 10;
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            names.add("class " + c);
        }
        Examples all = Examples.of(RealFeatures.copyOf(pixels), TensorShape.of(1, 28, 28),
                ClassLabels.copyOf(labels, 10));
        Splits splits = Splits.of(all.slice(0, CNN_EXAMPLES), all.slice(CNN_EXAMPLES, total), 0.2, SEED);
        return new Dataset("Random images", "Noise in ten made-up classes.", DatasetTask.classification(names),
                TensorShape.of(1, 28, 28), splits);
    }

    private static Sample sample(int round) throws IOException {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        double heap = (runtime.totalMemory() - runtime.freeMemory()) / (1024.0 * 1024.0);
        return new Sample(round, residentMb(), heap);
    }

    /** VmRSS of this process in MB, or NaN where /proc is missing. */
    static double residentMb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return Double.NaN;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring(6).trim().split("\\s+");
                return Long.parseLong(parts[0]) / 1024.0;
            }
        }
        return Double.NaN;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
