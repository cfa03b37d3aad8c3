package org.layerloom.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.assignment.Assignment;
import org.layerloom.engine.assignment.Goal;
import org.layerloom.engine.assignment.Lock;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.testing.TestProjects;

/** A project's assignment survives saving; old files without one still load; a damaged one is named. */
class ProjectAssignmentTest {

    static Assignment everyPart() {
        return new Assignment("Small CNN", "# Task\nBuild a **CNN** with `Conv2D`.\n\n- few parameters\n- *fast*",
                List.of(new Goal.MinTestAccuracy(0.98), new Goal.MinValidationAccuracy(0.97),
                        new Goal.MaxParameters(50_000), new Goal.MaxEpochs(10), new Goal.UsesLayer(LayerKind.CONV2D),
                        new Goal.MaxDenseUnits(128), new Goal.ValidationLossNotRising(0.05)),
                List.of(new Lock.HiddenLayer(LayerKind.DENSE, "Use convolutions"),
                        new Lock.FixedSetting(Lock.Setting.EPOCHS, "Everyone trains 10 epochs"),
                        new Lock.FixedDataset("Everyone uses MNIST")));
    }

    @Test
    void every_goal_and_lock_is_saved_and_read_back_and_kept_by_every_change() throws Exception {
        Project project = TestProjects.smallMlp().withAssignment(Optional.of(everyPart()));

        String json = ProjectFiles.toJson(project);
        Project read = ProjectFiles.fromJson(json, LoadErrors.SOURCE);

        assertThat(read).isEqualTo(project);
        assertThat(json).contains("\"kind\" : \"usesLayer\"", "\"layer\" : \"Conv2D\"", "\"setting\" : \"epochs\"");
        assertThat(read.withName("x").withGraph(read.graph()).withTraining(read.training()).withDataset(read.dataset())
                .withStartingWeights(Optional.empty()).assignment()).contains(everyPart());
        assertThat(ProjectFiles.toJson(read)).isEqualTo(json);
    }

    @Test
    void a_project_without_an_assignment_writes_no_key_and_reads_as_none() throws Exception {
        String json = TestProjects.smallMlpJson();

        assertThat(json).doesNotContain("assignment");
        assertThat(ProjectFiles.fromJson(json, LoadErrors.SOURCE).assignment()).isEmpty();
    }

    @Test
    void an_unknown_goal_kind_is_named_with_its_place_and_the_nearest_kind() {
        ProjectFileException e = LoadErrors.reading(withAssignment(a ->
                a.putArray("goals").addObject().put("kind", "minTestAcuracy").put("value", 0.9)));

        assertThat(e.getMessage()).contains("$.assignment.goals[0].kind", "minTestAcuracy", "minTestAccuracy");
    }

    @Test
    void an_accuracy_above_one_is_refused_with_its_place() {
        ProjectFileException e = LoadErrors.reading(withAssignment(a ->
                a.putArray("goals").addObject().put("kind", "minTestAccuracy").put("value", 98)));

        assertThat(e.getMessage()).contains("$.assignment.goals[0].value", "between 0 and 1");
    }

    @Test
    void a_lock_without_a_reason_and_an_unknown_layer_are_refused() {
        ProjectFileException noReason = LoadErrors.reading(withAssignment(a ->
                a.putArray("locks").addObject().put("kind", "fixDataset")));
        ProjectFileException badLayer = LoadErrors.reading(withAssignment(a -> a.putArray("locks").addObject()
                .put("kind", "hideLayer").put("layer", "Dens").put("reason", "r")));

        assertThat(noReason.getMessage()).contains("$.assignment.locks[0]", "reason");
        assertThat(badLayer.getMessage()).contains("$.assignment.locks[0].layer", "\"Dens\"", "Dense");
    }

    @Test
    void an_unknown_entry_and_a_wrong_type_are_refused() {
        ProjectFileException unknown = LoadErrors.reading(withAssignment(a -> a.put("deadline", "monday")));
        ProjectFileException notObject = LoadErrors.reading(LoadErrors.smallMlpWith(root ->
                root.put("assignment", "pass MNIST")));

        assertThat(unknown.getMessage()).contains("deadline", "an assignment");
        assertThat(notObject.getMessage()).contains("$.assignment", "expected an object");
    }

    private static String withAssignment(java.util.function.Consumer<ObjectNode> change) {
        return LoadErrors.smallMlpWith(root -> change.accept(root.putObject("assignment").put("title", "t")));
    }
}
