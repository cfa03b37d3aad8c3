package org.layerloom.engine.compress;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.data.ClassLabels;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.RealFeatures;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ScheduleSettings;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.testing.GraphBuilder;
import org.layerloom.engine.testing.torch.TorchFixture;

/**
 * The int8 evaluation of a whole network (weights per channel, every layer's output per tensor, ranges
 * calibrated on 200 rows) against PyTorch's fake-quantized twin in {@code compress/quantized-mlp.npz}.
 */
class QuantizedNetworkTest {

    @TempDir
    Path runs;

    @Test
    void int8_network_outputs_equal_pytorch_fake_quantization() throws Exception {
        Project project = new Project("mlp", GraphBuilder.chainOf(TensorShape.of(6), "softmax_cross_entropy",
                GraphBuilder.layer(LayerKind.DENSE, "units", 8, "activation", "relu"),
                GraphBuilder.layer(LayerKind.DENSE, "units", 3, "activation", "none")),
                DatasetChoice.of(DatasetChoice.NO_DATASET), new TrainingSettings(OptimizerSettings.adam(0.01), ScheduleSettings.fixed(),
                        16, 1, 0.1, 1, DeviceChoice.CPU));
        Path folder = TestRuns.write(project, runs, 6);
        try (NDManager manager = NDManager.newBaseManager();
             CompressibleRun run = CompressibleRun.open(folder)) {
            TorchFixture fixture = TorchFixture.load(manager, "compress/quantized-mlp.npz");
            List<WeightTensor> weights = new ArrayList<>();
            for (WeightTensor w : run.originalWeights()) {
                weights.add(w.withValues(fixture.get(w.name()).toFloatArray()));
            }
            run.use(weights);
            Examples calibration = rows(fixture.get("calibration").toFloatArray());
            Examples x = rows(fixture.get("x").toFloatArray());
            assertClose(run.outputs(x, null), fixture.get("float_output").toFloatArray(), 1e-5f);

            Map<String, ActivationRange> ranges = run.calibrate(calibration);
            run.use(Int8Weights.of(weights).weights());
            float[] expected = fixture.get("output").toFloatArray();
            float[][] actual = run.outputs(x, ranges);
            // Every layer's output lands on its levels, so float32 sums that differ in the last bits still agree.
            for (int i = 0; i < actual.length; i++) {
                assertThat(actual[i]).as("row %d", i).containsExactly(java.util.Arrays.copyOfRange(expected, i * 3,
                        i * 3 + 3));
            }
        }
    }

    private static Examples rows(float[] values) {
        int n = values.length / 6;
        return Examples.of(RealFeatures.copyOf(values), TensorShape.of(6), ClassLabels.copyOf(new int[n], 3));
    }

    private static void assertClose(float[][] actual, float[] expected, float tolerance) {
        for (int i = 0; i < actual.length; i++) {
            for (int j = 0; j < actual[i].length; j++) {
                assertThat(actual[i][j]).isCloseTo(expected[i * actual[i].length + j],
                        org.assertj.core.data.Offset.offset(tolerance));
            }
        }
    }
}
