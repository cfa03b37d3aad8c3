package org.layerloom.engine.compile;

import static org.layerloom.engine.testing.torch.ReferenceAssert.assertClose;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerloom.engine.testing.torch.FixtureNames;
import org.layerloom.engine.testing.torch.TorchFixture;
import org.layerloom.engine.testing.torch.WorstDifferences;

/**
 * Every {@link LossSpec}'s value and its gradient with respect to the raw scores against
 * {@code torch.nn.functional} with mean reduction ({@code cross_entropy}, {@code binary_cross_entropy_with_logits},
 * {@code mse_loss}, {@code l1_loss}), including extreme scores (±30, ±100, exactly 0, ties). Labels have the
 * layout the training loop uploads (class indices as int64 [N]; binary labels as float [N, 1]). Fixtures from
 * {@code src/test/python/reference_optimizers.py}.
 */
class TorchReferenceLossTest {

    private static final WorstDifferences WORST = new WorstDifferences();

    static List<String> cases() {
        return FixtureNames.in("losses", "");
    }

    @AfterAll
    static void report() {
        WORST.print("Losses");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void value_and_gradient_match_torch(String name) {
        String id = name.substring(0, name.indexOf('-'));
        Loss loss = LossSpec.fromId(id).newLoss();
        try (NDManager manager = NDManager.newBaseManager()) {
            TorchFixture fixture = TorchFixture.load(manager, "losses/" + name + ".npz");
            NDArray predictions = fixture.get("predictions");
            predictions.setRequiresGradient(true);
            NDArray value;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                value = loss.evaluate(new NDList(fixture.get("labels")), new NDList(predictions));
                collector.backward(value);
            }
            WORST.record(id, assertClose(name + " loss", value.reshape(1), fixture.get("loss")));
            WORST.record(id + " gradient", assertClose(name + " gradient", predictions.getGradient(),
                    fixture.get("grad")));
        }
    }
}
