package org.layerloom.engine.train.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.tensor.FloatTensor;

/** The inspect values built on {@link FloatTensor}: the decision map and the embedding projection. */
class InspectValuesTest {

    @Test
    void a_decision_map_reads_classes_predictions_and_unit_maps_in_the_order_given() {
        // 1 row of 2 cells, 2 classes: the left cell says class 1, the right one class 0.
        FloatTensor probabilities = new FloatTensor(new int[] {1, 2, 2}, new float[] {0.2f, 0.8f, 0.6f, 0.4f});
        Map<String, FloatTensor> units = new LinkedHashMap<>();
        units.put("b", new FloatTensor(new int[] {2, 1, 2}, new float[] {1, 2, 3, 4}));
        units.put("a", new FloatTensor(new int[] {1, 1, 2}, new float[] {5, 6}));
        DecisionMap map = new DecisionMap(new PlaneBounds(0, 1, 0, 1), probabilities, units);
        assertThat(map.width()).isEqualTo(2);
        assertThat(map.height()).isEqualTo(1);
        assertThat(map.classes()).isEqualTo(2);
        assertThat(map.classMap(1)).containsExactly(0.8f, 0.4f);
        assertThat(map.predicted()).containsExactly(1, 0);
        assertThat(map.unitMaps().keySet()).containsExactly("b", "a");
        assertThat(map.unitCount("b")).isEqualTo(2);
        assertThat(map.unitCount("c")).isZero();
        assertThat(map.unitMap("b", 1)).containsExactly(3, 4);
        assertThatThrownBy(() -> new DecisionMap(new PlaneBounds(0, 1, 0, 1), probabilities,
                Map.of("x", FloatTensor.vector(1, 2)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_projection_keeps_its_points_as_two_rows() {
        EmbeddingProjection p = EmbeddingProjection.of("hidden", new float[] {1, 2, 3}, new float[] {4, 5, 6},
                new int[] {0, 1, 0}, new int[] {7, 8, 9}, new double[] {0.6, 0.3});
        assertThat(p.coordinates().shape()).containsExactly(2, 3);
        assertThat(p.x()).containsExactly(1, 2, 3);
        assertThat(p.y()).containsExactly(4, 5, 6);
        assertThat(p.size()).isEqualTo(3);
        assertThat(p).isEqualTo(EmbeddingProjection.of("hidden", new float[] {1, 2, 3}, new float[] {4, 5, 6},
                new int[] {0, 1, 0}, new int[] {7, 8, 9}, new double[] {0.6, 0.3}));
        assertThatThrownBy(() -> EmbeddingProjection.of("hidden", new float[] {1}, new float[] {2}, new int[0],
                new int[0], new double[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
