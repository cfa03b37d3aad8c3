package org.layerloom.editor.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerloom.editor.model.Bounds;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.editor.model.RecentFiles;
import org.layerloom.engine.graph.DataFacts;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.Position;
import org.layerloom.engine.graph.ProblemCode;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.graph.Wire;
import org.layerloom.engine.testing.GraphBuilder;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Where new layers go and what the view shows: double-click placement after the selection, drops onto wires,
 * room for inserted layers, Tidy and F bringing the network into view, fix buttons shown in full, the minimap
 * only when needed, and an editor that knows the project's dataset.
 */
@ExtendWith(ApplicationExtension.class)
class EditorPlacementUiTest {

    private static final DataFacts MOONS = DataFacts.classification("Moons", List.of("a", "b"), TensorShape.of(2), 0);

    private EditorPane pane;
    private EditorViewModel editor;

    @Start
    void start(Stage stage) {
        editor = new EditorViewModel(GraphValidator.standard(), LayerCatalog.standard());
        pane = new EditorPane(editor, new EditorServices(Runnable::run, Runnable::run, new RecentFiles(Optional.empty())));
        stage.setScene(new Scene(new EditorWindow(pane), 1280, 800));
        stage.show();
    }

    private void open(FxRobot robot, NetworkGraph graph) {
        robot.interact(() -> {
            editor.open(graph, "test");
            pane.canvas().fit();
        });
    }

    /** The screen point of a canvas point. */
    private Point2D screen(double canvasX, double canvasY) {
        GraphCanvas canvas = pane.canvas();
        double zoom = canvas.viewport().zoom();
        return canvas.localToScreen(canvasX * zoom + canvas.viewport().panX(),
                canvasY * zoom + canvas.viewport().panY());
    }

