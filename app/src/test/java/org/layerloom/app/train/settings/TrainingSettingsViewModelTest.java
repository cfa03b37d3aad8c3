package org.layerloom.app.train.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.OptimizerKind;
import org.layerloom.engine.project.ScheduleKind;
import org.layerloom.engine.project.TrainingSettings;

/** The settings panel's state without a window: which fields show, their values, their checks, their steps. */
class TrainingSettingsViewModelTest {

    private final AtomicReference<TrainingSettings> project = new AtomicReference<>(TrainingSettings.defaults());
    private final List<String> steps = new ArrayList<>();
    private final TrainingSettingsViewModel model = new TrainingSettingsViewModel(project::get, this::change);

    /** As the project session does: the change is made, and the session's listeners refresh the panel. */
    private void change(java.util.function.UnaryOperator<TrainingSettings> change, String name, Object key) {
        project.set(change.apply(project.get()));
        steps.add(name);
        model.refresh();
    }

    @Test
    void a_value_set_is_one_named_step_and_the_items_follow_the_project() {
        model.item("batch-size").setValue(128);
        assertThat(steps).containsExactly("Set batch size to 128");
        assertThat(project.get().batchSize()).isEqualTo(128);

        model.item("batch-size").setValue(128);
        assertThat(steps).as("the same value is no step").hasSize(1);

        project.set(project.get().withBatchSize(32)); // an undo, say
        model.refresh();
        assertThat(model.item("batch-size").getValue()).isEqualTo(32);
    }

    @Test
    void only_the_hyper_parameters_of_the_optimizer_and_schedule_show() {
        assertThat(model.item("beta1")).isNotNull();
        assertThat(model.item("momentum")).isNull();
        assertThat(model.item("gamma")).isNull();

        model.item("optimizer").setValue(OptimizerKind.SGD);
        model.item("schedule").setValue(ScheduleKind.STEP);
        model.refresh();

        assertThat(steps).containsExactly("Set optimizer to SGD", "Set schedule to Step decay");
        assertThat(model.item("momentum")).isNotNull();
        assertThat(model.item("nesterov")).isNotNull();
        assertThat(model.item("beta1")).isNull();
        assertThat(model.item("gamma")).isNotNull();
        assertThat(project.get().optimizer().learningRate()).as("kept").isEqualTo(0.001);
    }

    @Test
    void typed_values_are_checked_against_the_project_files_ranges() {
        TrainingSettingField epochs = model.item("epochs").field();
        assertThat(epochs.parse("1,000").value()).isEqualTo(1000);
        assertThat(epochs.parse("0").problem()).isEqualTo("Epochs must be between 1 and 100,000.");
        assertThat(epochs.parse("many").problem()).contains("\"many\" is not a whole number");
        TrainingSettingField split = model.item("validation-split").field();
        assertThat(split.parse("0,2").value()).isEqualTo(0.2);
        assertThat(split.parse("0.95").problem()).isEqualTo("Validation split must be between 0 and 0.9.");
        assertThat(model.item("learning-rate").field().parse("0").problem())
                .isEqualTo("Learning rate must be greater than 0 and at most 10.");
        assertThat(model.item("seed").field().parse("123456789012").value()).isEqualTo(123456789012L);
        assertThat(model.item("epochs").field().rangeText()).isEqualTo("Between 1 and 100,000");
        assertThat(model.item("weight-decay").field().rangeText()).isEqualTo("At least 0");
        assertThat(model.item("weight-decay").field().parse("-1").problem()).isEqualTo("Weight decay must be at least 0.");
    }

    @Test
    void the_gpu_is_offered_only_when_one_is_seen_and_the_preview_follows_the_epochs() {
        assertThat(List.<Object>copyOf(model.item("device").field().choices())).containsExactly(DeviceChoice.AUTO, DeviceChoice.CPU);
        model.setGpuSeen(true);
        assertThat(List.<Object>copyOf(model.item("device").field().choices())).contains(DeviceChoice.GPU);

        model.item("epochs").setValue(12);
        model.refresh();
        assertThat(model.previewProperty().get().epochs()).isEqualTo(12);
    }
}
