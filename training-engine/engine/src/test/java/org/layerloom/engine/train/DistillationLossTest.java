package org.layerloom.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.testing.torch.TorchFixture;

/** The distillation loss and its gradient against PyTorch's kl_div + cross_entropy ({@code distillation.npz}). */
class DistillationLossTest {

    @Test
    void loss_and_gradient_equal_pytorch_for_several_temperatures_and_alphas() {
        try (NDManager manager = NDManager.newBaseManager()) {
            TorchFixture fixture = TorchFixture.load(manager, "compress/distillation.npz");
            for (String tag : new String[] {"T1-a0.5", "T4-a0.9", "T2.5-a0"}) {
                double temperature = Double.parseDouble(tag.substring(1, tag.indexOf('-')));
                double alpha = Double.parseDouble(tag.substring(tag.indexOf("-a") + 2));
                NDArray student = fixture.get("student").toType(DataType.FLOAT64, true);
                student.setRequiresGradient(true);
                NDList labels = new NDList(fixture.get("labels"), fixture.get("teacher").toType(DataType.FLOAT64, true));
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray loss = new DistillationLoss(temperature, alpha).evaluate(labels, new NDList(student));
                    collector.backward(loss);
                    assertThat(loss.getDouble()).as(tag).isCloseTo(fixture.get(tag + ".loss").getDouble(), within(1e-12));
                }
                double[] grad = student.getGradient().toDoubleArray();
                double[] expected = fixture.get(tag + ".grad").toDoubleArray();
                for (int i = 0; i < grad.length; i++) {
                    assertThat(grad[i]).as("%s grad %d", tag, i).isCloseTo(expected[i], within(1e-12));
                }
            }
        }
    }

    @Test
    void bad_settings_are_refused_with_a_sentence() {
        assertThatThrownBy(() -> new DistillationLoss(0, 0.5)).hasMessageContaining("temperature above 0");
        assertThatThrownBy(() -> new DistillationLoss(2, 1.5)).hasMessageContaining("alpha from 0 to 1");
    }
}
