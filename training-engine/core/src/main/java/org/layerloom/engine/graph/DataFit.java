package org.layerloom.engine.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.layerloom.engine.graph.edit.CompositeEdit;
import org.layerloom.engine.graph.edit.GraphEdit;
import org.layerloom.engine.graph.edit.GraphEdits;

/**
 * Does a network fit its dataset? The one data check that the editor's problems list, the data doctor, the
 * training set-up and {@code layerloom validate} share: the Input must take the dataset's example shape; a
 * classifier must give one score per class (softmax cross-entropy) or one for two classes (sigmoid binary
 * cross-entropy); a regression needs MSE or L1 on as many values as there are targets; every token id of the
 * data must have a row in each Embedding's vocabulary. Each mismatch is an error {@link Problem} with a stable
 * {@link ProblemCode}, the nodes it concerns and one-click fixes ("Set the Input to 2 features", "Give the last
 * layer 2 units", "Set the vocabulary to 40"). Stateless; any thread.
 */
public final class DataFit {

    private static final String SHAPE = "shape";
    private static final String VALUES = "values";
    private static final String LOSS = "loss";
    private static final String UNITS = "units";
    private static final String VOCABULARY = "vocabulary";
    private static final String SOFTMAX_CE = "softmax_cross_entropy";
    private static final String SIGMOID_BCE = "sigmoid_binary_cross_entropy";
    private static final String MSE = "mse";

    private DataFit() {
    }

    /**
     * Every mismatch between the validated {@code graph} and the data described by {@code facts}; empty when all
     * fits. Parts of the network that the validator could not work out (an unresolved Output, two Inputs) are
     * left to the validator's own problems.
     */
    public static List<Problem> problems(NetworkGraph graph, ValidationReport report, DataFacts facts) {
        List<Problem> problems = new ArrayList<>();
        List<Node> inputs = graph.nodesOfKind(LayerKind.INPUT);
        if (inputs.size() == 1) {
            input(graph, report, inputs.get(0), facts).ifPresent(problems::add);
        }
        List<Node> outputs = graph.nodesOfKind(LayerKind.OUTPUT);
        if (outputs.size() == 1) {
            report.outputOf(outputs.get(0).id())
                    .ifPresent(prediction -> output(graph, outputs.get(0), prediction, facts).ifPresent(problems::add));
        }
        if (facts.exampleShape().isTokenIds() && facts.vocabularyNeeded() > 0) {
            for (Node embedding : graph.nodesOfKind(LayerKind.EMBEDDING)) {
                vocabulary(graph, embedding, facts).ifPresent(problems::add);
            }
        }
        return problems;
    }

    /** The Input's shape and values against the data's examples. */
    private static Optional<Problem> input(NetworkGraph graph, ValidationReport report, Node input, DataFacts facts) {
        Optional<TensorShape> taken = report.outputOf(input.id());
        TensorShape given = facts.exampleShape();
        if (taken.isEmpty() || taken.get().equals(given)) {
            return Optional.empty();
        }
        TensorShape expected = taken.get();
        String message = "The dataset " + facts.name() + " gives examples of shape " + given.tuple()
                + (given.isTokenIds() ? " (token ids)" : "") + ", but " + input.name() + " expects "
                + expected.tuple() + (expected.isTokenIds() ? " (token ids)" : "") + ". Set the shape of "
                + input.name() + " to " + given.tuple() + ".";
        List<Fix> fixes = new ArrayList<>();
        Fix setShape = setInput(graph, input, given, "Set the Input to " + shapeWords(given));
        List<Wire> out = graph.wiresFrom(input.id());
        boolean flattenHelps = !given.isTokenIds() && given.rank() > 1 && expected.isVector() && out.size() == 1
                && (long) expected.dim(0) == given.size()
                && graph.node(out.get(0).to().nodeId()).map(n -> n.kind() == LayerKind.DENSE).orElse(false);
        if (flattenHelps) {
            String label = "Set the Input to " + shapeWords(given) + " and insert a Flatten";
            List<GraphEdit> steps = new ArrayList<>(setInputEdits(graph, input, given));
            steps.add(GraphEdits.insertOnWire(graph, out.get(0), LayerKind.FLATTEN, Parameters.empty(), label));
            fixes.add(new Fix(label, new CompositeEdit(label, steps)));
            message = message.substring(0, message.length() - 1) + " and insert a Flatten after it: a Dense layer"
                    + " reads a vector.";
        }
        fixes.add(setShape);
        return Optional.of(new Problem(ProblemCode.INPUT_DOES_NOT_FIT_DATA, List.of(input.id()), Severity.ERROR,
                message, fixes));
    }

