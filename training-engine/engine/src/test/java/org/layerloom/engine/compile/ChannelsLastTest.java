package org.layerloom.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/**
 * {@link ChannelsLast} changes the memory layout only: every way the engine reads an array (element values
 * in order, its shape, a gradient through it) sees the same numbers, and a convolution on it gives the plain
 * convolution's values and gradients to float rounding.
 */
class ChannelsLastTest {

    @Test
    void keeps_shape_and_values_in_their_order_and_passes_the_gradient_through() {
        try (NDManager manager = NDManager.newBaseManager()) {
            for (Shape shape : new Shape[] {new Shape(2, 3, 4, 5), new Shape(3, 1, 6, 6), new Shape(1, 8, 1, 1)}) {
                NDArray images = manager.randomNormal(shape);
                images.setRequiresGradient(true);
                NDArray weights = manager.randomNormal(shape);
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray laidOut = ChannelsLast.of(images);
                    assertThat(laidOut.getShape()).isEqualTo(shape);
                    assertThat(laidOut.toFloatArray()).as("values in logical order, " + shape)
                            .containsExactly(images.toFloatArray());
                    assertThat(laidOut.get("1:").toFloatArray()).containsExactly(images.get("1:").toFloatArray());
                    collector.backward(laidOut.mul(weights).sum());
                }
                assertThat(images.getGradient().toFloatArray()).containsExactly(weights.toFloatArray());
            }
            NDArray vector = manager.ones(new Shape(3, 4));
            assertThat(ChannelsLast.of(vector)).isSameAs(vector);
        }
    }

    @Test
    void a_convolution_on_channels_last_input_equals_the_plain_one_with_its_gradients() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray input = manager.randomNormal(new Shape(4, 20, 9, 9));
            NDArray weight = manager.randomNormal(new Shape(8, 20, 3, 3)).mul(0.2f);
            NDArray bias = manager.randomNormal(new Shape(8));
            float[][] plain = convolve(input, weight, bias, false);
            float[][] channelsLast = convolve(input, weight, bias, true);
            for (int part = 0; part < plain.length; part++) {
                assertThat(channelsLast[part].length).isEqualTo(plain[part].length);
                for (int i = 0; i < plain[part].length; i++) {
                    assertThat(channelsLast[part][i]).as("part %d, element %d", part, i)
                            .isCloseTo(plain[part][i], within(2e-4f * Math.max(1f, Math.abs(plain[part][i]))));
                }
            }
        }
    }

    /** Output, then the gradients of the input, weight and bias of sum(output²)/2. */
    private static float[][] convolve(NDArray input, NDArray weight, NDArray bias, boolean channelsLast) {
        NDArray x = input.duplicate();
        NDArray w = weight.duplicate();
        NDArray b = bias.duplicate();
        for (NDArray a : new NDArray[] {x, w, b}) {
            a.setRequiresGradient(true);
        }
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDList out = Conv2d.conv2d(channelsLast ? ChannelsLast.of(x) : x, w, b, new Shape(1, 1), new Shape(1, 1));
            NDArray y = out.singletonOrThrow();
            collector.backward(y.mul(y).sum().div(2f));
            return new float[][] {y.toFloatArray(), x.getGradient().toFloatArray(), w.getGradient().toFloatArray(),
                b.getGradient().toFloatArray()};
        }
    }
}
