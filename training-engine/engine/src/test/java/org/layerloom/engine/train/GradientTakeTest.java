package org.layerloom.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import com.sun.jna.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.compile.EngineSeed;
import org.layerloom.engine.train.optimizer.AdamOptimizer;

/**
 * Taking a parameter's gradient out of it ({@link GradientTake}), PyTorch's {@code set_to_none}: the next backward
 * pass must store its gradient rather than add to the old one, and training with it ({@code ParameterUpdater}) must
 * step exactly as reading the live gradients and zeroing them after the update does.
 */
class GradientTakeTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        Engine.getInstance();
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void libtorch_offers_it_on_x86_64_linux() {
        assumeTrue(Platform.isLinux() && Platform.isIntel() && Platform.is64Bit());
        assertThat(GradientTake.find()).as("TensorImpl::mutable_grad of libtorch 2.7.1, checked on a parameter")
                .isPresent();
    }

    @Test
    void a_taken_gradient_leaves_none_and_the_next_backward_pass_starts_afresh() {
        GradientTake take = GradientTake.find().orElse(null);
        assumeTrue(take != null);
        NDArray weight = manager.create(new float[] {1f, -2f});
        weight.setRequiresGradient(true);
        backward(weight, new float[] {3f, 4f});
        try (NDManager scope = manager.newSubManager()) {
            NDArray first = take.take(weight, scope);
            assertThat(first.toFloatArray()).containsExactly(3f, 4f);
            assertThat(first.getManager()).isSameAs(scope);
            backward(weight, new float[] {0.5f, -1f});
            assertThat(first.toFloatArray()).as("the taken gradient is not written to again").containsExactly(3f, 4f);
        }
        try (NDManager scope = manager.newSubManager()) {
            assertThat(take.take(weight, scope).toFloatArray()).as("not 3.5, 3").containsExactly(0.5f, -1f);
            assertThat(take.take(weight, scope).toFloatArray()).as("nothing left").containsExactly(0f, 0f);
        }
        assertThat(weight.toFloatArray()).containsExactly(1f, -2f);
    }

    @Test
    void training_with_taken_gradients_steps_as_zeroed_gradients_do() {
        assumeTrue(GradientTake.find().isPresent());
        List<float[]> taken = train(true);
        List<float[]> zeroed = train(false);
        assertThat(taken).hasSameSizeAs(zeroed);
        for (int i = 0; i < taken.size(); i++) {
            assertThat(taken.get(i)).as("parameter %d after 4 steps", i).containsExactly(zeroed.get(i));
        }
    }

    /**
     * Four Adam steps of a small network on fixed data, through {@code ParameterUpdater} (which takes the gradients)
     * or as it stepped before: each live gradient read, all updated at once, each zeroed by the optimizer.
     *
     * @return the parameters after them
     */
    private List<float[]> train(boolean taking) {
        SequentialBlock block = new SequentialBlock().add(Linear.builder().setUnits(5).build())
                .add(Activation.reluBlock()).add(Linear.builder().setUnits(3).build());
        AdamOptimizer adam = AdamOptimizer.adam(Tracker.fixed(0.05f), 0.9, 0.999, 1e-8, 0);
        try (Model model = Model.newInstance("take");
             Trainer trainer = trainerOf(model, block, adam)) {
            NDManager data = trainer.getManager();
            NDArray x = data.create(new float[] {0.5f, -1f, 2f, 0f, 1f, 1.5f, -0.5f, 3f}, new Shape(2, 4));
            NDArray y = data.create(new float[] {1f, 0f, -1f, 2f, 0.5f, 0f}, new Shape(2, 3));
            ParameterUpdater updater = new ParameterUpdater(trainer, block, adam, 0);
            for (int step = 0; step < 4; step++) {
                try (NDManager scope = data.newSubManager()) {
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDArray out = trainer.forward(new NDList(x)).singletonOrThrow();
                        collector.backward(out.sub(y).square().mean());
                    }
                    if (taking) {
                        updater.step(scope);
                    } else {
                        readAndZero(block, adam, scope);
                    }
                }
            }
            List<float[]> values = new ArrayList<>();
            for (Pair<String, Parameter> pair : block.getParameters()) {
                values.add(pair.getValue().getArray().toFloatArray());
            }
            adam.close();
            return values;
        }
    }

    private static void readAndZero(SequentialBlock block, AdamOptimizer adam, NDManager scope) {
        Map<String, Parameter> trainable = ParameterUpdater.trainable(block);
        NDArray[] weights = new NDArray[trainable.size()];
        NDArray[] grads = new NDArray[trainable.size()];
        int i = 0;
        for (Parameter parameter : trainable.values()) {
            weights[i] = parameter.getArray();
            grads[i] = weights[i].getGradient();
            grads[i++].attach(scope);
        }
        adam.updateAll(trainable.keySet().toArray(String[]::new), weights, grads);
    }

    private static Trainer trainerOf(Model model, SequentialBlock block, AdamOptimizer adam) {
        model.setBlock(block);
        Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(adam));
        EngineSeed.set(5);
        trainer.initialize(new Shape(2, 4));
        return trainer;
    }

    /** A backward pass of {@code Σ weight·factors}. */
    private void backward(NDArray weight, float[] factors) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.backward(weight.mul(manager.create(factors)).sum());
        }
    }
}
