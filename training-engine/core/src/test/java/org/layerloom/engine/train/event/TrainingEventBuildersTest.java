package org.layerloom.engine.train.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingEventBuildersTest {

    private static final TestMetrics NO_TEST =
            new TestMetrics(0, 0, 0, List.of(), new double[0], new double[0], new int[0][], 0, 0);

    @Test
    void a_run_start_built_with_every_value_equals_the_record_made_directly() {
        RunStarted built = RunStarted.builder().setRunId("r").setEpochs(3, 10).optDevice("gpu(0)", 4)
                .optExamples(640, 64).optParameters(100).optFirstBatch(2, 5).build();

        assertThat(built).isEqualTo(new RunStarted("r", "gpu(0)", 4, 3, 10, 640, 64, 100, 2, 5));
    }

    @Test
    void a_run_start_is_a_new_run_on_one_cpu_thread_unless_told_otherwise() {
        RunStarted built = RunStarted.builder().setRunId("r").setEpochs(3, 10).build();

        assertThat(built).isEqualTo(new RunStarted("r", "cpu", 1, 3, 10, 0, 0, 0, 1, 1));
        assertThat(built.isResumed()).isFalse();
    }

    @Test
    void a_run_start_needs_its_id_and_epochs() {
        assertThatThrownBy(() -> RunStarted.builder().setEpochs(3, 10).build()).hasMessageContaining("setRunId");
        assertThatThrownBy(() -> RunStarted.builder().setRunId("r").build()).hasMessageContaining("setEpochs");
    }

    @Test
    void a_batch_end_built_with_every_value_equals_the_record_made_directly() {
        BatchEnded built = BatchEnded.builder().setBatch(2, 3, 10).setStep(13).setLoss(0.5).optAccuracy(0.9)
                .setLearningRate(0.01).setSamplesPerSecond(1000).build();

        assertThat(built).isEqualTo(new BatchEnded(2, 3, 10, 0.5, 0.9, 0.01, 1000, 13));
    }

    @Test
    void a_batch_end_without_accuracy_is_a_regression_batch_and_a_nan_loss_is_kept() {
        BatchEnded built = BatchEnded.builder().setBatch(1, 1, 10).setStep(1).setLoss(Double.NaN)
                .setLearningRate(0.01).setSamplesPerSecond(1000).build();

        assertThat(built.accuracy()).isNaN();
        assertThat(built.loss()).isNaN();
    }

    @Test
    void a_batch_end_needs_its_loss_learning_rate_and_speed() {
        assertThatThrownBy(() -> BatchEnded.builder().setBatch(1, 1, 10).setStep(1).setLearningRate(0.01)
                .setSamplesPerSecond(1000).build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_layer_finding_names_the_node_and_leaves_the_data_place_empty() {
        OutputNotFinite built = OutputNotFinite.builder().setBatch(1, 2).setCause(NotFiniteCause.PARAMETER)
                .optNode("conv2d3", "Conv 2", "Conv2D").optParameter("weight").setValue("NaN").build();

        assertThat(built).isEqualTo(new OutputNotFinite(1, 2, 0, NotFiniteCause.PARAMETER, "conv2d3", "Conv 2",
                "Conv2D", "weight", "NaN", ""));
    }

    @Test
    void a_data_finding_names_no_node_and_says_where_in_the_data() {
        OutputNotFinite built = OutputNotFinite.builder().setBatch(3, 12).optUpdates(75)
                .setCause(NotFiniteCause.TARGETS).setValue("infinite").optDataWhere("data.csv, example 3").build();

        assertThat(built).isEqualTo(new OutputNotFinite(3, 12, 75, NotFiniteCause.TARGETS, "", "", "", "",
                "infinite", "data.csv, example 3"));
    }

    @Test
    void a_finding_needs_its_batch_cause_and_value() {
        assertThatThrownBy(() -> OutputNotFinite.builder().setCause(NotFiniteCause.LOSS).setValue("NaN").build())
                .hasMessageContaining("setBatch");
        assertThatThrownBy(() -> OutputNotFinite.builder().setBatch(1, 1).setValue("NaN").build())
                .hasMessageContaining("setCause");
        assertThatThrownBy(() -> OutputNotFinite.builder().setBatch(1, 1).setCause(NotFiniteCause.LOSS).build())
                .hasMessageContaining("setValue");
    }

    @Test
    void a_run_end_completed_unless_told_it_stopped_early() {
        RunFinished completed = RunFinished.builder().setRun("r", "runs/r").setEpochs(3, 2).setTest(NO_TEST).build();
        RunFinished stopped = RunFinished.builder().setRun("r", "runs/r").setEpochs(1, 1).setTest(NO_TEST)
                .optEnd(true, "stopped by you").optSeconds(9).build();

        assertThat(completed).isEqualTo(new RunFinished("r", "runs/r", 3, 2, false, "completed", NO_TEST, 0));
        assertThat(stopped).isEqualTo(new RunFinished("r", "runs/r", 1, 1, true, "stopped by you", NO_TEST, 9));
    }

    @Test
    void a_run_end_needs_its_run_epochs_and_test() {
        assertThatThrownBy(() -> RunFinished.builder().setEpochs(1, 1).setTest(NO_TEST).build())
                .hasMessageContaining("setRun");
        assertThatThrownBy(() -> RunFinished.builder().setRun("r", "f").setEpochs(1, 1).build())
                .hasMessageContaining("setTest");
        assertThatThrownBy(() -> RunFinished.builder().setRun("r", "f").setTest(NO_TEST).build())
                .hasMessageContaining("setEpochs");
    }
}
