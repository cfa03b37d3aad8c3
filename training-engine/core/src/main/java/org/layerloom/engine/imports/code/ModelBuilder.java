package org.layerloom.engine.imports.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.Wire;

/**
 * Turns the model the code builds into a LayerLoom network ending in an Output: a Sequential's layers in a
 * chain behind an Input, or the functional graph already built. It chooses the Output's loss, moving a
 * last softmax or sigmoid that the framework's loss expects into LayerLoom's loss, with a note. One per
 * import; not thread-safe.
 */
final class ModelBuilder {

    private final CodeImportOptions options;
    private final List<String> notes;

    ModelBuilder(CodeImportOptions options, List<String> notes) {
        this.options = options;
        this.notes = notes;
    }

    NetworkGraph build(CodeValue model, Optional<CodeValue.Loss> loss, CodeInterpreter interpreter) {
        GraphAssembler assembler;
        String last;
        if (model instanceof CodeValue.SequentialModel sequential) {
            assembler = new GraphAssembler();
            last = sequential(sequential, assembler);
        } else {
            CodeValue.FunctionalModel functional = (CodeValue.FunctionalModel) model;
            assembler = interpreter.functional().assembler();
            last = ((CodeValue.Tensor) functional.output()).nodeId();
            for (CodeValue input : functional.inputs()) {
                if (interpreter.functional().inputNode((CodeValue.InputSpec) input).isEmpty()) {
                    throw new ImportFailure(functional.pos(), "An input of Model(...) is not used by any layer.",
                            "Remove it from the inputs, or apply a layer to it.");
                }
            }
        }
        String output = output(assembler, last, loss, model);
        assembler.keepAncestorsOf(output);
        for (java.util.Map.Entry<String, SourcePos> log : assembler.logSoftmaxNodes().entrySet()) {
            if (assembler.graph().contains(log.getKey())) {
                throw new ImportFailure(log.getValue(), "nn.LogSoftmax can only end a model trained with"
                        + " nn.NLLLoss.", "Remove it and use nn.CrossEntropyLoss().");
            }
        }
        return ImportLayout.apply(assembler.graph());
    }

    private String sequential(CodeValue.SequentialModel model, GraphAssembler assembler) {
        List<LayerStep> steps = new ArrayList<>();
        Optional<List<Integer>> shape = Optional.empty();
        boolean tokens = false;
        boolean first = true;
        CodeValue.LayerCall padding = null;
        for (CodeValue.LayerCall layer : model.layers()) {
            if (!model.torch() && ZeroPadding.is(layer.name())) {
                if (padding != null) {
                    throw new ImportFailure(layer.pos(), "Two ZeroPadding layers follow each other.",
                            "Use one with the total padding.");
                }
                padding = layer;
                continue;
            }
            if (layer.name().equals("Input") && !layer.keywords().isEmpty()
                    && layer.keywords().get(0).value() instanceof CodeValue.InputSpec input) {
                if (!first) {
                    throw new ImportFailure(input.pos(), "An Input can only come first in a Sequential model.",
                            "Move it to the start of the list.");
                }
                shape = Optional.of(input.shape());
                tokens = input.tokenIds();
                continue;
            }
            if (layer.name().equals("Add") || layer.name().equals("Concatenate")) {
                throw new ImportFailure(layer.pos(), layer.name() + " joins branches, which a Sequential model has"
                        + " not.", "Build the model in the functional style: x = ...(inputs), then keras.Model(inputs,"
                        + " outputs).");
            }
            LayerEntry entry = (model.torch() ? TorchSignatures.layer(layer.name()) : KerasSignatures.layer(layer.name()))
                    .orElseThrow(() -> UnknownLayer.failure(layer, model.torch()));
            BoundArgs bound = BoundArgs.bind(entry.signature(), layer.args(), layer.keywords(), layer.pos());
            Translation translation = entry.recipe().translate(bound, notes);
            if (first) {
                if (shape.isEmpty()) {
                    shape = translation.inputShape();
                    if (model.torch() && shape.isPresent() && options.inputShape().isEmpty()) {
                        notes.add("line " + layer.pos().line() + ": the input shape " + shape.get()
                                + " comes from the first Linear's in_features.");
                    }
                }
                tokens |= translation.tokenIds();
            }
            first = false;
            boolean flattenAfterPool = model.torch() && !steps.isEmpty()
                    && steps.get(steps.size() - 1).kind() == LayerKind.GLOBAL_AVG_POOL2D
                    && translation.steps().size() == 1 && translation.steps().get(0).kind() == LayerKind.FLATTEN;
            if (flattenAfterPool) {
                notes.add("line " + layer.pos().line() + ": the nn.Flatten() after AdaptiveAvgPool2d(1) was left out:"
                        + " LayerLoom's global average pooling already gives one number per channel.");
                continue;
            }
            if (padding != null) {
                steps.addAll(ZeroPadding.into(translation.steps(), ZeroPadding.size(padding), padding.pos()));
                padding = null;
            } else {
                steps.addAll(translation.steps());
            }
        }
        if (padding != null) {
            throw new ImportFailure(padding.pos(), "LayerLoom pads inside a convolution, so a ZeroPadding layer must"
                    + " come right before one.", "Use padding='same' on the convolution instead.");
        }
        if (options.inputShape().isPresent()) {
            shape = options.inputShape();
        }
        if (shape.isEmpty()) {
            throw noInputShape(model, tokens);
        }
        String input = assembler.input(shape.get(), tokens, model.pos());
        return assembler.chain(input, steps);
    }