    private static void assertNoOverlap(NetworkGraph graph) {
        List<Node> nodes = graph.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                assertThat(Bounds.ofNode(nodes.get(i)).intersects(Bounds.ofNode(nodes.get(j))))
                        .as("%s overlaps %s", nodes.get(i).name(), nodes.get(j).name()).isFalse();
            }
        }
    }

    private boolean visible(String nodeId) {
        Bounds visible = pane.canvas().visibleArea();
        Bounds box = Bounds.ofNode(editor.graph().requireNode(nodeId));
        return box.minX() >= visible.minX() && box.maxX() <= visible.maxX() && box.minY() >= visible.minY()
                && box.maxY() <= visible.maxY();
    }

    private boolean allVisible() {
        Bounds visible = pane.canvas().visibleArea();
        Bounds all = Bounds.of(editor.graph().nodes());
        return all.minX() >= visible.minX() && all.maxX() <= visible.maxX() && all.minY() >= visible.minY()
                && all.maxY() <= visible.maxY();
    }

    @Test
    void double_clicked_layers_go_into_free_space_wired_after_the_selection(FxRobot robot) {
        robot.doubleClickOn("#palette-Input");
        robot.doubleClickOn("#palette-Dense");
        robot.doubleClickOn("#palette-Dense");
        robot.doubleClickOn("#palette-Output");

        assertThat(editor.graph().nodes()).extracting(Node::kind)
                .containsExactly(LayerKind.INPUT, LayerKind.DENSE, LayerKind.DENSE, LayerKind.OUTPUT);
        assertThat(editor.graph().wires()).containsExactly(Wire.between("input1", "dense1"),
                Wire.between("dense1", "dense2"), Wire.between("dense2", "output1"));
        assertNoOverlap(editor.graph());
        assertThat(editor.selection().nodes()).containsExactly("output1");
        assertThat(visible("output1")).as("the view follows the new layers").isTrue();

        // With nothing selected, a second layer in the middle of the view does not land on the first.
        robot.interact(() -> editor.selection().clear());
        robot.doubleClickOn("#palette-Flatten");
        robot.interact(() -> editor.selection().clear());
        robot.doubleClickOn("#palette-Flatten");
        assertNoOverlap(editor.graph());
    }

    @Test
    void a_layer_dropped_on_a_wire_is_inserted_into_it(FxRobot robot) {
        GraphBuilder b = new GraphBuilder();
        String in = b.add(LayerKind.INPUT, new Position(0, 100), GraphBuilder.params("shape", new int[] {8}));
        String out = b.add(LayerKind.OUTPUT, new Position(700, 100), GraphBuilder.params("loss", "mse"));
        open(robot, b.chain(in, out).build());
        // The wire runs straight between the ports at mid-height of the boxes.
        Point2D onWire = screen(430, 135);

        robot.drag("#palette-Dense").dropTo(onWire);

        assertThat(editor.graph().wires()).containsExactly(Wire.between("input1", "dense1"),
                Wire.between("dense1", "output1"));
        assertNoOverlap(editor.graph());
        assertThat(editor.selection().nodes()).containsExactly("dense1");

        // Dropped away from any wire, it simply lands there.
        robot.drag("#palette-Dense").dropTo(screen(300, 400));
        assertThat(editor.graph().wiresTouching("dense2")).isEmpty();
    }

    @Test
    void the_reshape_fix_gives_the_new_layer_room_and_moves_what_follows(FxRobot robot) {
        GraphBuilder b = new GraphBuilder();
        String in = b.add(LayerKind.INPUT, new Position(0, 100), GraphBuilder.params("shape", new int[] {784}));
        String conv = b.add(LayerKind.CONV2D, new Position(180, 100), GraphBuilder.params());
        String flat = b.add(LayerKind.FLATTEN, new Position(360, 100), GraphBuilder.params());
        String dense = b.add(LayerKind.DENSE, new Position(540, 100), GraphBuilder.params("units", 10));
        String out = b.add(LayerKind.OUTPUT, new Position(720, 100), GraphBuilder.params());
        open(robot, b.chain(in, conv, flat, dense, out).build());

        robot.clickOn("#node-" + conv);
        Button fix = robot.lookup("#node-problems").lookup(".fix-button").queryButton();
        assertThat(fix.getText()).contains("Reshape");
        robot.clickOn(fix);

        assertThat(editor.report().isValid()).isTrue();
        assertNoOverlap(editor.graph());
        Node reshape = editor.graph().nodesOfKind(LayerKind.RESHAPE).get(0);
        Node input = editor.graph().requireNode(in);
        Node conv2d = editor.graph().requireNode(conv);
        assertThat(reshape.position().y()).isEqualTo(input.position().y());
        assertThat(reshape.position().x() - input.position().x()).isGreaterThanOrEqualTo(200);
        assertThat(conv2d.position().x() - reshape.position().x()).isGreaterThanOrEqualTo(200);
    }

    @Test
    void tidy_brings_the_network_into_view(FxRobot robot) {
        GraphBuilder b = new GraphBuilder();
        String in = b.add(LayerKind.INPUT, new Position(4000, 3000), GraphBuilder.params("shape", new int[] {8}));
        String out = b.add(LayerKind.OUTPUT, new Position(4400, 3600), GraphBuilder.params("loss", "mse"));
        open(robot, b.chain(in, out).build());
        robot.interact(() -> pane.canvas().centreOn(-3000, -3000));
        assertThat(allVisible()).isFalse();

        robot.clickOn("#tidy-lr");

        assertThat(allVisible()).isTrue();
    }

    @Test
    void f_fits_from_the_property_sheet_unless_a_text_field_is_being_edited(FxRobot robot) {
        open(robot, GraphBuilder.chainOf(new int[] {2}, "softmax_cross_entropy",
                GraphBuilder.layer(LayerKind.DENSE, "units", 2)));
        robot.clickOn("#node-output1");
        ComboBox<?> loss = robot.lookup("#param-loss").queryAs(ComboBox.class);
        robot.interact(() -> {
            pane.canvas().centreOn(-3000, -3000);
            loss.requestFocus();
        });
        assertThat(allVisible()).isFalse();

        robot.type(KeyCode.F);
        assertThat(allVisible()).as("F with the loss box focused").isTrue();

        robot.clickOn("#node-dense1");
        org.controlsfx.control.ToggleSwitch bias = robot.lookup("#param-bias")
                .queryAs(org.controlsfx.control.ToggleSwitch.class);
        robot.interact(() -> {
            pane.canvas().centreOn(-3000, -3000);
            bias.requestFocus();
        });
        robot.type(KeyCode.F);
        assertThat(allVisible()).as("F with the bias switch focused").isTrue();
        assertThat(bias.isSelected()).isTrue();

        TextField units = robot.lookup("#param-units").queryAs(TextField.class);
        robot.interact(() -> {
            pane.canvas().centreOn(-3000, -3000);
            units.requestFocus();
        });
        robot.type(KeyCode.F);
        assertThat(allVisible()).as("F typed into a text field").isFalse();
    }

    @Test
    void long_fix_buttons_show_their_whole_label(FxRobot robot) {
        GraphBuilder b = new GraphBuilder();
        String in = b.add(LayerKind.INPUT, new Position(0, 100), GraphBuilder.params("shape", new int[] {1, 28, 28}));
        String conv = b.add(LayerKind.CONV2D, new Position(200, 100), GraphBuilder.params());
        Node copy = GraphBuilder.node("conv2d_copy", LayerKind.CONV2D, 200, 300);
        b.add(new Node(copy.id(), copy.kind(), "Conv2D 1 copy with a long name", copy.params(), copy.position()));
        String out = b.add(LayerKind.OUTPUT, new Position(600, 300), GraphBuilder.params());
        open(robot, b.chain(in, conv).chain("conv2d_copy", out).build());

        robot.clickOn("#node-conv2d_copy");
        List<Button> fixes = robot.lookup("#node-problems").lookup(".fix-button").queryAllAs(Button.class)
                .stream().toList();
        assertThat(fixes).extracting(Button::getText).anyMatch(t -> t.startsWith("Connect Conv2D 1 to Conv2D 1 copy"));
        for (Button button : fixes) {
            Text shown = (Text) button.lookup(".text");
            assertThat(shown.getText().replace("\n", " ").replaceAll("\\s+", " "))
                    .as("the label shown").isEqualTo(button.getText());
        }
    }

    @Test
    void the_minimap_shows_only_when_the_network_does_not_fit(FxRobot robot) {
        open(robot, GraphBuilder.chainOf(new int[] {2}, "softmax_cross_entropy",
                GraphBuilder.layer(LayerKind.DENSE, "units", 2)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#minimap").query().isVisible()).isFalse();

        robot.interact(() -> pane.canvas().centreOn(-3000, -3000));
        assertThat(robot.lookup("#minimap").query().isVisible()).isTrue();

        robot.interact(() -> pane.canvas().fit());
        assertThat(robot.lookup("#minimap").query().isVisible()).isFalse();
    }

    @Test
    void the_editor_knows_the_dataset_new_inputs_fit_it_and_mismatches_have_fixes(FxRobot robot) {
        robot.interact(() -> editor.setDataFacts(Optional.of(MOONS)));
        assertThat(editor.report().errors()).extracting(p -> p.code()).containsExactly(ProblemCode.EMPTY_NETWORK);

        robot.doubleClickOn("#palette-Input");
        assertThat(editor.graph().requireNode("input1").params().get("shape").display()).isEqualTo("(2)");

        robot.doubleClickOn("#palette-Dense");
        robot.doubleClickOn("#palette-Output");
        assertThat(editor.report().errors()).singleElement()
                .satisfies(p -> assertThat(p.code()).isEqualTo(ProblemCode.OUTPUT_DOES_NOT_FIT_DATA));
        assertThat(robot.lookup("#problem-list").queryListView().getItems()).hasSize(1);

        robot.clickOn("#node-output1");
        Button fix = robot.lookup("#node-problems").lookup(".fix-button").queryButton();
        assertThat(fix.getText()).isEqualTo("Give the last layer 2 units");
        robot.clickOn(fix);
        assertThat(editor.report().isValid()).isTrue();
        assertThat(editor.graph().requireNode("dense1").params().intValue("units")).isEqualTo(2);
    }
}