    private static Fix setInput(NetworkGraph graph, Node input, TensorShape given, String label) {
        return new Fix(label, new CompositeEdit(label, setInputEdits(graph, input, given)));
    }

    private static List<GraphEdit> setInputEdits(NetworkGraph graph, Node input, TensorShape given) {
        List<GraphEdit> steps = new ArrayList<>();
        steps.add(GraphEdits.setParameter(graph, input.id(), SHAPE, new ParamValue.Dims(given.dims())));
        String values = given.isTokenIds() ? "token_ids" : "real";
        if (!input.params().has(VALUES) || !input.params().choice(VALUES).equals(values)) {
            steps.add(GraphEdits.setParameter(graph, input.id(), VALUES, new ParamValue.Choice(values)));
        }
        return steps;
    }

    /** The Input parameters that take the data's examples, for a new Input. */
    public static Parameters inputFor(DataFacts facts) {
        TensorShape shape = facts.exampleShape();
        return Parameters.empty().with(SHAPE, new ParamValue.Dims(shape.dims()))
                .with(VALUES, new ParamValue.Choice(shape.isTokenIds() ? "token_ids" : "real"));
    }

    /** The Output parameters that suit the data's task, for a new Output: MSE for numbers, else the default. */
    public static Parameters outputFor(DataFacts facts) {
        return !facts.isClassification()
                ? Parameters.empty().with(LOSS, new ParamValue.Choice(MSE)) : Parameters.empty();
    }

    /** "2 features", "1×28×28 images", "sequences of 50×8", "12 token ids". */
    static String shapeWords(TensorShape shape) {
        if (shape.isTokenIds()) {
            return shape.dim(0) + " token ids";
        }
        return switch (shape.rank()) {
            case 1 -> shape.dim(0) == 1 ? "1 feature" : shape.dim(0) + " features";
            case 2 -> "sequences of " + shape;
            case 3 -> shape + " images";
            default -> shape.toString();
        };
    }

    /** The prediction and the loss against the data's classes or targets. */
    private static Optional<Problem> output(NetworkGraph graph, Node output, TensorShape prediction,
                                            DataFacts facts) {
        String loss = output.params().choice(LOSS);
        Optional<Node> last = graph.wiresInto(output.id()).stream().findFirst()
                .flatMap(w -> graph.node(w.from().nodeId()));
        String data = facts.name();
        if (facts.isClassification()) {
            int classes = facts.classCount();
            switch (loss) {
                case SOFTMAX_CE -> {
                    if (prediction.last() != classes) {
                        return problem(ProblemCode.OUTPUT_DOES_NOT_FIT_DATA, output, last, data + " has " + classes
                                        + " classes, but the network gives " + scores(prediction.last())
                                        + " per example. Give the last layer " + classes + " units.",
                                unitsFix(graph, output, last, classes, "Give the last layer " + classes + " units"));
                    }
                }
                case SIGMOID_BCE -> {
                    if (classes != 2) {
                        return problem(ProblemCode.LOSS_DOES_NOT_FIT_DATA, output, last, data + " has " + classes
                                        + " classes, but sigmoid binary cross-entropy answers yes or no. Use softmax"
                                        + " cross-entropy with " + classes + " units in the last layer.",
                                lossFix(graph, output, last, SOFTMAX_CE, prediction.last(), classes,
                                        "Use softmax cross-entropy with " + classes + " units"));
                    }
                    if (prediction.last() != 1) {
                        return problem(ProblemCode.OUTPUT_DOES_NOT_FIT_DATA, output, last, "Sigmoid binary"
                                        + " cross-entropy needs one unit in the last layer (the probability of \""
                                        + facts.classNames().get(1) + "\"), but the network gives " + prediction.last()
                                        + ". Give the last layer 1 unit.",
                                unitsFix(graph, output, last, 1, "Give the last layer 1 unit"));
                    }
                }
                default -> {
                    return problem(ProblemCode.LOSS_DOES_NOT_FIT_DATA, output, last, data + " sorts examples into "
                                    + classes + " classes, so " + output.name() + " needs a cross-entropy loss, not "
                                    + loss.replace('_', ' ') + ".",
                            lossFix(graph, output, last, SOFTMAX_CE, prediction.last(), classes,
                                    "Use softmax cross-entropy"
                                            + (prediction.last() == classes ? "" : " with " + classes + " units")));
                }
            }
            return Optional.empty();
        }
        int targets = facts.targets();
        if (!loss.equals(MSE) && !loss.equals("l1")) {
            return problem(ProblemCode.LOSS_DOES_NOT_FIT_DATA, output, last, data + " asks the network to predict"
                            + " numbers, so " + output.name() + " needs the loss mean squared error or L1, not "
                            + loss.replace('_', ' ') + ".",
                    lossFix(graph, output, last, MSE, prediction.last(), prediction.isVector() ? targets
                            : prediction.last(), "Use mean squared error"));
        }
        if (prediction.size() != targets) {
            String units = targets == 1 ? "1 unit" : targets + " units";
            return problem(ProblemCode.OUTPUT_DOES_NOT_FIT_DATA, output, last, data + " has "
                            + (targets == 1 ? "1 value" : targets + " values") + " to predict per example, but the"
                            + " network gives " + prediction.describe() + ". Give the last layer " + units + ".",
                    prediction.isVector() ? unitsFix(graph, output, last, targets, "Give the last layer " + units)
                            : Optional.empty());
        }
        return Optional.empty();
    }

