package org.layerloom.engine.graph.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.layerloom.engine.graph.Category;
import org.layerloom.engine.graph.Explanation;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.LayerType;
import org.layerloom.engine.graph.ParamSpec;
import org.layerloom.engine.graph.Parameters;
import org.layerloom.engine.graph.PortSpec;
import org.layerloom.engine.graph.ShapeContext;
import org.layerloom.engine.graph.TensorShape;

/** A fully connected layer; on a sequence it applies the same weights at every step. */
final class DenseLayer extends LayerType {

    static final String UNITS = "units";

    DenseLayer() {
        super(LayerKind.DENSE, "Dense", Category.CORE, "Every output is a weighted sum of all inputs plus a bias.",
                new Explanation("A Dense (fully connected) layer has a set of neurons, each connected to every input."
                        + " Each neuron multiplies every input by its own weight, adds them up with a bias, and"
                        + " passes the sum on. Training adjusts the weights W and biases b. On a sequence it works on"
                        + " each step with the same weights.", "y = W·x + b"),
                List.of(PortSpec.single()), true, List.of(
                        ParamSpec.integer(UNITS, "Units", 64, 1, 100_000,
                                "How many neurons, which is how many numbers the layer outputs. The last Dense of a"
                                        + " classifier needs one unit per class."),
                        CommonParams.ACTIVATION_SPEC, CommonParams.BIAS_SPEC));
    }

    @Override
    public Optional<TensorShape> outputShape(ShapeContext ctx) {
        if (!Expect.vectorOrSequence(ctx)) {
            return Optional.empty();
        }
        List<Integer> dims = new ArrayList<>(ctx.input().dims());
        dims.set(dims.size() - 1, ctx.intParam(UNITS));
        return Optional.of(new TensorShape(dims, ctx.input().elements()));
    }

    @Override
    public long parameterCount(List<TensorShape> inputs, Parameters params) {
        long units = params.intValue(UNITS);
        return inputs.get(0).last() * units + (params.flag(CommonParams.BIAS) ? units : 0);
    }
}
