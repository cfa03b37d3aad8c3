package org.layerloom.editor.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.editor.model.RecentFiles;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.Wire;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real editor with the robot: palette, wiring, shapes, property sheet, fixes, undo, files. */
@ExtendWith(ApplicationExtension.class)
class EditorUiTest {

    private EditorPane pane;
    private EditorViewModel editor;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        editor = new EditorViewModel(GraphValidator.standard(), LayerCatalog.standard());
        pane = new EditorPane(editor, new EditorServices(Runnable::run, Runnable::run, new RecentFiles(Optional.empty())));
        stage.setScene(new Scene(new EditorWindow(pane), 1280, 800));
        stage.titleProperty().bind(pane.titleProperty());
        stage.show();
    }

    @Test
    void a_student_builds_a_network_fixes_its_shape_error_edits_a_parameter_undoes_and_saves(FxRobot robot) {
        Bounds canvas = robot.lookup("#graph-canvas").query().localToScreen(
                robot.lookup("#graph-canvas").query().getLayoutBounds());
        Point2D origin = new Point2D(canvas.getMinX(), canvas.getMinY());

        // Drag Input, Dense and Output from the palette onto the canvas.
        robot.drag("#palette-Input").dropTo(origin.add(120, 200));
        robot.drag("#palette-Dense").dropTo(origin.add(380, 200));
        robot.drag("#palette-Output").dropTo(origin.add(640, 200));
        assertThat(editor.graph().nodes()).extracting(n -> n.kind())
                .containsExactly(LayerKind.INPUT, LayerKind.DENSE, LayerKind.OUTPUT);
        assertThat(robot.lookup("#node-dense1").tryQuery()).isPresent();

        // While dragging a wire, the target is green when allowed and red when not.
        robot.drag(port(robot, "dense1")).moveTo(robot.lookup("#node-input1").<Node>query());
        assertThat(hasPseudoClass(robot, "#node-input1", "target-bad")).isTrue();
        robot.moveTo(robot.lookup("#node-output1").<Node>query());
        assertThat(hasPseudoClass(robot, "#node-output1", "target-ok")).isTrue();
        robot.drop();
        robot.drag(port(robot, "input1")).dropTo(robot.lookup("#node-dense1").<Node>query());
        assertThat(editor.graph().wires()).containsExactly(Wire.between("dense1", "output1"),
                Wire.between("input1", "dense1"));

        // The wire shows its shape; a Dense cannot take an image, so it is red with a fix.
        assertThat(pane.canvas().wireLabel(Wire.between("input1", "dense1"))).isEqualTo("1×28×28");
        assertThat(hasPseudoClass(robot, "#node-dense1", "error")).isTrue();
        robot.clickOn("#node-dense1");
        Button fix = robot.lookup("#node-problems").lookup(".fix-button").queryButton();
        assertThat(fix.getText()).startsWith("Insert");
        robot.clickOn(fix);
        assertThat(editor.report().isValid()).isTrue();
        assertThat(hasPseudoClass(robot, "#node-dense1", "error")).isFalse();
        assertThat(label(robot, "#graph-status")).isEqualTo("✓ Valid");

        // Set Units in the property sheet; a refused value says why and changes nothing.
        robot.clickOn("#node-dense1");
        robot.doubleClickOn("#param-units").eraseText(4).write("0").type(KeyCode.ENTER);
        assertThat(robot.lookup(".param-error").queryAs(Label.class).getText()).contains("between 1 and 100,000");
        assertThat(units()).isEqualTo(64);
        robot.doubleClickOn("#param-units").eraseText(4).write("10").type(KeyCode.ENTER);
        assertThat(units()).isEqualTo(10);
        assertThat(pane.canvas().wireLabel(Wire.between("dense1", "output1"))).isEqualTo("10");

        // Undo and redo from the keyboard, named in the Edit menu.
        assertThat(undoItem(robot).getText()).isEqualTo("Undo Set Units of Dense 1");
        // A blank spot of the canvas (the minimap shows in the bottom-right corner once the network is wider).
        robot.clickOn(origin.add(200, 420)).press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        assertThat(units()).isEqualTo(64);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(units()).isEqualTo(10);

        // Save, start anew, and open the file again.
        Path file = dir.resolve("first.loom");
        NetworkGraph saved = editor.graph();
        robot.interact(() -> pane.files().saveTo(file));
        assertThat(pane.titleProperty().get()).isEqualTo("first.loom — LayerLoom");
        robot.interact(() -> pane.files().newProject());
        assertThat(editor.graph().nodes()).isEmpty();
        robot.interact(() -> pane.files().open(file));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(editor.graph()).isEqualTo(saved);
        assertThat(pane.session().isDirty()).isFalse();
    }

    @Test
    void delete_key_removes_the_selected_layer_and_ctrl_z_brings_it_back(FxRobot robot) {
        robot.interact(() -> new org.layerloom.editor.command.AddNodeCommand(editor, LayerKind.DENSE,
                new org.layerloom.engine.graph.Position(100, 100)).execute());
        robot.clickOn("#node-dense1").type(KeyCode.DELETE);
        assertThat(editor.graph().nodes()).isEmpty();
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        assertThat(editor.graph().nodes()).hasSize(1);
    }

    @Test
    void double_clicking_a_layer_renames_it_in_place(FxRobot robot) {
        robot.interact(() -> new org.layerloom.editor.command.AddNodeCommand(editor, LayerKind.DENSE,
                new org.layerloom.engine.graph.Position(100, 100)).execute());
        robot.doubleClickOn("#node-dense1");
        robot.lookup("#rename-field").query();
        robot.eraseText(10).write("Hidden").type(KeyCode.ENTER);
        assertThat(editor.graph().requireNode("dense1").name()).isEqualTo("Hidden");
    }

    @Test
    void searching_the_palette_keeps_only_matching_layers(FxRobot robot) {
        robot.clickOn("#palette-search").write("pool");
        assertThat(robot.lookup(".palette-entry").queryAll()).extracting(n -> ((Label) n).getText())
                .containsExactly("MaxPool2D", "AvgPool2D", "GlobalAvgPool2D");
    }

    @Test
    void exports_png_and_svg_pictures(FxRobot robot) throws Exception {
        var project = org.layerloom.engine.project.ProjectFiles.load(
                Path.of(getClass().getResource("/projects/residual.loom").toURI()));
        robot.interact(() -> pane.session().open(project, Optional.empty()));
        Path png = dir.resolve("net.png");
        Path svg = dir.resolve("net.svg");
        robot.interact(() -> {
            pane.files().exportPng(png);
            pane.files().exportSvg(svg);
        });
        assertThat(javax.imageio.ImageIO.read(png.toFile()).getWidth()).isGreaterThan(1000);
        assertThat(java.nio.file.Files.readString(svg)).contains("Skip + block", "16×28×28");
    }

    private int units() {
        return ((ParamValue.Int) editor.graph().requireNode("dense1").params().get("units")).value();
    }

    private static Node port(FxRobot robot, String nodeId) {
        return robot.lookup("#node-" + nodeId).lookup(".port-out").query();
    }

    private static boolean hasPseudoClass(FxRobot robot, String query, String pseudoClass) {
        return robot.lookup(query).query().getPseudoClassStates().contains(PseudoClass.getPseudoClass(pseudoClass));
    }

    private static String label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private MenuItem undoItem(FxRobot robot) {
        return pane.menuBar().getMenus().get(1).getItems().get(0);
    }
}