    private static String scores(int n) {
        return n == 1 ? "1 score" : n + " scores";
    }

    private static Optional<Problem> problem(ProblemCode code, Node output, Optional<Node> last, String message,
                                             Optional<Fix> fix) {
        List<String> nodes = new ArrayList<>(List.of(output.id()));
        last.ifPresent(n -> nodes.add(n.id()));
        return Optional.of(new Problem(code, nodes, Severity.ERROR, message, fix.stream().toList()));
    }

    /** Sets the units of the Dense before the Output, or inserts one with {@code units} there. */
    private static Optional<Fix> unitsFix(NetworkGraph graph, Node output, Optional<Node> last, int units,
                                          String label) {
        return unitsEdits(graph, output, last, units, label)
                .map(steps -> new Fix(label, new CompositeEdit(label, steps)));
    }

    private static Optional<List<GraphEdit>> unitsEdits(NetworkGraph graph, Node output, Optional<Node> last,
                                                        int units, String label) {
        if (last.isEmpty()) {
            return Optional.empty();
        }
        if (last.get().kind() == LayerKind.DENSE) {
            return Optional.of(List.of(GraphEdits.setParameter(graph, last.get().id(), UNITS,
                    new ParamValue.Int(units))));
        }
        Wire into = graph.wiresInto(output.id()).get(0);
        return Optional.of(List.of(GraphEdits.insertOnWire(graph, into, LayerKind.DENSE,
                Parameters.empty().with(UNITS, new ParamValue.Int(units)), label)));
    }

    /** Sets the Output's loss and, when the prediction has {@code given} values instead of {@code wanted}, the units. */
    private static Optional<Fix> lossFix(NetworkGraph graph, Node output, Optional<Node> last, String loss, int given,
                                         int wanted, String label) {
        List<GraphEdit> steps = new ArrayList<>();
        steps.add(GraphEdits.setParameter(graph, output.id(), LOSS, new ParamValue.Choice(loss)));
        if (given != wanted) {
            Optional<List<GraphEdit>> units = unitsEdits(graph, output, last, wanted, label);
            if (units.isEmpty()) {
                return Optional.empty();
            }
            steps.addAll(units.get());
        }
        return Optional.of(new Fix(label, new CompositeEdit(label, steps)));
    }

    /** Every token id of the data needs a row in the Embedding's table. */
    private static Optional<Problem> vocabulary(NetworkGraph graph, Node embedding, DataFacts facts) {
        if (!embedding.params().has(VOCABULARY)
                || !(embedding.params().get(VOCABULARY) instanceof ParamValue.Int size)) {
            return Optional.empty();
        }
        int needed = facts.vocabularyNeeded();
        if (size.value() >= needed) {
            return Optional.empty();
        }
        String label = "Set the vocabulary to " + needed;
        return Optional.of(Problem.error(ProblemCode.TOKEN_IDS_BEYOND_VOCABULARY, embedding.id(), "The dataset "
                        + facts.name() + " holds token ids up to " + (needed - 1) + ", but " + embedding.name()
                        + " has a vocabulary of " + size.value() + ", so ids from " + size.value() + " on have no row"
                        + " in its table and training would stop. Set the vocabulary to " + needed + ".",
                List.of(new Fix(label, GraphEdits.setParameter(graph, embedding.id(), VOCABULARY,
                        new ParamValue.Int(needed), label)))));
    }
}
