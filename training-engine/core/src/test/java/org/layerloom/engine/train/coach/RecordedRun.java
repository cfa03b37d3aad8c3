package org.layerloom.engine.train.coach;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.testing.GraphBuilder;
import org.layerloom.engine.train.event.BatchEnded;
import org.layerloom.engine.train.event.EpochEnded;
import org.layerloom.engine.train.event.LearningRateChanged;
import org.layerloom.engine.train.event.RunStarted;
import org.layerloom.engine.train.event.TrainingEvent;

/**
 * Recorded runs for the rule tests. Either the metric events of a run as CSV lines ({@code started,...},
 * {@code batch,...}, {@code epoch,...}, {@code lr,...}), written by the engine's {@code CoachRecordingsRecorder}
 * from real trainings ({@code coach/NAME.csv}); or the JSON lines {@code layerloom train --json} prints, kept to
 * the started, batch, epoch, lr and finished lines ({@code coach/NAME.jsonl}). Tests only.
 */
public final class RecordedRun {

    private RecordedRun() {
    }

    public static String line(TrainingEvent event) {
        if (event instanceof RunStarted s) {
            return String.join(",", "started", s.runId(), s.device(), "" + s.threads(), "" + s.epochs(),
                    "" + s.batchesPerEpoch(), "" + s.trainExamples(), "" + s.validationExamples(),
                    "" + s.parameters());
        }
        if (event instanceof BatchEnded b) {
            return String.format(Locale.ROOT, "batch,%d,%d,%d,%s,%s,%s,%.1f,%d", b.epoch(), b.batch(),
                    b.batchesInEpoch(), b.loss(), b.accuracy(), b.learningRate(), b.samplesPerSecond(), b.step());
        }
        if (event instanceof EpochEnded e) {
            return String.format(Locale.ROOT, "epoch,%d,%s,%s,%s,%s,%s,%.2f", e.epoch(), e.trainLoss(),
                    e.trainAccuracy(), e.validationLoss(), e.validationAccuracy(), e.learningRate(), e.seconds());
        }
        if (event instanceof LearningRateChanged c) {
            return String.format(Locale.ROOT, "lr,%d,%d,%s,%s", c.epoch(), c.batch(), c.from(), c.to());
        }
        return null;
    }

    static TrainingEvent parse(String line) {
        String[] f = line.split(",");
        return switch (f[0]) {
            case "started" -> new RunStarted(f[1], f[2], i(f[3]), i(f[4]), i(f[5]), i(f[6]), i(f[7]),
                    Long.parseLong(f[8]), 1, 1);
            case "batch" -> new BatchEnded(i(f[1]), i(f[2]), i(f[3]), d(f[4]), d(f[5]), d(f[6]), d(f[7]),
                    Long.parseLong(f[8]));
            case "epoch" -> new EpochEnded(i(f[1]), d(f[2]), d(f[3]), d(f[4]), d(f[5]), d(f[6]), d(f[7]));
            case "lr" -> new LearningRateChanged(i(f[1]), i(f[2]), d(f[3]), d(f[4]));
            default -> throw new IllegalArgumentException("unknown line " + line);
        };
    }

    /** The events of the recording {@code coach/NAME.csv} on the test class path. */
    static List<TrainingEvent> load(String name) {
        try (InputStream in = RecordedRun.class.getResourceAsStream("/coach/" + name + ".csv")) {
            if (in == null) {
                throw new IllegalArgumentException("no recording " + name);
            }
            List<TrainingEvent> events = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    events.add(parse(line.trim()));
                }
            }
            return events;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The events of the JSON-lines recording {@code coach/NAME.jsonl} (or {@code NAME.jsonl.gz}, for the long ones)
     * on the test class path; lines starting with # are comments.
     */
    static List<TrainingEvent> loadJson(String name) {
        InputStream plain = RecordedRun.class.getResourceAsStream("/coach/" + name + ".jsonl");
        InputStream zipped = plain != null ? null : RecordedRun.class.getResourceAsStream("/coach/" + name + ".jsonl.gz");
        if (plain == null && zipped == null) {
            throw new IllegalArgumentException("no recording " + name);
        }
        try (InputStream in = plain != null ? plain : new java.util.zip.GZIPInputStream(zipped)) {
            List<TrainingEvent> events = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    JsonLine.parse(line).ifPresent(events::add);
                }
            }
            return events;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int i(String s) {
        return Integer.parseInt(s);
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }

    /** The multilayer perceptrons of the recordings: flatten, dense layers of {@code hidden} units, 10 outputs. */
    public static NetworkGraph mlp(String activation, int... hidden) {
        List<GraphBuilder.LayerSpec> layers = new ArrayList<>();
        layers.add(GraphBuilder.layer(LayerKind.FLATTEN));
        for (int units : hidden) {
            layers.add(GraphBuilder.layer(LayerKind.DENSE, "units", units, "activation", activation));
        }
        layers.add(GraphBuilder.layer(LayerKind.DENSE, "units", 10, "activation", "none"));
        return GraphBuilder.chainOf(new int[] {1, 28, 28}, "softmax_cross_entropy",
                layers.toArray(GraphBuilder.LayerSpec[]::new));
    }
}
