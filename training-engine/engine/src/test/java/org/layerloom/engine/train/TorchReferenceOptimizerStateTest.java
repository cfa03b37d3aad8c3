package org.layerloom.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.layerloom.engine.testing.torch.ReferenceAssert.assertClose;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerloom.engine.project.OptimizerKind;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.testing.torch.FixtureNames;
import org.layerloom.engine.testing.torch.TorchFixture;
import org.layerloom.engine.train.optimizer.OptimizerState;
import org.layerloom.engine.train.optimizer.StatefulOptimizer;

/**
 * The optimizer state a step shows ({@link StatefulOptimizer#stateOf}) against {@code torch.optim}'s own state
 * (fixtures from {@code src/test/python/reference_optimizer_state.py}): the same parameter and gradients through
 * three steps; after each, every element's named state values (momentum buffer, Adam's m and v, the running sums
 * of squares), the update count and the parameter equal PyTorch's.
 */
class TorchReferenceOptimizerStateTest {

    static List<String> cases() {
        return FixtureNames.in("optimizer-state", "");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void the_state_of_every_element_matches_torch_optim(String name) {
        String kind = name.substring(0, name.indexOf('-'));
        try (NDManager manager = NDManager.newBaseManager()) {
            TorchFixture fixture = TorchFixture.load(manager, "optimizer-state/" + name + ".npz");
            double[] s = fixture.get("settings").toDoubleArray();
            double[] steps = fixture.get("steps").toDoubleArray();
            // settings: lr, momentum, nesterov, beta1, beta2, epsilon, weight decay
            OptimizerSettings settings = new OptimizerSettings(OptimizerKind.fromId(kind).orElseThrow(), s[0], s[1],
                    s[2] != 0, s[3], s[4], s[5], s[6], 0);
            NDArray weight = fixture.get("w_init").duplicate();
            weight.setRequiresGradient(true);
            try (StatefulOptimizer optimizer = OptimizerFactory.create(settings, update -> (float) s[0])) {
                for (int k = 0; k < steps.length; k++) {
                    try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                        collector.backward(weight.mul(fixture.get("grad" + k)).sum());
                    }
                    optimizer.update("w", weight, weight.getGradient());
                    String step = name + " step " + (k + 1);
                    assertClose(step + " weight", weight, fixture.get("after" + k));
                    long size = weight.size();
                    for (long i = 0; i < size; i++) {
                        OptimizerState state = optimizer.stateOf("w", i);
                        assertThat(state.updates()).as(step).isEqualTo((long) steps[k]);
                        assertThat(state.values()).as(step).isNotEmpty();
                        for (var value : state.values().entrySet()) {
                            double expected = fixture.get("state" + k + "_" + value.getKey()).toFloatArray()[(int) i];
                            assertThat(value.getValue()).as("%s %s[%d]", step, value.getKey(), i)
                                    .isCloseTo(expected, within(1e-6 + 1e-5 * Math.abs(expected)));
                        }
                    }
                }
            }
        }
    }
}
