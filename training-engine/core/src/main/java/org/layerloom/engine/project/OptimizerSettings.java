package org.layerloom.engine.project;

/**
 * The optimizer and its hyper-parameters. Fields an optimizer does not use are kept, so switching
 * back and forth loses nothing. Immutable; any thread.
 *
 * @param momentum SGD momentum (0 = plain SGD)
 * @param nesterov SGD Nesterov momentum
 * @param beta1 Adam/AdamW first-moment decay
 * @param beta2 Adam/AdamW second-moment decay (RMSProp: its decay rho)
 * @param epsilon numerical safety term of the adaptive optimizers
 * @param weightDecay L2 penalty (decoupled for AdamW)
 * @param gradientClip clip gradients to this global norm; 0 = no clipping
 */
public record OptimizerSettings(OptimizerKind kind, double learningRate, double momentum, boolean nesterov,
                                double beta1, double beta2, double epsilon, double weightDecay,
                                double gradientClip) {

    public static OptimizerSettings adam(double learningRate) {
        return new OptimizerSettings(OptimizerKind.ADAM, learningRate, 0.9, false, 0.9, 0.999, 1e-8, 0, 0);
    }

    public OptimizerSettings withLearningRate(double rate) {
        return new OptimizerSettings(kind, rate, momentum, nesterov, beta1, beta2, epsilon, weightDecay, gradientClip);
    }
}
