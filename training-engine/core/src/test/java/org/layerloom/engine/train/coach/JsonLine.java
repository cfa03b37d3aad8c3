package org.layerloom.engine.train.coach;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.layerloom.engine.train.event.BatchEnded;
import org.layerloom.engine.train.event.EpochEnded;
import org.layerloom.engine.train.event.LearningRateChanged;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.RunStarted;
import org.layerloom.engine.train.event.TestMetrics;
import org.layerloom.engine.train.event.TrainingEvent;

/**
 * One line of {@code layerloom train --json} read back as the event it was printed from: started, batch, epoch,
 * lr and finished lines (null numbers are NaN; a finished line's test keeps its examples, loss, accuracy and
 * class names); other lines are skipped. Tests only.
 */
final class JsonLine {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonLine() {
    }

    static Optional<TrainingEvent> parse(String line) {
        JsonNode n;
        try {
            n = MAPPER.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.ofNullable(switch (n.path("event").asText()) {
            case "started" -> RunStarted.builder().setRunId(n.path("runId").asText())
                    .setEpochs(n.path("epochs").asInt(), n.path("batchesPerEpoch").asInt())
                    .optDevice(n.path("device").asText(), n.path("threads").asInt())
                    .optExamples(n.path("trainExamples").asInt(), n.path("validationExamples").asInt())
                    .optParameters(n.path("parameters").asLong())
                    .optFirstBatch(n.path("firstEpoch").asInt(1), n.path("firstBatch").asInt(1)).build();
            case "batch" -> BatchEnded.builder()
                    .setBatch(n.path("epoch").asInt(), n.path("batch").asInt(), n.path("batchesInEpoch").asInt())
                    .setStep(n.path("step").asLong()).setLoss(d(n, "loss")).optAccuracy(d(n, "accuracy"))
                    .setLearningRate(d(n, "learningRate")).setSamplesPerSecond(d(n, "samplesPerSecond")).build();
            case "epoch" -> new EpochEnded(n.path("epoch").asInt(), d(n, "trainLoss"), d(n, "trainAccuracy"),
                    d(n, "validationLoss"), d(n, "validationAccuracy"), d(n, "learningRate"), d(n, "seconds"));
            case "lr" -> new LearningRateChanged(n.path("epoch").asInt(), n.path("batch").asInt(), d(n, "from"),
                    d(n, "to"));
            case "finished" -> RunFinished.builder().setRun(n.path("runId").asText(), n.path("run").asText())
                    .setEpochs(n.path("epochs").asInt(), n.path("bestEpoch").asInt())
                    .setTest(test(n.path("test"))).optEnd(n.path("stoppedEarly").asBoolean(),
                            n.path("reason").asText()).optSeconds(d(n, "seconds")).build();
            default -> null;
        });
    }

    private static TestMetrics test(JsonNode t) {
        List<String> classes = new ArrayList<>();
        t.path("classes").forEach(c -> classes.add(c.path("name").asText()));
        double[] none = new double[classes.size()];
        return new TestMetrics(t.path("examples").asInt(), d(t, "loss"), d(t, "accuracy"), classes, none, none,
                new int[0][], d(t, "mae"), d(t, "mse"));
    }

    private static double d(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.asDouble() : Double.NaN;
    }
}
