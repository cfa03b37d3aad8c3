package org.layerloom.engine.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FloatTensorTest {

    @Test
    void a_tensor_copies_its_arrays_in_and_out() {
        int[] shape = {2, 3};
        float[] values = {1, 2, 3, 4, 5, 6};
        FloatTensor t = new FloatTensor(shape, values);
        shape[0] = 9;
        values[0] = 9;
        t.values()[1] = 9;
        t.shape()[1] = 9;
        assertThat(t.shape()).containsExactly(2, 3);
        assertThat(t.values()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(t.rank()).isEqualTo(2);
        assertThat(t.dim(1)).isEqualTo(3);
        assertThat(t.size()).isEqualTo(6);
        assertThat(t.value(4)).isEqualTo(5);
    }

    @Test
    void equal_shapes_and_values_make_equal_tensors() {
        FloatTensor a = new FloatTensor(new int[] {2, 2}, new float[] {1, 2, 3, 4});
        assertThat(a).isEqualTo(new FloatTensor(new int[] {2, 2}, new float[] {1, 2, 3, 4}))
                .hasSameHashCodeAs(new FloatTensor(new int[] {2, 2}, new float[] {1, 2, 3, 4}))
                .isNotEqualTo(FloatTensor.vector(1, 2, 3, 4))
                .isNotEqualTo(new FloatTensor(new int[] {2, 2}, new float[] {1, 2, 3, 5}));
    }

    @Test
    void a_shape_that_does_not_hold_the_values_is_refused() {
        assertThatThrownBy(() -> new FloatTensor(new int[] {2, 2}, new float[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[2, 2]");
        assertThatThrownBy(() -> new FloatTensor(new int[] {-1}, new float[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_slice_is_one_entry_of_the_first_axis() {
        FloatTensor maps = new FloatTensor(new int[] {3, 1, 2}, new float[] {1, 2, 3, 4, 5, 6});
        FloatTensor second = maps.slice(1);
        assertThat(second.shape()).containsExactly(1, 2);
        assertThat(second.values()).containsExactly(3, 4);
        assertThatThrownBy(() -> maps.slice(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void min_and_max_span_the_values_and_are_nan_when_empty() {
        FloatTensor t = FloatTensor.vector(-2, 5, 0.5f);
        assertThat(t.min()).isEqualTo(-2);
        assertThat(t.max()).isEqualTo(5);
        assertThat(FloatTensor.vector().min()).isNaN();
        assertThat(FloatTensor.vector().max()).isNaN();
    }
}
