package org.layerloom.engine.export.pytorch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.data.ClassLabels;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetTask;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.MnistVariant;
import org.layerloom.engine.data.RealFeatures;
import org.layerloom.engine.data.Splits;
import org.layerloom.engine.graph.TensorShape;

/**
 * Which pixel scaling gives back a dataset's floats: the plain one equals Java's float32 {@code b / 255f} for all
 * 256 bytes, MNIST's normalisation is recognised, and images with one value that is no scaled byte, or tables,
 * have none.
 */
class PixelScalingTest {

    @Test
    void the_plain_scaling_is_the_float32_division_by_255_for_every_byte() {
        for (int b = 0; b < 256; b++) {
            assertThat(Float.floatToRawIntBits(PixelScaling.PLAIN.value(b))).as("byte %d", b)
                    .isEqualTo(Float.floatToRawIntBits(b / 255f));
        }
    }

    @Test
    void bytes_scaled_plainly_or_normalised_are_recognised_and_given_back() {
        MnistVariant mnist = MnistVariant.DIGITS;
        PixelScaling normalised = new PixelScaling(mnist.mean(), mnist.std());
        for (PixelScaling scaling : List.of(PixelScaling.PLAIN, normalised)) {
            float[] values = new float[2 * 256];
            for (int i = 0; i < values.length; i++) {
                values[i] = scaling.value((i * 7) % 256);
            }
            Dataset images = images(values);
            assertThat(PixelScaling.of(images)).contains(scaling);
            byte[] bytes = scaling.bytes(images.train().realFeatures());
            for (int i = 0; i < 256; i++) {
                assertThat(bytes[i] & 0xFF).isEqualTo((i * 7) % 256);
            }
        }
    }

    @Test
    void one_value_off_a_byte_or_a_table_has_no_scaling() {
        float[] values = new float[2 * 256];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i % 256) / 255f;
        }
        values[300] = Math.nextDown(values[300]);
        assertThat(PixelScaling.of(images(values))).isEmpty();
        assertThatThrownBy(() -> PixelScaling.PLAIN.bytes(RealFeatures.copyOf(new float[] {0.5f})))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(PixelScaling.of(table(new float[] {0, 1 / 255f, 1, 2 / 255f}))).isEmpty();
    }

    /** Two (1, 16, 16) images in the training split, the other splits empty. */
    private static Dataset images(float[] values) {
        TensorShape shape = TensorShape.of(1, 16, 16);
        Examples train = Examples.of(RealFeatures.copyOf(values), shape, ClassLabels.copyOf(new int[] {0, 1}, 2));
        return new Dataset("images", "", DatasetTask.classification(List.of("a", "b")), shape,
                new Splits(train, train.slice(0, 0), train.slice(0, 0)));
    }

    private static Dataset table(float[] values) {
        TensorShape shape = TensorShape.of(2);
        Examples train = Examples.of(RealFeatures.copyOf(values), shape, ClassLabels.copyOf(new int[] {0, 1}, 2));
        return new Dataset("table", "", DatasetTask.classification(List.of("a", "b")), shape,
                new Splits(train, train.slice(0, 0), train.slice(0, 0)));
    }
}
