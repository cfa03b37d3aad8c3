package org.layerloom.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.tensor.FloatTensor;
import org.layerloom.engine.train.event.ActivationsCaptured;
import org.layerloom.engine.train.event.LayerHealth;
import org.layerloom.engine.train.event.LayerHealthCaptured;
import org.layerloom.engine.train.event.NodeActivation;
import org.layerloom.engine.train.event.RunStarted;
import org.layerloom.engine.train.event.TrainingEvent;
import org.layerloom.engine.train.event.WeightHistogram;

/** The health view-model on hand-made captures, without the toolkit. */
class HealthViewModelTest {

    static LayerHealth dense(String id, double grad, double ratio, double dead) {
        return new LayerHealth(id, "Dense", "relu", 0.4, 0.2, dead, dead, Double.NaN, grad, 3, ratio,
                WeightHistogram.of(new float[] {-0.1f, 0, 0.1f, (float) grad}, 4));
    }

    static LayerHealthCaptured capture(long step, double firstGrad) {
        return new LayerHealthCaptured(1, (int) step, step, List.of(dense("dense1", firstGrad, 2e-5, 0.6),
                new LayerHealth("flatten1", "Flatten", "none", 0.1, 0.1, 0, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, WeightHistogram.EMPTY),
                dense("dense2", 0.5, 1e-3, 0.1)), 3);
    }

    private final List<String> changes = new ArrayList<>();
    private final HealthViewModel model = new HealthViewModel(id -> id.replace("dense", "Dense "));

    {
        model.addListener(() -> changes.add("changed"));
    }

    @Test
    void rows_show_the_newest_capture_and_mark_ratios_far_from_1e_3() {
        model.onEvents(List.of(capture(10, 1e-4), capture(20, 2e-4)));
        assertThat(changes).hasSize(1);
        assertThat(model.captureCount()).isEqualTo(2);
        assertThat(model.selectedLabel()).isEqualTo("Epoch 1, batch 20 (step 20)");
        List<LayerRow> rows = model.rows();
        assertThat(rows).extracting(LayerRow::name).containsExactly("Dense 1", "flatten1", "Dense 2");
        assertThat(rows.get(0).gradientNorm()).isEqualTo(2e-4);
        assertThat(rows.get(0).ratioVerdict()).isEqualTo(LayerRow.Ratio.TOO_SMALL);
        assertThat(rows.get(0).troubled()).isTrue();
        assertThat(rows.get(1).ratioVerdict()).isEqualTo(LayerRow.Ratio.NOT_APPLICABLE);
        assertThat(rows.get(2).ratioVerdict()).isEqualTo(LayerRow.Ratio.HEALTHY);
        assertThat(LayerRow.number(2e-4)).isEqualTo("2.00e-04");
        assertThat(LayerRow.percent(0.6)).isEqualTo("60 %");
    }

    @Test
    void the_scrubber_stays_where_the_student_put_it_until_moved_to_the_newest() {
        model.onEvents(List.of(capture(10, 1e-4), capture(20, 2e-4)));
        model.select(0);
        assertThat(model.followsLatest()).isFalse();
        model.onEvents(List.of(capture(30, 3e-4)));
        assertThat(model.selectedIndex()).isZero();
        assertThat(model.selectedStep()).isEqualTo(10);
        assertThat(model.gradientNorms()).containsEntry("dense1", 1e-4).doesNotContainKey("flatten1");
        model.select(2);
        model.onEvents(List.of(capture(40, 4e-4)));
        assertThat(model.selectedIndex()).isEqualTo(3);
    }

    @Test
    void lines_histograms_and_the_scale_cover_the_whole_run() {
        model.onEvents(List.of(capture(10, 1e-4), capture(20, 2e-4)));
        assertThat(model.trainableNodeIds()).containsExactly("dense1", "dense2");
        assertThat(model.gradientLines()).hasSize(2);
        assertThat(model.gradientLines().get(0).x()).containsExactly(10, 20);
        assertThat(model.gradientLines().get(0).y()).containsExactly(1e-4, 2e-4);
        assertThat(model.updateRatioLines().get(1).y()).containsExactly(1e-3, 1e-3);
        assertThat(model.histogram("dense1")).hasSize(2);
        assertThat(model.histogram("flatten1")).isEmpty();
        assertThat(model.gradientScale().low()).isEqualTo(1e-4);
        assertThat(model.gradientScale().high()).isEqualTo(0.5);
        assertThat(model.headline()).isEqualTo("Gradients vanish: the first layer, Dense 1, gets a gradient (its"
                + " learning signal) 2,500 times weaker than Dense 2's, so the first layers barely learn.");
    }

    @Test
    void the_headline_says_in_words_how_much_weaker_the_first_layers_gradient_is() {
        model.onEvents(List.of(capture(10, 0.4)));
        assertThat(model.headline()).as("a ratio of 1.25 is not '1/1'").isEqualTo("Gradients flow well: the first"
                + " layer, Dense 1, gets about as strong a gradient as Dense 2, the layer with the strongest.");
        model.onEvents(List.of(capture(20, 0.02)));
        assertThat(model.headline()).isEqualTo("Gradients flow: the first layer, Dense 1, gets a gradient 25 times"
                + " weaker than Dense 2's, the strongest; enough to learn.");
        assertThat(model.headline()).doesNotContain("1/");
    }

    @Test
    void overlay_data_comes_from_the_chosen_capture_and_the_previews_taken_with_it() {
        ActivationsCaptured early = new ActivationsCaptured(1, 10, 10, List.of(new NodeActivation("dense1",
                FloatTensor.vector(0, 1, 2))));
        ActivationsCaptured late = new ActivationsCaptured(1, 20, 20, List.of(new NodeActivation("dense1",
                FloatTensor.vector(5, 5, 5))));
        model.onEvents(List.of(capture(10, 1e-4), early, capture(20, 2e-4), late));
        assertThat(model.previews().get("dense1").value(0)).isEqualTo(5);
        model.select(0);
        assertThat(model.previews().get("dense1").value(0)).isZero();
        assertThat(model.healthMarks()).as("a Flatten has neither share").containsOnlyKeys("dense1", "dense2");
        assertThat(model.healthMarks().get("dense1").label()).isEqualTo("60 % dead");
    }

    @Test
    void a_new_run_starts_afresh_but_a_resumed_one_does_not() {
        model.onEvents(List.of(capture(10, 1e-4)));
        model.onEvents(List.<TrainingEvent>of(RunStarted.builder().setRunId("r").setEpochs(3, 10).optFirstBatch(2, 1).build()));
        assertThat(model.captureCount()).isEqualTo(1);
        model.onEvents(List.<TrainingEvent>of(RunStarted.builder().setRunId("r").setEpochs(3, 10).build()));
        assertThat(model.captureCount()).isZero();
        assertThat(model.rows()).isEmpty();
        assertThat(model.selectedLabel()).startsWith("No health captures yet");
        assertThat(model.headline()).isEmpty();
    }
}
