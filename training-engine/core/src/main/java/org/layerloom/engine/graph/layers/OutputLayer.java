package org.layerloom.engine.graph.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.layerloom.engine.graph.Category;
import org.layerloom.engine.graph.ChoiceOption;
import org.layerloom.engine.graph.Explanation;
import org.layerloom.engine.graph.Fix;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.LayerType;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.ParamSpec;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.PortSpec;
import org.layerloom.engine.graph.ShapeContext;
import org.layerloom.engine.graph.TensorShape;

/** The end of the network: what it predicts, and the loss that measures how wrong a prediction is. */
final class OutputLayer extends LayerType {

    static final String LOSS = "loss";
    static final String SOFTMAX_CE = "softmax_cross_entropy";
    static final String SIGMOID_BCE = "sigmoid_binary_cross_entropy";
    static final String MSE = "mse";
    static final String L1 = "l1";

    OutputLayer() {
        super(LayerKind.OUTPUT, "Output", Category.INPUT_OUTPUT, "The prediction and the loss it is trained with.",
                new Explanation("The Output layer receives the network's prediction and compares it with the label"
                        + " using a loss. Training changes the weights to make the loss small. Softmax cross-entropy"
                        + " picks one class out of several (one output per class); sigmoid binary cross-entropy"
                        + " answers one yes/no question (one output); mean squared error and L1 measure how far a"
                        + " predicted number is from the true one (regression). Give the losses raw scores: they"
                        + " apply softmax or sigmoid themselves.",
                        "softmax CE: L = −log(e^{z_y} / Σⱼ e^{z_j});  sigmoid BCE: L = −[y·log σ(z) + (1 − y)·log(1 − σ(z))];"
                                + "  MSE: L = mean((ŷ − y)²);  L1: L = mean(|ŷ − y|)"),
                List.of(PortSpec.single()), false, List.of(
                        ParamSpec.choice(LOSS, "Loss", SOFTMAX_CE, List.of(
                                        new ChoiceOption(SOFTMAX_CE, "softmax cross-entropy (one of several classes)"),
                                        new ChoiceOption(SIGMOID_BCE, "sigmoid binary cross-entropy (yes or no)"),
                                        new ChoiceOption(MSE, "mean squared error (numbers)"),
                                        new ChoiceOption(L1, "L1, mean absolute error (numbers)")),
                                "How a wrong prediction is measured: cross-entropy for classes, MSE or L1 for numbers.")));
    }

    @Override
    public Optional<TensorShape> outputShape(ShapeContext ctx) {
        TensorShape in = ctx.input();
        String loss = ctx.choiceParam(LOSS);
        if (!Expect.real(ctx, in)) {
            return Optional.empty();
        }
        if (loss.equals(MSE) || loss.equals(L1)) {
            return Optional.of(in);
        }
        Node upstream = ctx.single().source();
        if (!in.isVector()) {
            return ctx.fail(ctx.who() + " compares one prediction per example with its label, so it needs a vector"
                    + " of class scores, but receives " + in.describe() + "." + vectorHint(upstream), vectorFixes(ctx, upstream));
        }
        int units = in.dim(0);
        if (loss.equals(SOFTMAX_CE) && units < 2) {
            return ctx.fail("Softmax cross-entropy picks one class out of several, so it needs one output per class,"
                            + " but the network gives 1 value per example. For a yes/no answer use sigmoid binary"
                            + " cross-entropy; for several classes give the last layer one unit per class.",
                    fixes(ctx.setParam("Use sigmoid binary cross-entropy", LOSS, new ParamValue.Choice(SIGMOID_BCE)),
                            unitsFix(ctx, upstream, 2)));
        }
        if (loss.equals(SIGMOID_BCE) && units != 1) {
            return ctx.fail("Sigmoid binary cross-entropy answers one yes/no question, so it needs exactly 1 output"
                            + " value, but the network gives " + units + ". For " + units + " classes use softmax"
                            + " cross-entropy.",
                    fixes(ctx.setParam("Use softmax cross-entropy", LOSS, new ParamValue.Choice(SOFTMAX_CE)),
                            unitsFix(ctx, upstream, 1)));
        }
        warnAboutDoubleSquashing(ctx, loss, upstream);
        return Optional.of(in);
    }

    private static String vectorHint(Node upstream) {
        if (RecurrentLayer.isRecurrent(upstream.kind())
                && upstream.params().has(RecurrentLayer.RETURN_SEQUENCES)
                && upstream.params().flag(RecurrentLayer.RETURN_SEQUENCES)) {
            return " " + upstream.name() + " returns a whole sequence; turn 'return sequences' off to keep only"
                    + " its last step.";
        }
        return " Insert a Flatten and a Dense with one unit per class before it.";
    }

    private static Fix[] vectorFixes(ShapeContext ctx, Node upstream) {
        if (RecurrentLayer.isRecurrent(upstream.kind())
                && upstream.params().flag(RecurrentLayer.RETURN_SEQUENCES)) {
            return new Fix[] {ctx.setParamOf("Turn off 'return sequences' of " + upstream.name(), upstream,
                    RecurrentLayer.RETURN_SEQUENCES, new ParamValue.Flag(false))};
        }
        return new Fix[] {ctx.insertBefore("Insert a Flatten before it", LayerKind.FLATTEN,
                org.layerloom.engine.graph.Parameters.empty())};
    }

    private static Optional<Fix> unitsFix(ShapeContext ctx, Node upstream, int units) {
        if (upstream.kind() != LayerKind.DENSE) {
            return Optional.empty();
        }
        return Optional.of(ctx.setParamOf("Change units of " + upstream.name() + " to " + units, upstream,
                DenseLayer.UNITS, new ParamValue.Int(units)));
    }

    private static void warnAboutDoubleSquashing(ShapeContext ctx, String loss, Node upstream) {
        boolean softmaxTwice = loss.equals(SOFTMAX_CE) && upstream.kind() == LayerKind.SOFTMAX;
        boolean sigmoidTwice = loss.equals(SIGMOID_BCE) && upstream.kind() == LayerKind.SIGMOID;
        if (softmaxTwice || sigmoidTwice) {
            String f = softmaxTwice ? "softmax" : "sigmoid";
            ctx.warn("The " + f + " cross-entropy loss applies " + f + " itself, so " + upstream.name()
                            + " squashes the scores twice and slows learning. Remove it; the prediction view still"
                            + " shows probabilities.",
                    ctx.bypass("Remove " + upstream.name(), upstream));
        }
    }

    @SafeVarargs
    private static Fix[] fixes(Fix first, Optional<Fix>... more) {
        List<Fix> all = new ArrayList<>(List.of(first));
        for (Optional<Fix> fix : more) {
            fix.ifPresent(all::add);
        }
        return all.toArray(Fix[]::new);
    }
}
