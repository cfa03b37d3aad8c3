package org.layerloom.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.train.optimizer.SgdOptimizer;

class GradientClippingTest {

    @Test
    void gradients_above_the_norm_are_scaled_down_together_and_others_are_left_alone() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray a = manager.create(new float[] {3, 4});
            NDArray b = manager.create(new float[] {12});
            GradientClipping.clipGlobalNorm(new NDArray[] {a, b}, 6.5f, manager);
            assertThat(a.toFloatArray()).containsExactly(new float[] {1.5f, 2f}, within(1e-5f));
            assertThat(b.toFloatArray()).containsExactly(new float[] {6f}, within(1e-5f));

            NDArray c = manager.create(new float[] {0.3f, -0.4f});
            GradientClipping.clipGlobalNorm(new NDArray[] {c}, 1f, manager);
            assertThat(c.toFloatArray()).containsExactly(0.3f, -0.4f);
        }
    }

    @Test
    void a_clipped_sgd_step_moves_the_parameters_by_the_clip_norm() {
        float clip = 0.1f;
        try (Model model = Model.newInstance("clip");
             SgdOptimizer sgd = new SgdOptimizer(Tracker.fixed(1f), 0, false, 0)) {
            Linear linear = Linear.builder().setUnits(3).build();
            model.setBlock(linear);
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(sgd))) {
                trainer.initialize(new Shape(4, 5));
                NDManager manager = trainer.getManager();
                List<float[]> before = values(linear);
                try (NDManager scope = manager.newSubManager()) {
                    NDArray x = scope.randomNormal(new Shape(4, 5));
                    NDArray y = scope.full(new Shape(4, 3), 100f);
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDList predictions = trainer.forward(new NDList(x));
                        collector.backward(trainer.getLoss().evaluate(new NDList(y), predictions));
                    }
                    new ParameterUpdater(trainer, linear, sgd, clip).step(scope);
                }
                List<float[]> after = values(linear);
                double squares = 0;
                for (int i = 0; i < before.size(); i++) {
                    for (int k = 0; k < before.get(i).length; k++) {
                        double d = after.get(i)[k] - before.get(i)[k];
                        squares += d * d;
                    }
                }
                assertThat(Math.sqrt(squares)).isCloseTo(clip, within(1e-5));
            }
        }
    }

    private static List<float[]> values(Linear block) {
        List<float[]> values = new ArrayList<>();
        for (var pair : block.getParameters()) {
            Parameter p = pair.getValue();
            values.add(p.getArray().toFloatArray());
        }
        return values;
    }
}
