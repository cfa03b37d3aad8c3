package org.layerloom.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.graph.TensorShape;

class SplitsTest {

    /** n examples with one feature equal to the index; classes in blocks with the given sizes. */
    private static Examples indexed(int... classSizes) {
        int n = Arrays.stream(classSizes).sum();
        float[] features = new float[n];
        int[] labels = new int[n];
        int i = 0;
        for (int c = 0; c < classSizes.length; c++) {
            for (int k = 0; k < classSizes[c]; k++, i++) {
                features[i] = i;
                labels[i] = c;
            }
        }
        return Examples.of(RealFeatures.copyOf(features), TensorShape.of(1),
                ClassLabels.copyOf(labels, classSizes.length));
    }

    private static Examples test() {
        return indexed(1, 1, 1);
    }

    private static Set<Float> ids(Examples examples) {
        Set<Float> ids = new HashSet<>();
        for (float f : examples.realFeatures().toArray()) {
            ids.add(f);
        }
        return ids;
    }

    @Test
    void stratified_split_holds_out_the_ratio_of_every_class() {
        Splits splits = Splits.of(indexed(500, 300, 200), test(), 0.2, 42);
        assertThat(splits.train().size()).isEqualTo(800);
        assertThat(splits.validation().size()).isEqualTo(200);
        assertThat(splits.validation().classLabels().counts()).containsExactly(100, 60, 40);
        assertThat(splits.train().classLabels().counts()).containsExactly(400, 240, 160);
    }

    @Test
    void uneven_classes_still_give_the_rounded_total() {
        Splits splits = Splits.of(indexed(7, 7, 7), test(), 0.1, 1);
        assertThat(splits.validation().size()).isEqualTo(2); // round(2.1)
        assertThat(Arrays.stream(splits.validation().classLabels().counts()).max().getAsInt()).isEqualTo(1);
    }

    @Test
    void parts_are_disjoint_cover_everything_and_keep_their_order() {
        Splits splits = Splits.of(indexed(50, 50), test(), 0.3, 9);
        Set<Float> train = ids(splits.train());
        Set<Float> validation = ids(splits.validation());
        assertThat(train).doesNotContainAnyElementsOf(validation);
        assertThat(train.size() + validation.size()).isEqualTo(100);
        assertThat(splits.train().realFeatures().toArray()).isSorted();
        assertThat(splits.validation().realFeatures().toArray()).isSorted();
        assertThat(splits.test()).isSameAs(splits.test());
    }

    @Test
    void the_same_seed_gives_the_same_split_and_another_seed_a_different_one() {
        Examples all = indexed(400, 600);
        float[] first = Splits.of(all, test(), 0.25, 11).validation().realFeatures().toArray();
        float[] again = Splits.of(all, test(), 0.25, 11).validation().realFeatures().toArray();
        float[] other = Splits.of(all, test(), 0.25, 12).validation().realFeatures().toArray();
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void ratio_zero_keeps_everything_without_copying() {
        Examples all = indexed(5, 5);
        Splits splits = Splits.of(all, test(), 0, 3);
        assertThat(splits.train()).isSameAs(all);
        assertThat(splits.validation().size()).isZero();
    }

    @Test
    void regression_targets_are_split_at_random() {
        float[] x = new float[100];
        float[] y = new float[100];
        for (int i = 0; i < 100; i++) {
            x[i] = i;
            y[i] = -i;
        }
        Examples all = Examples.of(RealFeatures.copyOf(x), TensorShape.of(1), RegressionTargets.copyOf(y, 1));
        Splits splits = Splits.of(all, all.slice(0, 1), 0.15, 5);
        assertThat(splits.validation().size()).isEqualTo(15);
        float[] vx = splits.validation().realFeatures().toArray();
        float[] vy = ((RegressionTargets) splits.validation().labels()).toArray();
        for (int i = 0; i < vx.length; i++) {
            assertThat(vy[i]).isEqualTo(-vx[i]);
        }
    }
}
