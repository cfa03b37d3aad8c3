package org.layerloom.engine.project;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.PortRef;
import org.layerloom.engine.graph.Wire;

/**
 * Writes a {@link Project} as the text of a {@code .loom} file: keys in a fixed order, parameters and
 * dataset options sorted by name, laid out by {@link JsonLayout}, so that the same project always gives
 * the same bytes and changes diff well. Stateless; any thread.
 */
final class ProjectWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ProjectWriter() {
    }

    static String toJson(Project project) {
        ObjectNode root = NODES.objectNode();
        root.put(Keys.FORMAT, ProjectFormat.CURRENT);
        root.put(Keys.NAME, project.name());
        root.set(Keys.GRAPH, graph(project.graph()));
        root.set(Keys.DATASET, dataset(project.dataset()));
        root.set(Keys.TRAINING, training(project.training()));
        project.startingWeights().ifPresent(file -> root.put(Keys.STARTING_WEIGHTS, file));
        project.assignment().ifPresent(assignment -> root.set(Keys.ASSIGNMENT, AssignmentWriter.toTree(assignment)));
        return JsonLayout.format(root);
    }

    private static ObjectNode graph(NetworkGraph graph) {
        ObjectNode result = NODES.objectNode();
        ArrayNode nodes = result.putArray(Keys.NODES);
        for (Node node : graph.nodes()) {
            ObjectNode n = nodes.addObject();
            n.put(Keys.ID, node.id());
            n.put(Keys.KIND, node.kind().id());
            n.put(Keys.NAME, node.name());
            ObjectNode position = n.putObject(Keys.POSITION);
            position.put(Keys.X, node.position().x());
            position.put(Keys.Y, node.position().y());
            ObjectNode params = n.putObject(Keys.PARAMS);
            for (Map.Entry<String, ParamValue> param : node.params().values().entrySet()) {
                putParam(params, param.getKey(), param.getValue());
            }
        }
        ArrayNode wires = result.putArray(Keys.WIRES);
        for (Wire wire : graph.wires()) {
            ObjectNode w = wires.addObject();
            w.set(Keys.FROM, end(wire.from()));
            w.set(Keys.TO, end(wire.to()));
        }
        return result;
    }

    private static void putParam(ObjectNode params, String name, ParamValue value) {
        if (value instanceof ParamValue.Int i) {
            params.put(name, i.value());
        } else if (value instanceof ParamValue.Real r) {
            params.put(name, r.value());
        } else if (value instanceof ParamValue.Flag f) {
            params.put(name, f.value());
        } else if (value instanceof ParamValue.Choice c) {
            params.put(name, c.value());
        } else if (value instanceof ParamValue.Dims d) {
            ArrayNode sizes = params.putArray(name);
            d.value().forEach(sizes::add);
        }
    }

    private static ObjectNode end(PortRef port) {
        ObjectNode end = NODES.objectNode();
        end.put(Keys.NODE_ID, port.nodeId());
        end.put(Keys.PORT, port.port());
        return end;
    }

    private static ObjectNode dataset(DatasetChoice dataset) {
        ObjectNode result = NODES.objectNode();
        result.put(Keys.SOURCE, dataset.source());
        ObjectNode options = result.putObject(Keys.OPTIONS);
        for (Map.Entry<String, Object> option : dataset.options().entrySet()) {
            putOption(options, option.getKey(), option.getValue());
        }
        return result;
    }

    /** Strings, booleans and numbers; whole numbers stay whole. */
    private static void putOption(ObjectNode options, String key, Object value) {
        if (value instanceof String s) {
            options.put(key, s);
        } else if (value instanceof Boolean b) {
            options.put(key, b);
        } else if (value instanceof BigInteger big) {
            options.put(key, big);
        } else if (value instanceof BigDecimal decimal) {
            options.put(key, decimal);
        } else if (value instanceof Byte || value instanceof Short || value instanceof Integer
                || value instanceof Long) {
            options.put(key, ((Number) value).longValue());
        } else {
            options.put(key, ((Number) value).doubleValue());
        }
    }

    private static ObjectNode training(TrainingSettings training) {
        ObjectNode result = NODES.objectNode();
        OptimizerSettings o = training.optimizer();
        ObjectNode optimizer = result.putObject(Keys.OPTIMIZER);
        optimizer.put(Keys.KIND, o.kind().id());
        optimizer.put(Keys.LEARNING_RATE, o.learningRate());
        optimizer.put(Keys.MOMENTUM, o.momentum());
        optimizer.put(Keys.NESTEROV, o.nesterov());
        optimizer.put(Keys.BETA1, o.beta1());
        optimizer.put(Keys.BETA2, o.beta2());
        optimizer.put(Keys.EPSILON, o.epsilon());
        optimizer.put(Keys.WEIGHT_DECAY, o.weightDecay());
        optimizer.put(Keys.GRADIENT_CLIP, o.gradientClip());
        ScheduleSettings s = training.schedule();
        ObjectNode schedule = result.putObject(Keys.SCHEDULE);
        schedule.put(Keys.KIND, s.kind().id());
        schedule.put(Keys.STEP_EPOCHS, s.stepEpochs());
        schedule.put(Keys.GAMMA, s.gamma());
        schedule.put(Keys.WARMUP_EPOCHS, s.warmupEpochs());
        schedule.put(Keys.MIN_LEARNING_RATE, s.minLearningRate());
        result.put(Keys.BATCH_SIZE, training.batchSize());
        result.put(Keys.EPOCHS, training.epochs());
        result.put(Keys.VALIDATION_SPLIT, training.validationSplit());
        result.put(Keys.SEED, training.seed());
        result.put(Keys.DEVICE, training.device().id());
        if (training.weightAverage() != 0) {
            // Written only when on, so that projects without it keep their files unchanged.
            result.put(Keys.WEIGHT_AVERAGE, training.weightAverage());
        }
        if (training.patience() != 0) {
            result.put(Keys.PATIENCE, training.patience());
        }
        return result;
    }
}