    private static ImportFailure noInputShape(CodeValue.SequentialModel model, boolean tokens) {
        if (model.torch()) {
            return new ImportFailure(model.pos(), "nn.Sequential does not say what one example looks like, and its"
                    + " first layer is not an nn.Linear that would tell.", "Give the input shape, channels first:"
                    + " --input-shape 1,28,28 on the command line" + (tokens ? " (for token ids: the sequence"
                    + " length, such as --input-shape 100)" : "") + ".");
        }
        return new ImportFailure(model.pos(), "The Sequential model does not say what one example looks like.",
                tokens ? "Add input_length=100 to the Embedding, or start with keras.Input(shape=(100,))."
                        : "Add input_shape=(...) to the first layer, or start the list with keras.Input(shape=(...)).");
    }

    private String output(GraphAssembler assembler, String last, Optional<CodeValue.Loss> given, CodeValue model) {
        Node lastNode = assembler.graph().requireNode(last);
        if (lastNode.kind() == LayerKind.INPUT) {
            throw new ImportFailure(modelPos(model), "The model has no layers.", "Add at least one layer.");
        }
        CodeValue.Loss loss = given.orElseGet(() -> guessLoss(lastNode, modelPos(model)));
        String feeding = stripLast(assembler, last, loss);
        Node stillLast = assembler.graph().requireNode(feeding);
        if (stillLast.kind() == LayerKind.SOFTMAX && !isLog(stillLast, assembler)
                && loss.expects() == CodeValue.Expects.RAW_SCORES) {
            notes.add("The model ends in a softmax, but its loss " + loss.description() + " applies softmax itself;"
                    + " LayerLoom keeps the layer and warns about it, so you can remove it in the editor.");
        }
        LayerStep output = LayerStep.of(LayerKind.OUTPUT, loss.pos(), "Output")
                .with("loss", new ParamValue.Choice(loss.lossId()));
        return assembler.chain(feeding, List.of(output));
    }

