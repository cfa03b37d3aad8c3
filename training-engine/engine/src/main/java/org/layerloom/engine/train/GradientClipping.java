package org.layerloom.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Clips gradients to a global L2 norm, as PyTorch's {@code clip_grad_norm_}: when the norm of all
 * gradients together exceeds {@code maxNorm}, every gradient is scaled by {@code maxNorm / (norm + 1e-6)}.
 * Computed on the device without reading the norm back. Stateless; worker thread only.
 */
final class GradientClipping {

    private GradientClipping() {
    }

    /** Scales {@code grads} in place; temporaries go to {@code scope}, which the caller closes. */
    static void clipGlobalNorm(NDArray[] grads, float maxNorm, NDManager scope) {
        if (grads.length == 0) {
            return;
        }
        NDArray squares = null;
        for (NDArray grad : grads) {
            NDArray sum = grad.square().sum();
            sum.attach(scope);
            squares = squares == null ? sum : squares.addi(sum);
        }
        NDArray factor = squares.sqrt().addi(1e-6f).powi(-1).muli(maxNorm).minimum(1f);
        factor.attach(scope);
        for (NDArray grad : grads) {
            grad.muli(factor);
        }
    }
}
