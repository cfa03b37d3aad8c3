package org.layerloom.engine.train.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.training.tracker.Tracker;
import java.util.Optional;

/**
 * Adam, and AdamW with decoupled weight decay, as PyTorch's {@code torch.optim.Adam} and {@code AdamW}
 * compute them (no AMSGrad): with {@code g} the gradient (plus {@code λ·w} for Adam's L2 decay),
 * {@code m = β1·m + (1−β1)·g}, {@code v = β2·v + (1−β2)·g²} and
 * {@code w −= lr/(1−β1ᵗ) · m / (√v/√(1−β2ᵗ) + ε)}; AdamW first shrinks {@code w *= 1 − lr·λ}.
 * The last step is computed in the equal form {@code w −= (lr·√(1−β2ᵗ)/(1−β1ᵗ)) · m / (√v + ε·√(1−β2ᵗ))}.
 * Per parameter and step: 12 passes over the values (13 with Adam's weight decay), two temporaries, no
 * copy of the gradient. A whole step ({@link #updateAll}) runs libtorch's fused kernel instead where it can, one
 * pass over each parameter in PyTorch's own form of the last line. Life-cycle and thread as
 * {@link StatefulOptimizer}.
 */
public final class AdamOptimizer extends StatefulOptimizer {

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final boolean decoupled;

    private AdamOptimizer(String kind, Tracker rate, double beta1, double beta2, double epsilon, double weightDecay,
                          boolean decoupled) {
        super(kind, rate, (float) weightDecay);
        this.beta1 = requireUnit(beta1, "beta1");
        this.beta2 = requireUnit(beta2, "beta2");
        this.epsilon = requirePositive(epsilon, "epsilon");
        this.decoupled = decoupled;
    }

    /** Adam; {@code weightDecay} is added to the gradient as an L2 penalty. */
    public static AdamOptimizer adam(Tracker rate, double beta1, double beta2, double epsilon, double weightDecay) {
        return new AdamOptimizer("adam", rate, beta1, beta2, epsilon, weightDecay, false);
    }

    /** AdamW; {@code weightDecay} shrinks the weights directly, apart from the gradient. */
    public static AdamOptimizer adamW(Tracker rate, double beta1, double beta2, double epsilon, double weightDecay) {
        return new AdamOptimizer("adamw", rate, beta1, beta2, epsilon, weightDecay, true);
    }

    @Override
    protected int stateArrays() {
        return 2;
    }

    @Override
    protected void apply(NDArray weight, NDArray grad, NDArray[] state, long step, float rate) {
        NDArray mean = state[0];
        NDArray variance = state[1];
        if (!decoupled) {
            addWeightDecay(weight, grad);
        } else if (weightDecay() != 0f) {
            weight.muli(scalar((float) (1 - (double) rate * weightDecay())));
        }
        // g becomes (1−β1)·g for the mean, then ((1−β1)·g)² · (1−β2)/(1−β1)² = (1−β2)·g² for the variance.
        grad.muli(scalar((float) (1 - beta1)));
        mean.muli(scalar((float) beta1)).addi(grad);
        grad.muli(grad);
        grad.muli(scalar((float) ((1 - beta2) / ((1 - beta1) * (1 - beta1)))));
        variance.muli(scalar((float) beta2)).addi(grad);
        double correction1 = 1 - Math.pow(beta1, step);
        double root2 = Math.sqrt(1 - Math.pow(beta2, step));
        try (NDArray denominator = variance.sqrt()) {
            denominator.addi(scalar((float) (epsilon * root2)));
            try (NDArray change = mean.div(denominator)) {
                change.muli(scalar((float) (rate * root2 / correction1)));
                weight.subi(change);
            }
        }
    }

    /** All parameters in one pass of libtorch's fused kernel, where this process has it ({@link FusedAdamKernel}). */
    @Override
    protected boolean applyAll(NDArray[] weights, NDArray[] grads, NDArray[][] states, long step, float rate) {
        Optional<FusedAdamKernel> kernel = FusedAdamKernel.find();
        if (kernel.isEmpty()) {
            return false;
        }
        NDArray[] means = new NDArray[states.length];
        NDArray[] variances = new NDArray[states.length];
        for (int i = 0; i < states.length; i++) {
            means[i] = states[i][0];
            variances[i] = states[i][1];
        }
        return kernel.get().update(weights, grads, means, variances, step, stepCount(step), rate, beta1, beta2,
                weightDecay(), epsilon, decoupled);
    }

    @Override
    protected java.util.List<String> stateNames() {
        return java.util.List.of("m", "v");
    }

    @Override
    public java.util.Map<String, Double> hyperParameters() {
        java.util.Map<String, Double> values = new java.util.LinkedHashMap<>();
        values.put("beta1", beta1);
        values.put("beta2", beta2);
        values.put("epsilon", epsilon);
        values.put("weight decay", (double) weightDecay());
        values.put("decoupled", decoupled ? 1.0 : 0.0);
        return values;
    }
}
