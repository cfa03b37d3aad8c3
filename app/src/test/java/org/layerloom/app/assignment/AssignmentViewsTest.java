package org.layerloom.app.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.app.data.ThemedShots;
import org.layerloom.app.train.settings.TrainingSettingsView;
import org.layerloom.app.train.settings.TrainingSettingsViewModel;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.editor.model.RecentFiles;
import org.layerloom.editor.session.ProjectSession;
import org.layerloom.editor.view.EditorPane;
import org.layerloom.engine.assignment.Assignment;
import org.layerloom.engine.assignment.GoalVerdict;
import org.layerloom.engine.assignment.Lock;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.edit.GraphEdits;
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.samples.SampleCatalog;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The student's goals panel and the teacher's assignment editor on the "CNN under 50k parameters" sample: the
 * parameter goal turns from ✗ to ✓ as the Dense layer shrinks, the teacher's edits become one undoable project
 * change, and a hidden layer kind stays in the palette, locked, with the reason. Writes both views in light and
 * dark to target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class AssignmentViewsTest {

    @TempDir
    Path dir;

    private Stage stage;
    private ProjectSession session;

    @Start
    void start(Stage primary) {
        stage = primary;
    }

    private void openSample(FxRobot robot) throws Exception {
        Path file = SampleCatalog.standard().copyTo(SampleCatalog.standard().byId("assignment-small-cnn").orElseThrow(),
                dir);
        robot.interact(() -> {
            session = new ProjectSession(new EditorViewModel(GraphValidator.standard(), LayerCatalog.standard()),
                    Runnable::run, Runnable::run, new RecentFiles(Optional.empty()));
            try {
                session.open(ProjectFiles.load(file), Optional.of(file));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void the_parameter_goal_turns_green_when_the_dense_layer_shrinks(FxRobot robot) throws Exception {
        openSample(robot);
        List<GoalsViewModel> holder = new ArrayList<>();
        robot.interact(() -> {
            GoalsViewModel model = new GoalsViewModel(session, Runnable::run, Runnable::run);
            holder.add(model);
            stage.setScene(new Scene(new GoalsPanel(model), 560, 640));
            stage.show();
        });
        GoalsViewModel model = holder.get(0);
        assertThat(statusOf(model, "parameters")).isEqualTo(GoalVerdict.Status.MISSED);
        assertThat(statusOf(model, "Test accuracy")).isEqualTo(GoalVerdict.Status.UNKNOWN);
        assertThat(robot.lookup("#goals-summary").queryAs(Label.class).getText()).isEqualTo("1 of 4 goals met");
        for (boolean dark : new boolean[] {false, true}) {
            ThemedShots.theme(stage.getScene(), dark);
            ThemedShots.save(stage.getScene(), "assignment-goals-" + (dark ? "dark" : "light"));
        }

        robot.interact(() -> session.editor().perform(GraphEdits.setParameter(session.editor().graph(), "dense1",
                "units", new ParamValue.Int(64)), "Set units to 64"));

        assertThat(statusOf(model, "parameters")).isEqualTo(GoalVerdict.Status.MET);
        assertThat(model.verdictsProperty().get()).anySatisfy(v ->
                assertThat(v.sentence()).isEqualTo("Parameters 27,562 ≤ 50,000? ✓"));
        assertThat(robot.lookup("#goals-summary").queryAs(Label.class).getText()).isEqualTo("2 of 4 goals met");
    }

    @Test
    void the_teachers_edits_are_one_undoable_change_of_the_project(FxRobot robot) throws Exception {
        openSample(robot);
        List<AssignmentEditorView> holder = new ArrayList<>();
        robot.interact(() -> {
            AssignmentEditorView view = new AssignmentEditorView(() -> session.project().assignment(),
                    a -> session.updateSettings(p -> p.withAssignment(a), "Edit the assignment"));
            holder.add(view);
            stage.setScene(new Scene(view, 860, 780));
            stage.show();
        });
        for (boolean dark : new boolean[] {false, true}) {
            ThemedShots.theme(stage.getScene(), dark);
            ThemedShots.save(stage.getScene(), "assignment-editor-" + (dark ? "dark" : "light"));
        }
        Assignment before = session.project().assignment().orElseThrow();

        robot.interact(() -> {
            robot.lookup("#assignment-goal-kind").queryComboBox().getSelectionModel().select(GoalChoice.MAX_EPOCHS);
            robot.lookup("#assignment-goal-value").queryTextInputControl().setText("ten");
            holder.get(0).addGoal();
        });
        assertThat(robot.lookup("#assignment-problem").queryAs(Label.class).getText())
                .contains("\"ten\" is not a number");
        robot.interact(() -> {
            robot.lookup("#assignment-goal-value").queryTextInputControl().setText("2");
            holder.get(0).addGoal();
            robot.lookup("#assignment-lock-kind").queryComboBox().getSelectionModel().select("Fix a setting");
            robot.lookup("#assignment-lock-reason").queryTextInputControl().setText("Same budget for all");
            holder.get(0).addLock();
            robot.lookup("#assignment-apply").queryButton().fire();
        });

        Assignment after = session.project().assignment().orElseThrow();
        assertThat(after.goals()).hasSize(before.goals().size() + 1);
        assertThat(after.goals().get(after.goals().size() - 1).describe()).isEqualTo("At most 2 epochs");
        assertThat(after.fixedReason(Lock.Setting.EPOCHS)).contains("Same budget for all");
        robot.interact(() -> session.editor().undoManager().undo());
        assertThat(session.project().assignment()).contains(before);
    }

    @Test
    void a_hidden_layer_kind_stays_in_the_palette_locked_with_the_reason(FxRobot robot) throws Exception {
        openSample(robot);
        robot.interact(() -> {
            stage.setScene(new Scene(new EditorPane(session), 1200, 800));
            stage.show();
            session.open(session.project(), session.file());
        });
        WaitForAsyncUtils.waitForFxEvents();

        Label attention = robot.lookup("#palette-MultiHeadSelfAttention").queryAs(Label.class);
        Label dense = robot.lookup("#palette-Dense").queryAs(Label.class);

        assertThat(attention.getGraphic()).isInstanceOf(javafx.scene.shape.SVGPath.class);
        assertThat(attention.getStyleClass()).contains("palette-entry-locked");
        assertThat(attention.getTooltip().getText())
                .isEqualTo("Locked by the assignment: This assignment is about convolutions.");
        assertThat(dense.getStyleClass()).doesNotContain("palette-entry-locked");
    }

    @Test
    void a_fixed_setting_is_disabled_and_shows_the_teachers_reason(FxRobot robot) throws Exception {
        openSample(robot);
        robot.interact(() -> {
            TrainingSettingsViewModel model = new TrainingSettingsViewModel(() -> session.project().training(),
                    (change, name, key) -> session.updateSettings(p -> p.withTraining(change.apply(p.training())),
                            name, key));
            model.useLocks(id -> SettingLocks.reason(session.project().assignment(), id));
            stage.setScene(new Scene(new TrainingSettingsView(model), 760, 900));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        ThemedShots.theme(stage.getScene(), false);
        ThemedShots.save(stage.getScene(), "assignment-settings-locked-light");

        assertThat(robot.lookup("#setting-seed").queryAs(javafx.scene.control.Control.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#setting-batch-size").queryAs(javafx.scene.control.Control.class).isDisabled())
                .isFalse();
        assertThat(robot.lookup(".setting-hint").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Locked by the assignment: One seed for everyone, so runs compare fairly.");
    }

    private static GoalVerdict.Status statusOf(GoalsViewModel model, String describing) {
        return model.verdictsProperty().get().stream().filter(v -> v.goal().describe().contains(describing))
                .findFirst().orElseThrow().status();
    }
}