    private CodeValue.Loss guessLoss(Node last, SourcePos pos) {
        if (last.kind() == LayerKind.SOFTMAX) {
            notes.add("The code names no loss; the last softmax says it picks one of several classes, so the Output"
                    + " uses softmax cross-entropy.");
            return new CodeValue.Loss(Losses.SOFTMAX_CE, CodeValue.Expects.PROBABILITIES, "softmax", pos);
        }
        boolean sigmoid = last.kind() == LayerKind.SIGMOID || (last.params().has("activation")
                && last.params().choice("activation").equals("sigmoid"));
        if (sigmoid) {
            notes.add("The code names no loss; the last sigmoid says it answers yes or no, so the Output uses"
                    + " sigmoid binary cross-entropy.");
            return new CodeValue.Loss(Losses.SIGMOID_BCE, CodeValue.Expects.PROBABILITIES, "sigmoid", pos);
        }
        boolean one = last.kind() == LayerKind.DENSE && last.params().intValue("units") == 1;
        notes.add("The code names no loss; the Output uses " + (one ? "mean squared error, as the network predicts one"
                + " number" : "softmax cross-entropy (classes)") + ". Change it on the Output if needed.");
        return new CodeValue.Loss(one ? Losses.MSE : Losses.SOFTMAX_CE, CodeValue.Expects.RAW_SCORES, "none", pos);
    }

    /** Removes a last softmax, log-softmax or sigmoid that LayerLoom's loss applies itself; the new last node. */
    private String stripLast(GraphAssembler assembler, String last, CodeValue.Loss loss) {
        Node node = assembler.graph().requireNode(last);
        boolean single = assembler.graph().wiresInto(last).size() == 1;
        String line = "line " + loss.pos().line() + ": ";
        if (loss.expects() == CodeValue.Expects.LOG_PROBABILITIES) {
            if (node.kind() == LayerKind.SOFTMAX && single && isLog(node, assembler)) {
                return bypass(assembler, last, "The last LogSoftmax and the NLLLoss became the Output's softmax"
                        + " cross-entropy, which is the same loss.");
            }
            throw new ImportFailure(loss.pos(), loss.description() + " expects log-probabilities, but the model does"
                    + " not end in nn.LogSoftmax.", "Use nn.CrossEntropyLoss() on the raw scores.");
        }
        if (loss.expects() != CodeValue.Expects.PROBABILITIES) {
            return last;
        }
        if (loss.lossId().equals(Losses.SOFTMAX_CE) && node.kind() == LayerKind.SOFTMAX && single) {
            return bypass(assembler, last, line + "the last softmax moved into the Output's softmax cross-entropy"
                    + " loss, which applies it itself (" + loss.description() + " expects probabilities).");
        }
        if (loss.lossId().equals(Losses.SIGMOID_BCE)) {
            if (node.kind() == LayerKind.SIGMOID && single) {
                return bypass(assembler, last, line + "the last sigmoid moved into the Output's sigmoid binary"
                        + " cross-entropy loss, which applies it itself.");
            }
            if (node.params().has("activation") && node.params().choice("activation").equals("sigmoid")) {
                assembler.setParam(last, "activation", new ParamValue.Choice("none"));
                notes.add(line + "the sigmoid of " + node.name() + " moved into the Output's sigmoid binary"
                        + " cross-entropy loss, which applies it itself.");
                return last;
            }
        }
        notes.add(line + loss.description() + " expects probabilities, but the last layer gives raw scores;"
                + " LayerLoom's loss turns raw scores into probabilities itself, so the model trains as intended.");
        return last;
    }

    private static boolean isLog(Node node, GraphAssembler assembler) {
        return assembler.logSoftmaxNodes().containsKey(node.id());
    }

    private String bypass(GraphAssembler assembler, String nodeId, String note) {
        Wire in = assembler.graph().wiresInto(nodeId).get(0);
        if (!assembler.graph().wiresFrom(nodeId).isEmpty()) {
            return nodeId;
        }
        assembler.remove(nodeId);
        notes.add(note);
        return in.from().nodeId();
    }

    private static SourcePos modelPos(CodeValue model) {
        return model instanceof CodeValue.SequentialModel s ? s.pos() : ((CodeValue.FunctionalModel) model).pos();
    }
}
