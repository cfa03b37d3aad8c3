package org.layerloom.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.layerloom.engine.train.optimizer.StatefulOptimizer;

/**
 * The optimizer step of the fit loop, after the backward pass: clips the gradients to a global norm
 * (when asked) and updates every trainable parameter. One of our {@link StatefulOptimizer}s is called
 * directly with each parameter's name in the block (stable across compilations, so its saved state
 * fits a resumed run) and its live gradient, which saves the gradient copy DJL's parameter server makes;
 * any other DJL optimizer goes through {@code Trainer.step()}. Where nobody observes the step, our optimizer gets the
 * gradients taken out of the parameters ({@link GradientTake}), as PyTorch's {@code zero_grad(set_to_none=True)}
 * leaves them, so the next backward pass stores its gradients instead of adding them to zeroed ones. Public so
 * that the training benchmark steps exactly as training does. Single device; worker thread only.
 */
public final class ParameterUpdater {

    private final Trainer trainer;
    private final Optimizer optimizer;
    private final float clip;
    private final String[] names;
    private final Parameter[] parameters;

    /**
     * @param trainer      the trainer whose {@code step()} serves optimizers other than ours
     * @param block        the initialised block whose trainable parameters are updated
     * @param optimizer    the optimizer (ours is called directly)
     * @param gradientClip the global gradient norm to clip to, 0 for none
     */
    public ParameterUpdater(Trainer trainer, Block block, Optimizer optimizer, double gradientClip) {
        this.trainer = trainer;
        this.optimizer = optimizer;
        this.clip = (float) gradientClip;
        Map<String, Parameter> trainable = trainable(block);
        this.names = trainable.keySet().toArray(String[]::new);
        this.parameters = trainable.values().toArray(Parameter[]::new);
    }

    /** The parameters an optimizer trains, by their names in the block, in the block's order. */
    static Map<String, Parameter> trainable(Block block) {
        Map<String, Parameter> trainable = new LinkedHashMap<>();
        for (Pair<String, Parameter> pair : block.getParameters()) {
            if (pair.getValue().requiresGradient()) {
                trainable.put(pair.getKey(), pair.getValue());
            }
        }
        return trainable;
    }

    /** The shape of every trainable parameter of an initialised block: what a saved optimizer state must fit. */
    static Map<String, Shape> trainableShapes(Block block) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        trainable(block).forEach((name, parameter) -> shapes.put(name, parameter.getArray().getShape()));
        return shapes;
    }

    /**
     * Sees the gradients and updates of one step ({@link #step(NDManager, Observer)}), e.g. to record one weight
     * element through it. Called on the worker between the backward pass and the next batch; the arrays belong to
     * the step (the gradient is the optimizer's scratch space once the update starts): read, never keep them.
     */
    interface Observer {
        /** {@code grad} of {@code name} as the backward pass left it, before clipping. */
        void gradient(String name, NDArray grad);

        /** Just before {@code name} is updated: {@code grad} is what the optimizer gets (clipped when asked). */
        void beforeUpdate(String name, NDArray weight, NDArray grad);

        /** Just after {@code name} was updated. */
        void afterUpdate(String name, NDArray weight);
    }

    /**
     * Clips and updates, all parameters in one call of our optimizer ({@link StatefulOptimizer#updateAll}, which
     * may update them at once); temporaries (gradient handles, the norm) go to {@code scope}.
     */
    public void step(NDManager scope) {
        step(scope, null);
    }

    /**
     * Clips and updates as {@link #step(NDManager)}, telling {@code observer} (null: nobody, at no cost) about
     * every parameter; it is told nothing when the optimizer is not one of ours (DJL's step hides the update).
     */
    void step(NDManager scope, Observer observer) {
        boolean direct = optimizer instanceof StatefulOptimizer;
        if (!direct && !(clip > 0)) {
            trainer.step();
            return;
        }
        NDArray[] grads = new NDArray[parameters.length];
        Optional<GradientTake> take = direct && observer == null && scope instanceof PtNDManager
                ? GradientTake.find() : Optional.empty();
        for (int i = 0; i < parameters.length; i++) {
            if (take.isPresent()) {
                grads[i] = take.get().take(parameters[i].getArray(), scope);
                continue;
            }
            grads[i] = parameters[i].getArray().getGradient();
            grads[i].attach(scope);
            if (observer != null && direct) {
                observer.gradient(names[i], grads[i]);
            }
        }
        if (clip > 0) {
            GradientClipping.clipGlobalNorm(grads, clip, scope);
        }
        if (!direct) {
            trainer.step();
            return;
        }
        if (observer == null) {
            NDArray[] weights = new NDArray[parameters.length];
            for (int i = 0; i < parameters.length; i++) {
                weights[i] = parameters[i].getArray();
            }
            ((StatefulOptimizer) optimizer).updateAll(names, weights, grads);
            return;
        }
        for (int i = 0; i < parameters.length; i++) {
            observer.beforeUpdate(names[i], parameters[i].getArray(), grads[i]);
            optimizer.update(names[i], parameters[i].getArray(), grads[i]);
            observer.afterUpdate(names[i], parameters[i].getArray());
        }
    }
}
