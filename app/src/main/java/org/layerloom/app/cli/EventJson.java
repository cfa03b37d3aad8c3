package org.layerloom.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.layerloom.engine.train.event.ActivationsCaptured;
import org.layerloom.engine.train.event.DataLoaded;
import org.layerloom.engine.train.event.DecisionMapCaptured;
import org.layerloom.engine.train.event.EmbeddingProjected;
import org.layerloom.engine.train.event.LayerHealth;
import org.layerloom.engine.train.event.LayerHealthCaptured;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.TestMetrics;
import org.layerloom.engine.train.event.TrainingEvent;

/**
 * One JSON line per training event for {@code layerloom train --json}: the event's fields plus
 * {@code "event"} (its type); NaN becomes null. The finished event carries {@code "test"} and
 * {@code "run"} (the run folder). The data-loaded event carries {@code "use"}: the examples used and those
 * left out, counted by reason with their first places, and {@code "useSentence"}, the same in words. Training-health events ({@code "health"}, with every layer's numbers and
 * its weight histogram) are printed: a few hundred bytes per layer, every N batches. Activation previews,
 * decision maps and embedding projections are not: thousands of numbers per capture meant for the
 * views, not for a log ({@link #printed}). Stateless; any thread.
 */
final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventJson() {
    }

    /** Whether {@code --json} prints this event: every event but the views' bulk data. */
    static boolean printed(TrainingEvent event) {
        return !(event instanceof ActivationsCaptured || event instanceof DecisionMapCaptured
                || event instanceof EmbeddingProjected);
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
        } else if (event instanceof LayerHealthCaptured health) {
            node.put("epoch", health.epoch());
            node.put("batch", health.batch());
            node.put("step", health.step());
            node.put("captureMillis", Math.round(health.captureMillis() * 1000) / 1000.0);
            ArrayNode layers = node.putArray("layers");
            for (LayerHealth layer : health.layers()) {
                layers.add(finite(MAPPER.valueToTree(layer)));
            }
        } else {
            ObjectNode fields = MAPPER.valueToTree(event);
            if (event instanceof DataLoaded loaded) {
                fields.set("use", MAPPER.valueToTree(loaded.use().summary()));
                fields.put("useSentence", loaded.use().sentence());
            }
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

    /** The object with non-finite numbers replaced by null (Jackson would write NaN, which is not JSON). */
    private static ObjectNode finite(ObjectNode fields) {
        ObjectNode node = MAPPER.createObjectNode();
        fields.fields().forEachRemaining(e -> {
            if (e.getValue().isNumber() && !Double.isFinite(e.getValue().asDouble())) {
                node.putNull(e.getKey());
            } else {
                node.set(e.getKey(), e.getValue());
            }
        });
        return node;
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
