package org.layerloom.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.TestMetrics;
import org.layerloom.engine.train.event.TrainingEvent;

/**
 * One JSON line per training event for {@code layerloom train --json}: the event's fields plus
 * {@code "event"} (its type); NaN becomes null. The finished event carries {@code "test"} and
 * {@code "run"} (the run folder). Stateless; any thread.
 */
final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventJson() {
    }

    static String line(TrainingEvent event) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("event", event.type());
        if (event instanceof RunFinished finished) {
            node.put("runId", finished.runId());
            node.put("epochs", finished.epochsDone());
            node.put("bestEpoch", finished.bestEpoch());
            node.put("stoppedEarly", finished.stoppedEarly());
            node.put("reason", finished.reason());
            node.put("seconds", round(finished.seconds()));
            node.set("test", test(finished.test()));
            node.put("run", finished.runFolder());
        } else {
            ObjectNode fields = MAPPER.valueToTree(event);
            fields.fields().forEachRemaining(e -> {
                if (e.getValue().isNumber() && !Double.isFinite(e.getValue().asDouble())) {
                    node.putNull(e.getKey());
                } else {
                    node.set(e.getKey(), e.getValue());
                }
            });
        }
        return node.toString();
    }

    private static ObjectNode test(TestMetrics test) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("examples", test.examples());
        putNumber(node, "loss", test.loss());
        putNumber(node, "accuracy", test.accuracy());
        putNumber(node, "mae", test.mae());
        putNumber(node, "mse", test.mse());
        if (test.isClassification()) {
            ArrayNode classes = node.putArray("classes");
            double[] precision = test.precision();
            double[] recall = test.recall();
            for (int c = 0; c < test.classNames().size(); c++) {
                ObjectNode entry = classes.addObject();
                entry.put("name", test.classNames().get(c));
                putNumber(entry, "precision", precision[c]);
                putNumber(entry, "recall", recall[c]);
            }
            node.set("confusion", MAPPER.valueToTree(test.confusion()));
        }
        return node;
    }

    private static void putNumber(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
