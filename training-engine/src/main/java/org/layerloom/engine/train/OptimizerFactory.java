package org.layerloom.engine.train;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.layerloom.engine.project.OptimizerSettings;

/** Builds the DJL optimizer a project asks for, with its learning rate read from a tracker. Stateless. */
final class OptimizerFactory {

    private OptimizerFactory() {
    }

    static Optimizer create(OptimizerSettings settings, Tracker rate) {
        float decay = (float) settings.weightDecay();
        return switch (settings.kind()) {
            case SGD -> settings.nesterov() && settings.momentum() > 0
                    ? Optimizer.nag().setLearningRateTracker(rate).setMomentum((float) settings.momentum())
                            .optWeightDecays(decay).build()
                    : Optimizer.sgd().setLearningRateTracker(rate).optMomentum((float) settings.momentum())
                            .optWeightDecays(decay).build();
            case ADAM -> Optimizer.adam().optLearningRateTracker(rate).optBeta1((float) settings.beta1())
                    .optBeta2((float) settings.beta2()).optEpsilon((float) settings.epsilon())
                    .optWeightDecays(decay).build();
            case ADAMW -> Optimizer.adamW().optLearningRateTracker(rate).optBeta1((float) settings.beta1())
                    .optBeta2((float) settings.beta2()).optEpsilon((float) settings.epsilon())
                    .optWeightDecays(decay).build();
            case RMSPROP -> Optimizer.rmsprop().optLearningRateTracker(rate).optRho((float) settings.beta2())
                    .optMomentum((float) settings.momentum()).optEpsilon((float) settings.epsilon())
                    .optWeightDecays(decay).build();
            case ADAGRAD -> Optimizer.adagrad().optLearningRateTracker(rate).optEpsilon((float) settings.epsilon())
                    .optWeightDecays(decay).build();
        };
    }
}
