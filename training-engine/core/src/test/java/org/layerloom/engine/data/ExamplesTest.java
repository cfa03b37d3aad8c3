package org.layerloom.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.FloatBuffer;
import java.nio.ReadOnlyBufferException;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.graph.TensorShape;

class ExamplesTest {

    /** 5 examples of 2 features: example i is (10i, 10i + 1), class i % 3. */
    private static Examples five() {
        float[] xy = new float[10];
        int[] classes = new int[5];
        for (int i = 0; i < 5; i++) {
            xy[2 * i] = 10 * i;
            xy[2 * i + 1] = 10 * i + 1;
            classes[i] = i % 3;
        }
        return Examples.of(RealFeatures.copyOf(xy), TensorShape.of(2), ClassLabels.copyOf(classes, 3));
    }

    @Test
    void subset_copies_the_chosen_rows_in_order() {
        Examples subset = five().subset(new int[] {4, 1, 1});
        assertThat(subset.size()).isEqualTo(3);
        assertThat(subset.realFeatures().toArray()).containsExactly(40, 41, 10, 11, 10, 11);
        assertThat(subset.classLabels().toArray()).containsExactly(1, 1, 1);
    }

    @Test
    void slice_shares_storage_and_offsets_every_accessor() {
        Examples slice = five().slice(2, 4);
        assertThat(slice.size()).isEqualTo(2);
        assertThat(slice.realFeatures().get(0)).isEqualTo(20);
        FloatBuffer buffer = slice.realFeatures().buffer();
        assertThat(buffer.position()).isZero();
        assertThat(buffer.remaining()).isEqualTo(4);
        assertThat(buffer.get(3)).isEqualTo(31);
        assertThat(slice.classLabels().counts()).containsExactly(1, 0, 1);
        assertThat(slice.subset(new int[] {1}).realFeatures().toArray()).containsExactly(30, 31);
        assertThat(five().slice(5, 5).isEmpty()).isTrue();
    }

    @Test
    void buffers_are_read_only_and_copies_are_independent() {
        float[] source = {1, 2};
        RealFeatures features = RealFeatures.copyOf(source);
        source[0] = 99;
        assertThat(features.get(0)).isEqualTo(1);
        assertThatThrownBy(() -> features.buffer().put(0, 5)).isInstanceOf(ReadOnlyBufferException.class);
        features.toArray()[0] = 7;
        assertThat(features.get(0)).isEqualTo(1);
    }

    @Test
    void mismatched_parts_are_refused() {
        assertThatThrownBy(() -> Examples.of(RealFeatures.copyOf(new float[5]), TensorShape.of(2),
                ClassLabels.copyOf(new int[3], 2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Examples.of(RealFeatures.copyOf(new float[4]), TensorShape.tokens(2),
                ClassLabels.copyOf(new int[2], 2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClassLabels.copyOf(new int[] {0, 3}, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> five().subset(new int[] {5})).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void token_ids_and_regression_targets_gather_like_features() {
        Examples tokens = Examples.of(TokenFeatures.copyOf(new int[] {1, 2, 3, 4, 5, 6}), TensorShape.tokens(3),
                RegressionTargets.copyOf(new float[] {0.5f, 1.5f, 2.5f, 3.5f}, 2));
        Examples second = tokens.subset(new int[] {1});
        assertThat(((TokenFeatures) second.features()).toArray()).containsExactly(4, 5, 6);
        assertThat(((RegressionTargets) second.labels()).toArray()).containsExactly(2.5f, 3.5f);
        assertThat(((RegressionTargets) tokens.slice(1, 2).labels()).get(0, 1)).isEqualTo(3.5f);
        assertThatThrownBy(tokens::realFeatures).isInstanceOf(IllegalStateException.class);
    }
}
