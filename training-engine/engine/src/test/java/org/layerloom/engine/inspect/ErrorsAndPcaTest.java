package org.layerloom.engine.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.train.event.EmbeddingProjection;

class ErrorsAndPcaTest {

    @Test
    void misclassified_examples_are_grouped_by_confusion_cell_with_top_three() {
        float[][] p = {
            {0.7f, 0.2f, 0.1f},   // 0 → 0
            {0.1f, 0.3f, 0.6f},   // 0 → 2
            {0.2f, 0.5f, 0.3f},   // 2 → 1
            {0.05f, 0.15f, 0.8f}, // 0 → 2
        };
        ErrorGallery gallery = ErrorGallery.of(p, new int[] {0, 0, 2, 0});
        assertThat(gallery.all()).hasSize(3);
        assertThat(gallery.cell(0, 2)).extracting(Misclassified::index).containsExactly(1, 3);
        Misclassified first = gallery.cell(0, 2).get(0);
        assertThat(first.topClasses()).containsExactly(2, 1, 0);
        assertThat(first.topProbabilities()).containsExactly(0.6f, 0.3f, 0.1f);
        assertThat(gallery.cell(2, 1)).hasSize(1);
        assertThat(gallery.cell(1, 0)).isEmpty();
        assertThat(gallery.confusion()[0]).containsExactly(1, 0, 2);
    }

    @Test
    void pca_of_points_on_a_line_finds_the_line() {
        float[][] rows = {{-2, -1}, {-1, -0.5f}, {1, 0.5f}, {2, 1}};
        Pca.Result pca = Pca.fit(rows, 2);
        double root5 = Math.sqrt(5);
        assertThat(pca.axes()[0][0]).isCloseTo(2 / root5, within(1e-6));
        assertThat(pca.axes()[0][1]).isCloseTo(1 / root5, within(1e-6));
        assertThat(pca.coordinate(0, 0)).isCloseTo((float) -root5, within(1e-5f));
        assertThat(pca.coordinate(2, 0)).isCloseTo((float) (root5 / 2), within(1e-5f));
        assertThat(pca.explainedVariance()[0]).isCloseTo(1, within(1e-9));
        assertThat(pca.coordinate(1, 1)).isCloseTo(0f, within(1e-5f));
    }

    @Test
    void pca_orders_axes_by_variance() {
        // variance 2/3 along x, 8/3 along y (n − 1 = 3)
        Pca.Result pca = Pca.fit(new float[][] {{1, 0}, {-1, 0}, {0, 2}, {0, -2}}, 2);
        assertThat(pca.axes()[0][1]).isCloseTo(1, within(1e-9));
        assertThat(pca.explainedVariance()).containsExactly(new double[] {0.8, 0.2}, within(1e-9));
        assertThat(pca.coordinate(2, 0)).isCloseTo(2f, within(1e-6f));
        assertThat(pca.coordinate(0, 1)).isCloseTo(1f, within(1e-6f));
    }

    @Test
    void embedding_projection_uses_the_last_hidden_layer_of_a_sample() {
        try (NDManager manager = NDManager.newBaseManager()) {
            InspectedModel model = ToyNetworks.open(ToyNetworks.mlp(), TensorShape.of(4), manager);
            EmbeddingProjector projector = new EmbeddingProjector(model);
            assertThat(projector.lastHiddenNode()).isEqualTo(ToyNetworks.id(model, LayerKind.DENSE, 1));
            float[][] xs = new float[20][4];
            int[] labels = new int[20];
            for (int i = 0; i < 20; i++) {
                xs[i] = new float[] {i, -i, i * 0.5f, 1};
                labels[i] = i % 2;
            }
            EmbeddingProjection projection = projector.project(xs, labels, 8, 3);
            assertThat(projection.x()).hasSize(8);
            assertThat(projection.indices()).isSorted().doesNotHaveDuplicates();
            assertThat(projection.labels()[0]).isEqualTo(projection.indices()[0] % 2);
        }
    }
}
