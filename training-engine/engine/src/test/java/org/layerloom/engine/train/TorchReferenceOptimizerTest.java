package org.layerloom.engine.train;

import static org.layerloom.engine.testing.torch.ReferenceAssert.assertClose;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerloom.engine.project.OptimizerKind;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.testing.torch.FixtureNames;
import org.layerloom.engine.testing.torch.TorchFixture;
import org.layerloom.engine.testing.torch.WorstDifferences;
import org.layerloom.engine.train.optimizer.StatefulOptimizer;

/**
 * Every optimizer step against {@code torch.optim} (fixtures from {@code src/test/python/reference_optimizers.py}):
 * the optimizer comes from {@link OptimizerFactory} and each step goes through {@link ParameterUpdater}
 * (gradient-norm clipping, then the update), as in the fit loop, on a Linear block's weight [3, 4] and bias
 * [3]. The parameters, and the weight average where the case keeps one, are compared after every step.
 */
class TorchReferenceOptimizerTest {

    private static final WorstDifferences WORST = new WorstDifferences();

    static List<String> cases() {
        return FixtureNames.in("optimizers", "").stream().filter(name -> !name.startsWith("schedule-")).toList();
    }

    @AfterAll
    static void report() {
        WORST.print("Optimizer steps");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void every_step_matches_torch_optim(String name) {
        String kind = name.substring(0, name.indexOf('-'));
        try (Model model = Model.newInstance("torch-reference")) {
            NDManager manager = model.getNDManager();
            TorchFixture fixture = TorchFixture.load(manager, "optimizers/" + name + ".npz");
            double[] s = fixture.get("settings").toDoubleArray();
            float[] rates = fixture.get("rate").toFloatArray();
            // settings: momentum, nesterov, beta1, beta2, epsilon, weight decay, clip, weight average
            OptimizerSettings settings = new OptimizerSettings(OptimizerKind.fromId(kind).orElseThrow(), rates[0],
                    s[0], s[1] != 0, s[2], s[3], s[4], s[5], s[6]);
            // The rate of the n-th update of a parameter, as the schedule tracker would give it.
            Tracker rate = update -> rates[update - 1];
            Linear linear = Linear.builder().setUnits(3).build();
            model.setBlock(linear);
            try (StatefulOptimizer optimizer = OptimizerFactory.create(settings, rate).averageWeights(s[7]);
                 Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(optimizer))) {
                trainer.initialize(new Shape(1, 4));
                NDArray weight = parameter(linear, "weight", fixture.get("w0_init"));
                NDArray bias = parameter(linear, "bias", fixture.get("w1_init"));
                ParameterUpdater updater = new ParameterUpdater(trainer, linear, optimizer, settings.gradientClip());
                for (int k = 0; k < rates.length; k++) {
                    try (NDManager scope = manager.newSubManager()) {
                        // The backward pass of sum(w · g) leaves exactly g in each parameter's gradient.
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            collector.backward(weight.mul(fixture.get("grad" + k + "_w0")).sum()
                                    .add(bias.mul(fixture.get("grad" + k + "_w1")).sum()));
                        }
                        updater.step(scope);
                    }
                    String step = name + " step " + (k + 1);
                    WORST.record(kind, assertClose(step + " weight", weight, fixture.get("after" + k + "_w0")));
                    WORST.record(kind, assertClose(step + " bias", bias, fixture.get("after" + k + "_w1")));
                    if (optimizer.averagesWeights()) {
                        WORST.record("weight average", assertClose(step + " weight average",
                                optimizer.averagedWeights("weight"), fixture.get("average" + k + "_w0")));
                        WORST.record("weight average", assertClose(step + " bias average",
                                optimizer.averagedWeights("bias"), fixture.get("average" + k + "_w1")));
                    }
                }
            }
        }
    }

    /** Overwrites the block's parameter {@code name} in place with {@code values}; returns its array. */
    private static NDArray parameter(Linear block, String name, NDArray values) {
        Parameter parameter = ParameterUpdater.trainable(block).get(name);
        NDArray array = parameter.getArray();
        array.muli(0f).addi(values);
        return array;
    }
}
