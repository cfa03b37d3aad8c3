package org.layerloom.engine.train.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.training.tracker.Tracker;

/**
 * Adagrad as PyTorch's {@code torch.optim.Adagrad} computes it (no learning-rate decay, the sum starts
 * at 0): with {@code g} the gradient plus {@code λ·w}, {@code s += g²} and {@code w −= lr·g / (√s + ε)}.
 * Life-cycle and thread as {@link StatefulOptimizer}.
 */
public final class AdagradOptimizer extends StatefulOptimizer {

    private final double epsilon;

    public AdagradOptimizer(Tracker rate, double epsilon, double weightDecay) {
        super("adagrad", rate, (float) weightDecay);
        this.epsilon = requirePositive(epsilon, "epsilon");
    }

    @Override
    protected int stateArrays() {
        return 1;
    }

    @Override
    protected void apply(NDArray weight, NDArray grad, NDArray[] state, long step, float rate) {
        addWeightDecay(weight, grad);
        NDArray sum = state[0];
        try (NDArray square = grad.mul(grad)) {
            sum.addi(square);
        }
        try (NDArray denominator = sum.sqrt()) {
            denominator.addi(scalar((float) epsilon));
            grad.divi(denominator);
        }
        grad.muli(scalar(rate));
        weight.subi(grad);
    }

    @Override
    protected java.util.List<String> stateNames() {
        return java.util.List.of("s");
    }

    @Override
    public java.util.Map<String, Double> hyperParameters() {
        java.util.Map<String, Double> values = new java.util.LinkedHashMap<>();
        values.put("epsilon", epsilon);
        values.put("weight decay", (double) weightDecay());
        return values;
    }
}
