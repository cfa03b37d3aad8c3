package org.layerloom.engine.imports.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The layers of a Keras {@code Sequential} or functional ({@code Functional}, {@code Model}) config in running
 * order, with the model's input and output layers. Functional {@code inbound_nodes} are read in both forms:
 * Keras 2's nested lists ({@code [[["dense", 0, 0, {}]]]}) and Keras 3's calls
 * ({@code [{"args": [{"class_name": "__keras_tensor__", "config": {"keras_history": ["dense", 0, 0]}}]}]}).
 * A Sequential model without an {@code InputLayer} gets one from its first layer's input shape. Immutable;
 * any thread.
 */
record KerasLayerList(List<KerasLayer> layers, List<String> inputs, List<String> outputs) {

    KerasLayerList {
        layers = List.copyOf(layers);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    static KerasLayerList parse(JsonNode model) {
        String className = model.path("class_name").asText("");
        JsonNode config = model.path("config");
        return switch (className) {
            case "Sequential" -> sequential(config);
            case "Functional", "Model" -> functional(config);
            case "" -> throw new KerasFormatException("The model config has no class_name, so it is not a Keras"
                    + " model.");
            default -> throw new KerasFormatException("The model is a " + className + "; only Sequential and"
                    + " functional Keras models can be imported (a subclassed model's code is not in the file).");
        };
    }

    private static KerasLayerList sequential(JsonNode config) {
        JsonNode entries = config.isArray() ? config : config.path("layers");
        if (!entries.isArray() || entries.isEmpty()) {
            throw new KerasFormatException("The Sequential model has no layers.");
        }
        List<KerasLayer> layers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        String previous = null;
        for (JsonNode entry : entries) {
            String cls = className(entry);
            JsonNode layerConfig = entry.path("config");
            String name = name(entry, layers.size());
            if (previous == null && !cls.equals("InputLayer")) {
                previous = unique("input", names);
                layers.add(new KerasLayer(previous, "InputLayer", implicitInput(layerConfig, config, name, cls),
                        List.of()));
            }
            if (!names.add(name)) {
                throw new KerasFormatException("Two layers of the model are named '" + name + "'.");
            }
            layers.add(new KerasLayer(name, cls, layerConfig, previous == null ? List.of() : List.of(previous)));
            previous = name;
        }
        return new KerasLayerList(layers, List.of(layers.get(0).name()), List.of(previous));
    }

    private static JsonNode implicitInput(JsonNode first, JsonNode modelConfig, String name, String cls) {
        JsonNode shape = first.has("batch_input_shape") ? first.get("batch_input_shape")
                : first.has("batch_shape") ? first.get("batch_shape")
                : modelConfig.path("build_input_shape");
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        if (shape.isArray()) {
            input.set("batch_shape", shape);
        } else if (cls.equals("Embedding") && first.path("input_length").canConvertToInt()) {
            input.set("batch_shape", JsonNodeFactory.instance.arrayNode().addNull()
                    .add(first.get("input_length").asInt()));
        } else if (first.path("input_shape").isArray()) {
            input.set("batch_shape", JsonNodeFactory.instance.arrayNode().addNull().addAll(
                    (com.fasterxml.jackson.databind.node.ArrayNode) first.get("input_shape")));
        } else {
            throw new KerasFormatException("The Sequential model does not say what shape its input has: its first"
                    + " layer '" + name + "' (" + cls + ") has no input_shape. Start the model with"
                    + " keras.Input(shape=...) and save it again.");
        }
        input.set("dtype", first.path("dtype"));
        return input;
    }

    private static KerasLayerList functional(JsonNode config) {
        JsonNode entries = config.path("layers");
        if (!entries.isArray() || entries.isEmpty()) {
            throw new KerasFormatException("The functional model has no layers.");
        }
        List<KerasLayer> layers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode entry : entries) {
            String name = name(entry, layers.size());
            String cls = className(entry);
            if (!names.add(name)) {
                throw new KerasFormatException("Two layers of the model are named '" + name + "'.");
            }
            layers.add(new KerasLayer(name, cls, entry.path("config"), inbound(entry.path("inbound_nodes"),
                    name, cls)));
        }
        return new KerasLayerList(layers, endpoints(config.path("input_layers"), "input"),
                endpoints(config.path("output_layers"), "output"));
    }

