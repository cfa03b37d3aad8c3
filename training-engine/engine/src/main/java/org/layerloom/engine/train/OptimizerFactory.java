package org.layerloom.engine.train;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.train.optimizer.AdagradOptimizer;
import org.layerloom.engine.train.optimizer.AdamOptimizer;
import org.layerloom.engine.train.optimizer.RmsPropOptimizer;
import org.layerloom.engine.train.optimizer.SgdOptimizer;
import org.layerloom.engine.train.optimizer.StatefulOptimizer;

/**
 * Builds the optimizer a project asks for, with its learning rate read from a tracker: one of our
 * {@link StatefulOptimizer}s, whose state is saved with the run. DJL's own Adam is kept for speed
 * comparisons ({@link #djlAdam}); its state cannot be saved, so a run trained with it cannot resume.
 * DJL's Nesterov, RMSProp and Adagrad are not implemented on the PyTorch engine at all. Stateless.
 */
final class OptimizerFactory {

    private OptimizerFactory() {
    }

    static StatefulOptimizer create(OptimizerSettings settings, Tracker rate) {
        return switch (settings.kind()) {
            case SGD -> new SgdOptimizer(rate, settings.momentum(), settings.nesterov(), settings.weightDecay());
            case ADAM -> AdamOptimizer.adam(rate, settings.beta1(), settings.beta2(), settings.epsilon(),
                    settings.weightDecay());
            case ADAMW -> AdamOptimizer.adamW(rate, settings.beta1(), settings.beta2(), settings.epsilon(),
                    settings.weightDecay());
            case RMSPROP -> new RmsPropOptimizer(rate, settings.beta2(), settings.momentum(), settings.epsilon(),
                    settings.weightDecay());
            case ADAGRAD -> new AdagradOptimizer(rate, settings.epsilon(), settings.weightDecay());
        };
    }

    /**
     * DJL's built-in Adam, for comparisons only: besides its state being private, it detaches its moment
     * arrays from every manager, so they are never freed (twice the parameters' memory per run).
     */
    static Optimizer djlAdam(OptimizerSettings settings, Tracker rate) {
        return Optimizer.adam().optLearningRateTracker(rate).optBeta1((float) settings.beta1())
                .optBeta2((float) settings.beta2()).optEpsilon((float) settings.epsilon())
                .optWeightDecays((float) settings.weightDecay()).build();
    }
}
