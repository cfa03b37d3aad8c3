package org.layerloom.engine.train.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.training.tracker.Tracker;

/**
 * Stochastic gradient descent with optional momentum and Nesterov momentum, as PyTorch's
 * {@code torch.optim.SGD} computes it (no dampening): with {@code g} the gradient plus {@code λ·w},
 * {@code b = μ·b + g}, then {@code w −= lr·(g + μ·b)} (Nesterov) or {@code w −= lr·b}, or
 * {@code w −= lr·g} without momentum. The learning rate is applied outside the momentum buffer, so a
 * changed rate takes effect at once. Life-cycle and thread as {@link StatefulOptimizer}.
 */
public final class SgdOptimizer extends StatefulOptimizer {

    private final double momentum;
    private final boolean nesterov;

    /**
     * @param momentum 0 for plain SGD
     * @param nesterov Nesterov momentum; ignored when {@code momentum} is 0
     */
    public SgdOptimizer(Tracker rate, double momentum, boolean nesterov, double weightDecay) {
        super("sgd", rate, (float) weightDecay);
        this.momentum = requireUnit(momentum, "momentum");
        this.nesterov = nesterov && momentum > 0;
    }

    @Override
    protected int stateArrays() {
        return momentum > 0 ? 1 : 0;
    }

    @Override
    protected void apply(NDArray weight, NDArray grad, NDArray[] state, long step, float rate) {
        addWeightDecay(weight, grad);
        if (momentum == 0) {
            grad.muli(scalar(rate));
            weight.subi(grad);
            return;
        }
        NDArray buffer = state[0];
        buffer.muli(scalar((float) momentum)).addi(grad);
        if (nesterov) {
            try (NDArray ahead = buffer.mul(scalar((float) momentum))) {
                grad.addi(ahead);
            }
            grad.muli(scalar(rate));
            weight.subi(grad);
        } else {
            try (NDArray change = buffer.mul(scalar(rate))) {
                weight.subi(change);
            }
        }
    }

    @Override
    protected java.util.List<String> stateNames() {
        return momentum > 0 ? java.util.List.of("b") : java.util.List.of();
    }

    @Override
    public java.util.Map<String, Double> hyperParameters() {
        java.util.Map<String, Double> values = new java.util.LinkedHashMap<>();
        values.put("momentum", momentum);
        values.put("nesterov", nesterov ? 1.0 : 0.0);
        values.put("weight decay", (double) weightDecay());
        return values;
    }
}
