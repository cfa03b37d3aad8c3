package org.layerloom.engine.train.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.training.tracker.Tracker;

/**
 * RMSProp as PyTorch's {@code torch.optim.RMSprop} computes it (not centred): with {@code g} the
 * gradient plus {@code λ·w}, {@code s = ρ·s + (1−ρ)·g²}, {@code u = g / (√s + ε)}, then
 * {@code b = μ·b + u; w −= lr·b} with momentum, else {@code w −= lr·u}. Life-cycle and thread as
 * {@link StatefulOptimizer}.
 */
public final class RmsPropOptimizer extends StatefulOptimizer {

    private final double rho;
    private final double momentum;
    private final double epsilon;

    /**
     * @param rho      the decay of the running mean of squared gradients (PyTorch's {@code alpha})
     * @param momentum 0 for none
     */
    public RmsPropOptimizer(Tracker rate, double rho, double momentum, double epsilon, double weightDecay) {
        super("rmsprop", rate, (float) weightDecay);
        this.rho = requireUnit(rho, "rho");
        this.momentum = requireUnit(momentum, "momentum");
        this.epsilon = requirePositive(epsilon, "epsilon");
    }

    @Override
    protected int stateArrays() {
        return momentum > 0 ? 2 : 1;
    }

    @Override
    protected void apply(NDArray weight, NDArray grad, NDArray[] state, long step, float rate) {
        addWeightDecay(weight, grad);
        NDArray squares = state[0];
        try (NDArray square = grad.mul(grad)) {
            square.muli(scalar((float) (1 - rho)));
            squares.muli(scalar((float) rho)).addi(square);
        }
        try (NDArray denominator = squares.sqrt()) {
            denominator.addi(scalar((float) epsilon));
            grad.divi(denominator);
        }
        if (momentum > 0) {
            NDArray buffer = state[1];
            buffer.muli(scalar((float) momentum)).addi(grad);
            try (NDArray change = buffer.mul(scalar(rate))) {
                weight.subi(change);
            }
        } else {
            grad.muli(scalar(rate));
            weight.subi(grad);
        }
    }

    @Override
    protected java.util.List<String> stateNames() {
        return momentum > 0 ? java.util.List.of("s", "b") : java.util.List.of("s");
    }

    @Override
    public java.util.Map<String, Double> hyperParameters() {
        java.util.Map<String, Double> values = new java.util.LinkedHashMap<>();
        values.put("rho", rho);
        values.put("momentum", momentum);
        values.put("epsilon", epsilon);
        values.put("weight decay", (double) weightDecay());
        return values;
    }
}
