package org.layerloom.engine.compress;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.testing.torch.TorchFixture;

/**
 * Pruning and quantization against the fixtures of {@code src/test/python/reference_compression.py}:
 * PyTorch 1.13's own fake-quantization and numpy's stable-argsort magnitude pruning. Exact equality: the
 * arithmetic is the same float32 arithmetic.
 */
class CompressionFixturesTest {

    private NDManager manager;

    @BeforeEach
    void openManager() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }

    private static WeightTensor tensor(String name, NDArray array) {
        return new WeightTensor(name, array.getShape().getShape(), array.toFloatArray());
    }

    @Test
    void int8_weights_equal_torch_fake_quantize_per_channel_affine() {
        TorchFixture fixture = TorchFixture.load(manager, "compress/int8-weights.npz");
        for (String name : List.of("linear", "conv", "ties", "zero")) {
            WeightTensor weight = tensor(name + ".weight", fixture.get(name + ".weight"));
            QuantizedWeight q = WeightQuantizer.int8(weight);
            assertThat(q.scales()).as(name).containsExactly(fixture.get(name + ".scale").toFloatArray());
            assertThat(q.dequantized()).as(name).containsExactly(fixture.get(name + ".fake").toFloatArray());
            for (int i = 0; i < q.levels().length; i++) {
                assertThat(q.levels()[i] * q.scales()[i / weight.channelSize()]).isEqualTo(q.dequantized()[i]);
            }
            assertThat(q.largestError()).as(name).isLessThanOrEqualTo(maxOf(q.scales()) / 2 + 1e-7);
        }
    }

    @Test
    void ties_round_half_to_even() {
        TorchFixture fixture = TorchFixture.load(manager, "compress/int8-weights.npz");
        QuantizedWeight q = WeightQuantizer.int8(tensor("ties.weight", fixture.get("ties.weight")));
        // Second row: scale 0.5, so 0.25 / 0.5 = 0.5 -> 0, -0.75 -> -1.5 -> -2, 1.75 -> 3.5 -> 4, 63.25 -> 126.
        assertThat(q.levels()).startsWith(new byte[] {127, 5, 3, -1, 0, -5, -127, 0, -2, 4, 126, 0});
    }

    @Test
    void float16_round_trip_equals_torch_half() {
        TorchFixture fixture = TorchFixture.load(manager, "compress/int8-weights.npz");
        for (String name : List.of("linear", "conv", "ties", "zero")) {
            assertThat(WeightQuantizer.float16(fixture.get(name + ".weight").toFloatArray())).as(name)
                    .containsExactly(fixture.get(name + ".half").toFloatArray());
        }
        assertThat(Half.round(1f + 1f / 2048)).isEqualTo(1f); // a tie between 1 and 1 + 2^-10 goes to even
        assertThat(Half.round(1e-8f)).isEqualTo(0f);
        assertThat(Half.round(70000f)).isEqualTo(Float.POSITIVE_INFINITY);
    }

    @Test
    void activation_qparams_and_fake_quantization_equal_the_min_max_observer() {
        TorchFixture fixture = TorchFixture.load(manager, "compress/activations.npz");
        float[] x = fixture.get("x").toFloatArray();
        ActivationRange range = ActivationRange.empty().observe(x);
        assertThat(range.scale()).isEqualTo(fixture.get("scale").getFloat());
        assertThat((long) range.zeroPoint()).isEqualTo(fixture.get("zero_point").getLong());
        assertThat(range.fakeQuantize(x)).containsExactly(fixture.get("fake").toFloatArray());
    }

    @Test
    void magnitude_pruning_equals_numpy_stable_argsort_globally_and_per_layer() {
        TorchFixture fixture = TorchFixture.load(manager, "compress/pruning.npz");
        List<WeightTensor> weights = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            weights.add(tensor(name + ".weight", fixture.get(name)));
        }
        for (String fraction : List.of("50", "80", "95")) {
            for (Pruning.Scope scope : Pruning.Scope.values()) {
                Map<String, PruneMask> masks = Pruning.masks(weights, Integer.parseInt(fraction) / 100.0, scope);
                String prefix = (scope == Pruning.Scope.GLOBAL ? "global." : "layer.") + fraction + ".";
                for (String name : List.of("a", "b", "c")) {
                    assertThat(masks.get(name + ".weight").keepFactors()).as(prefix + name)
                            .containsExactly(fixture.get(prefix + name).toFloatArray());
                }
            }
        }
    }

    @Test
    void pruning_leaves_biases_and_one_axis_parameters_alone() {
        List<WeightTensor> weights = List.of(
                new WeightTensor("dense1.weight", new long[] {2, 2}, new float[] {0.1f, -0.2f, 0.3f, 0.4f}),
                new WeightTensor("dense1.bias", new long[] {2}, new float[] {0.001f, 0.002f}),
                new WeightTensor("batchnorm1.weight", new long[] {2}, new float[] {0.001f, 0.002f}));
        Map<String, PruneMask> masks = Pruning.masks(weights, 0.5, Pruning.Scope.GLOBAL);
        assertThat(masks).containsOnlyKeys("dense1.weight");
        List<WeightTensor> pruned = Pruning.apply(weights, masks);
        assertThat(pruned.get(0).values()).containsExactly(0f, 0f, 0.3f, 0.4f);
        assertThat(pruned.get(1)).isEqualTo(weights.get(1));
        assertThat(pruned.get(0).nonZero()).isEqualTo(2);
    }

    private static float maxOf(float[] values) {
        float max = 0;
        for (float v : values) {
            max = Math.max(max, v);
        }
        return max;
    }
}