    private static List<String> inbound(JsonNode nodes, String name, String cls) {
        if (nodes.isMissingNode() || nodes.isNull() || (nodes.isArray() && nodes.isEmpty())) {
            return List.of();
        }
        if (!nodes.isArray()) {
            throw new KerasFormatException("The inbound_nodes of layer '" + name + "' (" + cls + ") are not a list.");
        }
        if (nodes.size() > 1) {
            throw new KerasFormatException("Layer '" + name + "' (" + cls + ") is called " + nodes.size()
                    + " times (a shared layer); LayerLoom gives every use its own weights, so it cannot import"
                    + " shared layers.");
        }
        JsonNode node = nodes.get(0);
        List<String> sources = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode tensor : node) {
                sources.add(history(tensor, name, cls));
            }
        } else if (node.isObject()) {
            collectKerasTensors(node.path("args"), sources, name, cls);
        } else {
            throw new KerasFormatException("The inbound_nodes of layer '" + name + "' (" + cls + ") are neither"
                    + " in the Keras 2 nor in the Keras 3 form.");
        }
        if (sources.isEmpty()) {
            throw new KerasFormatException("Layer '" + name + "' (" + cls + ") has an inbound node without any"
                    + " input tensor.");
        }
        return sources;
    }

    /** Keras 3: every {@code __keras_tensor__} in the call's arguments, in order. */
    private static void collectKerasTensors(JsonNode args, List<String> sources, String name, String cls) {
        if (args.isArray()) {
            for (JsonNode arg : args) {
                collectKerasTensors(arg, sources, name, cls);
            }
        } else if (args.isObject() && "__keras_tensor__".equals(args.path("class_name").asText())) {
            sources.add(history(args.path("config").path("keras_history"), name, cls));
        }
    }

    /** {@code ["dense", 0, 0, {...}]}: the source layer's name; only its first output can be read. */
    private static String history(JsonNode tensor, String name, String cls) {
        if (!tensor.isArray() || tensor.isEmpty() || !tensor.get(0).isTextual()) {
            throw new KerasFormatException("An input of layer '" + name + "' (" + cls + ") does not name the layer"
                    + " it comes from.");
        }
        if (tensor.size() > 2 && tensor.get(2).asInt(0) != 0) {
            throw new KerasFormatException("Layer '" + name + "' (" + cls + ") reads output "
                    + tensor.get(2).asInt() + " of layer '" + tensor.get(0).asText() + "'; layers with several"
                    + " outputs cannot be imported.");
        }
        return tensor.get(0).asText();
    }

    /** {@code [["in", 0, 0]]} or Keras 3's single {@code ["in", 0, 0]}. */
    private static List<String> endpoints(JsonNode list, String what) {
        List<String> names = new ArrayList<>();
        if (list.isArray() && !list.isEmpty() && list.get(0).isTextual()) {
            names.add(list.get(0).asText());
        } else if (list.isArray()) {
            for (JsonNode item : list) {
                if (item.isArray() && !item.isEmpty() && item.get(0).isTextual()) {
                    names.add(item.get(0).asText());
                }
            }
        }
        if (names.isEmpty()) {
            throw new KerasFormatException("The functional model does not list its " + what + " layers.");
        }
        return names;
    }

    private static String className(JsonNode entry) {
        String cls = entry.path("class_name").asText("");
        if (cls.isEmpty()) {
            throw new KerasFormatException("A layer of the model has no class_name.");
        }
        return cls;
    }

    private static String name(JsonNode entry, int index) {
        String name = entry.path("config").path("name").asText(entry.path("name").asText(""));
        if (name.isEmpty()) {
            throw new KerasFormatException("Layer " + (index + 1) + " of the model has no name.");
        }
        return name;
    }

    private static String unique(String base, Set<String> names) {
        String name = base;
        for (int i = 1; names.contains(name); i++) {
            name = base + "_" + i;
        }
        names.add(name);
        return name;
    }
}
