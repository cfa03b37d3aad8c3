package org.layerloom.editor.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerloom.editor.TestGraphs;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.editor.model.RecentFiles;
import org.layerloom.engine.graph.Position;
import org.layerloom.engine.graph.Wire;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Selecting with the mouse and editing with the keyboard on the real canvas. */
@ExtendWith(ApplicationExtension.class)
class EditorSelectionUiTest {

    private EditorPane pane;
    private EditorViewModel editor;

    @Start
    void start(Stage stage) {
        editor = TestGraphs.editorWith(TestGraphs.mlp());
        pane = new EditorPane(editor, new EditorServices(Runnable::run, Runnable::run, new RecentFiles(Optional.empty())));
        stage.setScene(new Scene(new EditorWindow(pane), 1280, 800));
        stage.show();
    }

    private Point2D screen(double canvasX, double canvasY) {
        Node world = pane.canvas().contentLayer();
        return world.localToScreen(canvasX, canvasY);
    }

    @Test
    void the_cards_and_their_text_follow_the_text_scale_and_100_percent_means_that_scale(FxRobot robot) {
        Node card = robot.lookup("#node-dense1").query();
        robot.interact(() -> pane.canvas().zoomReset());
        double before = card.localToScreen(card.getBoundsInLocal()).getWidth();
        robot.interact(() -> pane.canvas().textScaleProperty().set(1.5));
        assertThat(pane.canvas().zoomProperty().get()).as("the zoom shown stays 100 %")
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        double after = card.localToScreen(card.getBoundsInLocal()).getWidth();
        assertThat(after / before).isCloseTo(1.5, org.assertj.core.data.Offset.offset(0.01));

        robot.interact(() -> pane.canvas().zoomOut());
        robot.interact(() -> pane.canvas().zoomReset());
        assertThat(card.localToScreen(card.getBoundsInLocal()).getWidth()).isCloseTo(after,
                org.assertj.core.data.Offset.offset(0.5));
        robot.interact(() -> pane.canvas().textScaleProperty().set(1));
    }

    @Test
    void a_rubber_band_selects_the_layers_it_touches_and_ctrl_c_ctrl_v_pastes_copies(FxRobot robot) {
        Position a = editor.graph().requireNode("dense1").position();
        robot.drag(screen(a.x() - 20, a.y() - 30), MouseButton.PRIMARY)
                .dropTo(screen(a.x() + 260, a.y() + 100));
        assertThat(editor.selection().nodes()).containsExactlyInAnyOrder("dense1", "dense2");

        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
        assertThat(editor.graph().nodes()).hasSize(6);
        assertThat(editor.selection().nodes()).hasSize(2).doesNotContain("dense1", "dense2");
    }

    @Test
    void shift_click_adds_to_the_selection_and_arrows_nudge_it_in_one_undo_step(FxRobot robot) {
        robot.clickOn("#node-dense1");
        robot.press(KeyCode.SHIFT).clickOn("#node-dense2").release(KeyCode.SHIFT);
        assertThat(editor.selection().nodes()).containsExactlyInAnyOrder("dense1", "dense2");

        robot.type(KeyCode.RIGHT).type(KeyCode.RIGHT).type(KeyCode.DOWN);
        assertThat(editor.graph().requireNode("dense1").position()).isEqualTo(new Position(240, 20));
        assertThat(editor.undoManager().undoDepth()).isEqualTo(1);
    }

    @Test
    void clicking_a_wire_selects_it_and_delete_removes_it(FxRobot robot) {
        Position from = editor.graph().requireNode("dense1").position();
        Position to = editor.graph().requireNode("dense2").position();
        double y = from.y() + 35;
        robot.clickOn(screen((from.x() + 156 + to.x()) / 2 + 8, y));
        assertThat(editor.selection().wires()).containsExactly(Wire.between("dense1", "dense2"));

        robot.type(KeyCode.DELETE);
        assertThat(editor.graph().wires()).doesNotContain(Wire.between("dense1", "dense2"));
    }

    @Test
    void keys_typed_in_a_text_field_edit_the_text_and_not_the_graph(FxRobot robot) {
        robot.clickOn("#node-dense1");
        robot.clickOn("#palette-search").write("conv").type(KeyCode.HOME).type(KeyCode.DELETE).type(KeyCode.F);
        assertThat(robot.lookup("#palette-search").queryAs(TextField.class).getText()).isEqualTo("fonv");
        assertThat(editor.graph().contains("dense1")).isTrue();
    }

    @Test
    void dragging_a_layer_moves_it_in_one_undo_step_snapped_to_the_grid(FxRobot robot) {
        robot.drag("#node-dense1").moveBy(30, 10).moveBy(33, 47).drop();
        Position moved = editor.graph().requireNode("dense1").position();
        assertThat(moved.x() % GraphCanvas.GRID).isZero();
        assertThat(moved.y() % GraphCanvas.GRID).isZero();
        assertThat(moved).isNotEqualTo(new Position(200, 0));
        assertThat(editor.undoManager().undoDepth()).isEqualTo(1);
    }

    @Test
    void resting_on_a_problem_badge_offers_the_fix_there(FxRobot robot) {
        robot.interact(() -> new org.layerloom.editor.command.SetParameterCommand(editor, "input1", "shape",
                org.layerloom.engine.graph.ParamValue.Dims.of(1, 28, 28)).execute());
        robot.moveTo(robot.lookup("#node-dense1").lookup(".problem-badge").<Node>query());
        javafx.scene.control.Button fix = robot.lookup(".problem-popup .fix-button").queryButton();
        assertThat(fix.getText()).startsWith("Insert");
        robot.clickOn(fix);
        assertThat(editor.report().isValid()).isTrue();
    }
}
