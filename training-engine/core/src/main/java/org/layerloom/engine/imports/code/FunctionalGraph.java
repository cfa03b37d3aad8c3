package org.layerloom.engine.imports.code;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.ParamValue;

/**
 * Keras's functional style as it is read: every {@code Layer(...)(x)} adds its nodes at once, an Input becomes
 * a node when a layer is first applied to it, {@code Add()([a, b])} and {@code concatenate([a, b])} join
 * branches, and {@code Model(inputs, outputs)} names the ends. One per import; not thread-safe.
 */
final class FunctionalGraph {

    private final Map<CodeValue.InputSpec, String> inputNodes = new IdentityHashMap<>();
    private final GraphAssembler assembler = new GraphAssembler();
    private final List<String> notes;

    FunctionalGraph(List<String> notes) {
        this.notes = notes;
    }

    GraphAssembler assembler() {
        return assembler;
    }

    Optional<String> inputNode(CodeValue.InputSpec spec) {
        return Optional.ofNullable(inputNodes.get(spec));
    }

    CodeValue model(List<CodeValue> args, List<CodeValue.Keyword> keywords, SourcePos pos) {
        Map<String, CodeValue> given = new HashMap<>();
        for (int i = 0; i < args.size() && i < 2; i++) {
            given.put(i == 0 ? "inputs" : "outputs", args.get(i));
        }
        for (CodeValue.Keyword keyword : keywords) {
            given.put(keyword.name(), keyword.value());
        }
        CodeValue inputs = given.get("inputs");
        CodeValue outputs = given.get("outputs");
        if (inputs == null || outputs == null) {
            throw new ImportFailure(pos, "Model(...) needs its inputs and its outputs.",
                    "Write keras.Model(inputs=inputs, outputs=outputs).");
        }
        List<CodeValue> inputList = inputs instanceof CodeValue.Items items ? items.items() : List.of(inputs);
        if (outputs instanceof CodeValue.Items items) {
            if (items.items().size() != 1) {
                throw new ImportFailure(pos, "This model has " + items.items().size() + " outputs; a LayerLoom network"
                        + " has one.", "Keep one output.");
            }
            outputs = items.items().get(0);
        }
        for (CodeValue input : inputList) {
            if (!(input instanceof CodeValue.InputSpec)) {
                throw new ImportFailure(pos, "The inputs of Model(...) must come from keras.Input(shape=...).",
                        "Start the model with inputs = keras.Input(shape=(...)).");
            }
        }
        if (!(outputs instanceof CodeValue.Tensor)) {
            throw new ImportFailure(pos, "The outputs of Model(...) must be the result of a layer applied to the inputs.",
                    "Write outputs = layers.Dense(10)(x).");
        }
        return new CodeValue.FunctionalModel(inputList, outputs, pos);
    }

    /** A functional-style application: {@code layers.Dense(64)(x)}. */
    CodeValue apply(CodeValue.LayerCall layer, List<CodeValue> args, SourcePos pos) {
        String name = layer.name();
        if (name.equals("Add") || name.equals("Concatenate")) {
            return merge(name.equals("Add") ? LayerKind.ADD : LayerKind.CONCATENATE, name, args, layer.keywords(), pos);
        }
        if (args.size() != 1) {
            throw new ImportFailure(pos, name + " is applied to " + args.size() + " values; it takes one.",
                    "Apply it to one tensor: " + name + "(...)(x).");
        }
        if (ZeroPadding.is(name)) {
            return new CodeValue.Padded(args.get(0), ZeroPadding.size(layer), layer.pos());
        }
        CodeValue source = args.get(0);
        int padding = 0;
        if (source instanceof CodeValue.Padded padded) {
            source = padded.source();
            padding = padded.padding();
        }
        String from = nodeOf(source, pos);
        LayerEntry entry = KerasSignatures.layer(name).orElseThrow(() -> UnknownLayer.failure(layer, false));
        BoundArgs bound = BoundArgs.bind(entry.signature(), layer.args(), layer.keywords(), layer.pos());
        Translation translation = entry.recipe().translate(bound, notes);
        List<LayerStep> steps = padding == 0 ? translation.steps()
                : ZeroPadding.into(translation.steps(), padding, ((CodeValue.Padded) args.get(0)).pos());
        return new CodeValue.Tensor(assembler.chain(from, steps));
    }

    CodeValue merge(LayerKind kind, String name, List<CodeValue> args, List<CodeValue.Keyword> keywords,
                            SourcePos pos) {
        if (args.size() != 1 || !(args.get(0) instanceof CodeValue.Items items) || items.items().size() < 2) {
            throw new ImportFailure(pos, name + " joins a list of two or more tensors.", "Write " + name
                    + "()([a, b]).");
        }
        Signature signature = new Signature(name, List.of(), kind == LayerKind.CONCATENATE
                ? java.util.Set.of("axis") : java.util.Set.of(), java.util.Set.of("name"));
        BoundArgs bound = BoundArgs.bind(signature, List.of(), keywords.stream()
                .filter(k -> !k.name().equals("inputs")).toList(), pos);
        List<String> sources = new ArrayList<>();
        for (CodeValue item : items.items()) {
            sources.add(nodeOf(item, pos));
        }
        LayerStep step = LayerStep.of(kind, pos, name);
        if (kind == LayerKind.CONCATENATE) {
            step = step.with("axis", new ParamValue.Int(bound.integer("axis", -1)));
        }
        return new CodeValue.Tensor(assembler.merge(step, sources));
    }

    private String nodeOf(CodeValue value, SourcePos pos) {
        if (value instanceof CodeValue.Tensor tensor) {
            return tensor.nodeId();
        }
        if (value instanceof CodeValue.Padded padded) {
            throw new ImportFailure(padded.pos(), "LayerLoom pads inside a convolution, so a ZeroPadding layer must"
                    + " come right before one.", "Use padding='same' on the convolution instead.");
        }
        if (value instanceof CodeValue.InputSpec input) {
            return inputNodes.computeIfAbsent(input, i -> assembler.input(i.shape(), i.tokenIds(), i.pos()));
        }
        throw new ImportFailure(pos, "A layer is applied to " + BoundArgs.describe(value) + ", which is not the output"
                + " of keras.Input(...) or of another layer.", "Apply layers to inputs = keras.Input(shape=(...)) and to"
                + " what earlier layers give.");
    }

}
