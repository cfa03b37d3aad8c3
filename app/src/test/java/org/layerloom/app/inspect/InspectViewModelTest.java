package org.layerloom.app.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.inspect.GradCamMap;
import org.layerloom.engine.inspect.Prediction;
import org.layerloom.engine.train.event.DecisionMap;
import org.layerloom.engine.train.event.DecisionMapCaptured;
import org.layerloom.engine.train.event.EmbeddingProjected;
import org.layerloom.engine.train.event.TrainingEvent;

/** The view model without a toolkit: engine work and results on the calling thread, or queued by hand. */
class InspectViewModelTest {

    private static InspectViewModel mnist;
    private final InspectViewModel model = new InspectViewModel(Runnable::run, Runnable::run);

    /** One view model on the MNIST run for the tests that only read it or pick inputs (opening costs seconds). */
    private static synchronized InspectViewModel mnist() throws Exception {
        if (mnist == null) {
            mnist = new InspectViewModel(Runnable::run, Runnable::run);
            mnist.open(TrainedRuns.mnistCnn());
        }
        return mnist;
    }

    @AfterEach
    void close() {
        model.close();
    }

    @AfterAll
    static void closeMnist() {
        if (mnist != null) {
            mnist.close();
        }
    }

    @Test
    void opening_the_spirals_run_maps_the_plane_with_every_first_layer_neuron() throws Exception {
        model.open(TrainedRuns.spirals());

        RunSummary summary = model.summaryProperty().get();
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(summary.isPlane()).isTrue();
        assertThat(summary.classNames()).hasSize(3);
        assertThat(model.planePointsProperty().get()[0]).hasSizeGreaterThan(1_000);
        assertThat(ErrorsSection.whenText(model.decisionMapProperty().get())).isEqualTo("the saved network");
        DecisionMap map = model.decisionMapProperty().get().map();
        assertThat(map.width()).isEqualTo(InspectViewModel.DECISION_RESOLUTION);
        assertThat(map.height()).isEqualTo(InspectViewModel.DECISION_RESOLUTION);
        assertThat(map.classes()).isEqualTo(3);
        assertThat(map.unitMaps()).hasSize(2);
        assertThat(map.unitCount(summary.denseNodes().get(0))).isEqualTo(32);
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void a_closed_run_leaves_nothing_shown_and_the_status_asks_for_a_run() throws Exception {
        String none = model.statusProperty().get();
        model.open(TrainedRuns.spirals());
        assertThat(model.statusProperty().get()).isNotEqualTo(none);
        model.close();
        assertThat(model.summaryProperty().get()).isNull();
        assertThat(model.runFolder()).isNull();
        assertThat(model.planePointsProperty().get()).isNull();
        assertThat(model.decisionMapProperty().get()).isNull();
        assertThat(model.statusProperty().get()).isEqualTo(none);
    }

    @Test
    void a_typed_sentence_is_read_with_the_runs_vocabulary_and_its_words_explained() throws Exception {
        model.open(TrainedRuns.sentimentLstm());
        RunSummary summary = model.summaryProperty().get();
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(summary.takesText()).isTrue();

        model.useSentence("The food was great");

        float[] ids = model.inputProperty().get().values();
        assertThat(ids).hasSize(32);
        assertThat(summary.tokenWord((int) ids[31])).isEqualTo("great");
        assertThat(summary.tokenWord((int) ids[28])).isEqualTo("the");
        assertThat(summary.tokenWord((int) ids[0])).isEqualTo("·");
        assertThat(model.inputProperty().get().description()).isEqualTo("your sentence \u201cThe food was great\u201d");
        assertThat(model.inspectionProperty().get()).isNotNull();
        assertThat(model.explanationProperty().get().tokens()).isPresent();
        var lime = model.perturbationProperty().get().lime().orElseThrow();
        assertThat(lime.names()).as("the four words, no padding").hasSize(4).contains("great");
        assertThat(model.perturbationProperty().get().occlusion()).isEmpty();
    }

    @Test
    void a_clicked_point_of_the_plane_is_inspected_and_explained() throws Exception {
        model.open(TrainedRuns.spirals());
        model.usePoint(0.25, -0.5);

        assertThat(model.inputProperty().get().values()).containsExactly(0.25f, -0.5f);
        assertThat(model.inputProperty().get().description()).isEqualTo("the point (0.25, -0.50)");
        Prediction p = model.inspectionProperty().get().prediction();
        double sum = 0;
        for (float v : p.probabilities()) {
            sum += v;
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(model.explanationProperty().get().saliency()).isPresent();
        assertThat(model.explanationProperty().get().classIndex()).isEqualTo(p.predictedClass());
    }

    @Test
    void live_decision_maps_replace_the_shown_one_and_embeddings_become_epoch_frames() throws Exception {
        List<TrainingEvent> events = TrainedRuns.spiralsEvents();
        List<TrainingEvent> maps = events.stream().filter(DecisionMapCaptured.class::isInstance).toList();
        List<TrainingEvent> embeddings = events.stream().filter(EmbeddingProjected.class::isInstance).toList();
        assertThat(maps).as("epochs 1 to 3 and every fifth").hasSize(3 + TrainedRuns.EPOCHS / 5);
        assertThat(embeddings).hasSize(TrainedRuns.EPOCHS);

        model.onEvents(List.of(maps.get(0), embeddings.get(0), maps.get(1)));
        assertThat(model.decisionMapProperty().get()).isSameAs(maps.get(1));
        assertThat(ErrorsSection.whenText(model.decisionMapProperty().get())).isEqualTo("epoch "
                + ((DecisionMapCaptured) maps.get(1)).epoch() + ", batch " + ((DecisionMapCaptured) maps.get(1)).batch());
        assertThat(model.embeddings()).hasSize(1);
        model.onEvents(List.of(embeddings.get(1), embeddings.get(2)));
        assertThat(model.embeddings()).extracting(EmbeddingProjected::epoch).containsExactly(1, 2, 3);
        assertThat(model.embeddingIndexProperty().get()).as("follows the newest").isEqualTo(2);

        model.embeddingIndexProperty().set(0);
        model.onEvents(List.of(embeddings.get(3)));
        assertThat(model.embeddingIndexProperty().get()).as("stays where the student put it").isZero();
        model.onEvents(List.of(events.get(0)));
        assertThat(model.embeddings()).hasSize(4);

        model.onEvents(List.of(embeddings.get(0)));
        assertThat(model.embeddings()).as("a new training starts over").extracting(EmbeddingProjected::epoch)
                .containsExactly(1);
        assertThat(model.embeddingIndexProperty().get()).isZero();
    }

    @Test
    void the_gallery_of_a_cell_holds_exactly_its_mistakes_with_grad_cam_maps() throws Exception {
        InspectViewModel model = mnist();
        int[][] confusion = model.confusionProperty().get();
        int[] cell = biggestMistake(confusion);

        model.showErrors(cell[0], cell[1]);

        Gallery gallery = model.galleryProperty().get();
        assertThat(gallery.total()).isEqualTo(confusion[cell[0]][cell[1]]);
        assertThat(gallery.items()).hasSize(Math.min(InspectViewModel.GALLERY_LIMIT, gallery.total()));
        for (GalleryItem item : gallery.items()) {
            assertThat(item.example().trueClass()).isEqualTo(cell[0]);
            assertThat(item.example().predictedClass()).isEqualTo(cell[1]);
            assertThat(item.example().topClasses()).hasSize(3).startsWith(cell[1]);
            GradCamMap cam = item.gradCam().orElseThrow();
            assertThat(cam.classIndex()).isEqualTo(cell[1]);
            assertThat(cam.height()).isEqualTo(28);
        }
    }

    @Test
    void next_mistake_shows_a_test_sample_the_network_gets_wrong() throws Exception {
        InspectViewModel model = mnist();
        model.pickTestSample(0);

        model.pickNextMistake();

        InputSample input = model.inputProperty().get();
        assertThat(model.misclassifiedProperty().get()).contains(input.testIndex());
        assertThat(model.inspectionProperty().get().prediction().predictedClass()).isNotEqualTo(input.trueClass());
        assertThat(model.inspectionProperty().get().layers()).hasSize(9);
    }

    @Test
    void a_saved_cnn_is_explained_with_three_maps_and_its_weights_are_read() throws Exception {
        InspectViewModel model = mnist();
        model.pickTestSample(0);
        Explanation why = model.explanationProperty().get();
        assertThat(why.saliency().orElseThrow().heatHeight()).isEqualTo(28);
        assertThat(why.smoothGrad()).isPresent();
        assertThat(why.gradCam().orElseThrow().nodeId()).isEqualTo("conv2d2");

        model.explainClass(3);
        assertThat(model.explanationProperty().get().classIndex()).isEqualTo(3);
        assertThat(model.explanationProperty().get().gradCam().orElseThrow().classIndex()).isEqualTo(3);

        Weights weights = model.weightsProperty().get();
        assertThat(weights.firstFilters().orElseThrow().filters()).isEqualTo(32);
        assertThat(weights.dense()).hasSize(2);
        assertThat(model.embeddings()).hasSize(1);
        assertThat(model.embeddings().get(0).epoch()).as("the saved run's frame").isZero();
        assertThat(model.embeddings().get(0).projection().x()).hasSize(1_000);
    }

    @Test
    void a_drawn_digit_is_scaled_like_the_run_s_images() throws Exception {
        InspectViewModel model = mnist();
        RunSummary summary = model.summaryProperty().get();
        assertThat(summary.takesDrawnDigit()).isTrue();
        float[] ink = new float[784];
        for (int row = 4; row < 24; row++) {
            ink[row * 28 + 14] = 1;
        }

        model.useDrawing(ink);

        float[] input = model.inputProperty().get().values();
        assertThat((double) input[0]).isCloseTo(summary.black(), org.assertj.core.data.Offset.offset(1e-5));
        assertThat((double) input[4 * 28 + 14]).isCloseTo(summary.white(), org.assertj.core.data.Offset.offset(1e-5));
        assertThat(summary.black()).as("normalised MNIST").isNegative();
        assertThat(model.inputProperty().get().testIndex()).isEqualTo(-1);
        assertThat(model.inspectionProperty().get().prediction().probabilities()).hasSize(10);
    }

    @Test
    void the_result_of_a_run_opened_before_another_is_dropped() throws Exception {
        ArrayDeque<Runnable> work = new ArrayDeque<>();
        ArrayDeque<Runnable> results = new ArrayDeque<>();
        Executor background = work::add;
        Executor fx = results::add;
        InspectViewModel queued = new InspectViewModel(background, fx);
        queued.open(TrainedRuns.mnistCnn());
        queued.open(TrainedRuns.spirals());
        while (!work.isEmpty() || !results.isEmpty()) {
            while (!work.isEmpty()) {
                work.poll().run();
            }
            while (!results.isEmpty()) {
                results.poll().run();
            }
        }
        assertThat(queued.summaryProperty().get().isPlane()).isTrue();
        assertThat(queued.busyProperty().get()).isFalse();
        queued.close();
        while (!work.isEmpty()) {
            work.poll().run();
        }
    }

    @Test
    void busy_stays_on_from_opening_through_the_work_the_opened_run_starts() throws Exception {
        ArrayDeque<Runnable> work = new ArrayDeque<>();
        ArrayDeque<Runnable> results = new ArrayDeque<>();
        InspectViewModel queued = new InspectViewModel(work::add, results::add);
        List<Boolean> seen = new ArrayList<>();
        queued.busyProperty().addListener((obs, was, busy) -> seen.add(busy));
        queued.open(TrainedRuns.spirals());
        work.poll().run();
        results.poll().run();
        assertThat(queued.summaryProperty().get()).as("opened").isNotNull();
        assertThat(work).as("the map, the weights, the first sample").isNotEmpty();
        assertThat(queued.busyProperty().get()).isTrue();
        while (!work.isEmpty() || !results.isEmpty()) {
            while (!work.isEmpty()) {
                work.poll().run();
            }
            while (!results.isEmpty()) {
                results.poll().run();
            }
        }
        assertThat(queued.busyProperty().get()).isFalse();
        assertThat(seen).as("busy once, from the open to the last result").containsExactly(true, false);
        queued.close();
        while (!work.isEmpty()) {
            work.poll().run();
        }
    }

    @Test
    void a_folder_that_is_not_a_run_shows_why(@TempDir Path empty) {
        model.open(empty);

        assertThat(model.summaryProperty().get()).isNull();
        assertThat(model.errorProperty().get()).contains("manifest");
        assertThat(model.busyProperty().get()).isFalse();
    }

    static int[] biggestMistake(int[][] confusion) {
        int[] best = {0, 1, -1};
        for (int a = 0; a < confusion.length; a++) {
            for (int p = 0; p < confusion.length; p++) {
                if (a != p && confusion[a][p] > best[2]) {
                    best = new int[] {a, p, confusion[a][p]};
                }
            }
        }
        return best;
    }
}
