package org.layerloom.editor.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerloom.editor.TestGraphs;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.editor.model.GradientScale;
import org.layerloom.editor.model.NodeHealthMark;
import org.layerloom.editor.model.RecentFiles;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.Position;
import org.layerloom.engine.graph.Wire;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.tensor.FloatTensor;
import org.layerloom.engine.testing.Fx;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The health overlay on the real canvas, headless: off by default, each part on its own, cheap to feed. */
@ExtendWith(ApplicationExtension.class)
class HealthOverlayTest {

    private EditorPane pane;
    private EditorViewModel editor;
    private HealthOverlay overlay;
    private Scene scene;

    @Start
    void start(Stage stage) {
        editor = TestGraphs.editorWith(TestGraphs.convOnVector());
        pane = new EditorPane(editor, new EditorServices(Runnable::run, Runnable::run, new RecentFiles(Optional.empty())));
        overlay = pane.canvas().healthOverlay();
        scene = new Scene(new EditorWindow(pane), 1200, 600);
        stage.setScene(scene);
        stage.show();
    }

    /** Made-up health for every node of {@code graph}, different values for each {@code round}, same shapes. */
    static void feed(HealthOverlay overlay, NetworkGraph graph, int round) {
        Map<String, FloatTensor> previews = new HashMap<>();
        Map<String, NodeHealthMark> marks = new HashMap<>();
        Map<String, Double> norms = new HashMap<>();
        int i = 0;
        for (Node node : graph.nodes()) {
            int k = i++;
            int channels = 1 + k % 8;
            float[] values = new float[channels * 14 * 14];
            for (int v = 0; v < values.length; v++) {
                values[v] = (float) Math.sin(v * 0.05 + k + round);
            }
            previews.put(node.id(), new FloatTensor(new int[] {channels, 14, 14}, values));
            marks.put(node.id(), new NodeHealthMark((k * 0.17 + round * 0.01) % 1, Double.NaN));
            norms.put(node.id(), Math.pow(10, -6 + (k + round) % 7));
        }
        overlay.setPreviews(previews);
        overlay.setNodeHealth(marks);
        overlay.setGradientNorms(norms);
    }

    private void feedConvOnVector() throws Exception {
        Fx.run(() -> {
            overlay.setPreviews(Map.of("conv2d1", new FloatTensor(new int[] {2, 3, 3},
                    new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8}),
                    "dense1", new FloatTensor(new int[] {10}, new float[] {-1, 0, 1, 2, 3, 4, 5, 6, 7, 8}),
                    "ghost", new FloatTensor(new int[] {1}, new float[] {1})));
            overlay.setNodeHealth(Map.of("conv2d1", new NodeHealthMark(0.62, Double.NaN),
                    "dense1", new NodeHealthMark(0.05, Double.NaN)));
            overlay.setGradientNorms(Map.of("conv2d1", 1e-6, "dense1", 0.1));
        });
    }

    @Test
    void nothing_shows_until_it_is_switched_on() throws Exception {
        feedConvOnVector();
        Fx.run(() -> {
            assertThat(overlay.previewShown("conv2d1")).isFalse();
            assertThat(overlay.badgeText("conv2d1")).isEmpty();
            assertThat(pane.canvas().wireView(Wire.between("conv2d1", "flatten1")).gradientStyle()).isEmpty();
            assertThat(overlay.legend().isVisible()).isFalse();
        });
    }

    @Test
    void each_part_switches_on_and_off_by_itself() throws Exception {
        feedConvOnVector();
        Fx.run(() -> overlay.previewsShownProperty().set(true));
        Fx.run(() -> {
            assertThat(overlay.previewShown("conv2d1")).isTrue();
            assertThat(overlay.previewShown("dense1")).isTrue();
            assertThat(overlay.previewShown("flatten1")).isFalse();
            assertThat(overlay.badgeText("conv2d1")).isEmpty();
            overlay.healthShownProperty().set(true);
            assertThat(overlay.badgeText("conv2d1")).isEqualTo("62 % dead");
            assertThat(overlay.outlined("conv2d1")).isTrue();
            assertThat(overlay.outlined("dense1")).isFalse();
            overlay.gradientsShownProperty().set(true);
            WireView weak = pane.canvas().wireView(Wire.between("conv2d1", "flatten1"));
            WireView strong = pane.canvas().wireView(Wire.between("dense1", "output1"));
            assertThat(weak.gradientStyle()).contains("-fx-stroke-width: 1.5");
            assertThat(strong.gradientStyle()).contains("-fx-stroke-width: 5.0");
            assertThat(overlay.legend().isVisible()).isTrue();
            assertThat(overlay.legend().text()).isEqualTo("1e-06 | 3e-04 | 0.1");
            overlay.setGradientScale(new GradientScale(1e-8, 1));
            assertThat(overlay.legend().text()).isEqualTo("1e-08 | 1e-04 | 1");
            overlay.gradientsShownProperty().set(false);
            assertThat(weak.gradientStyle()).isEmpty();
            overlay.previewsShownProperty().set(false);
            assertThat(overlay.previewShown("conv2d1")).isFalse();
            assertThat(overlay.badgeText("conv2d1")).isEqualTo("62 % dead");
        });
    }

    @Test
    void the_view_menu_switches_the_overlay() throws Exception {
        Fx.run(() -> {
            Menu view = pane.menuBar().getMenus().stream().filter(m -> m.getText().equals("View")).findFirst()
                    .orElseThrow();
            CheckMenuItem wires = (CheckMenuItem) view.getItems().stream()
                    .filter(item -> "Colour Wires by Gradient".equals(item.getText())).findFirst().orElseThrow();
            assertThat(wires.isSelected()).isFalse();
            wires.setSelected(true);
            assertThat(overlay.gradientsShownProperty().get()).isTrue();
            assertThat(view.getItems()).extracting(item -> item.getText())
                    .contains("Show Activation Previews", "Mark Dead and Saturated Layers");
        });
    }

    @Test
    void decorations_follow_a_dragged_card_and_leave_with_a_deleted_node() throws Exception {
        feedConvOnVector();
        Fx.run(() -> {
            overlay.previewsShownProperty().set(true);
            pane.canvas().moveSkin("conv2d1", new Position(321, 123));
            NodeDecoration decoration = (NodeDecoration) overlay.layer().getChildren().stream()
                    .filter(n -> n.getLayoutX() == 321).findFirst().orElseThrow();
            assertThat(decoration.getLayoutY()).isEqualTo(123);
            new org.layerloom.editor.command.DeleteSelectionCommand(editor);
            editor.selection().selectOnly("conv2d1");
            new org.layerloom.editor.command.DeleteSelectionCommand(editor).executeIfPossible();
            assertThat(overlay.previewShown("conv2d1")).isFalse();
            assertThat(overlay.layer().getChildren()).doesNotContain(decoration);
        });
    }

    @Test
    void a_preview_paints_one_pixel_per_value_with_gaps_between_maps() {
        FloatTensor maps = new FloatTensor(new int[] {5, 2, 3}, new float[30]);
        assertThat(PreviewPainter.size(maps)).containsExactly(4 * 4 - 1, 2 * 3 - 1);
        FloatTensor ramp = new FloatTensor(new int[] {3}, new float[] {0, 1, 2});
        int[] pixels = PreviewPainter.pixels(ramp);
        assertThat(pixels[0]).isEqualTo(HealthColours.activation(0, false));
        assertThat(pixels[2]).isEqualTo(HealthColours.activation(1, false));
        FloatTensor signed = new FloatTensor(new int[] {1, 3}, new float[] {-2, 0, 1});
        assertThat(PreviewPainter.pixels(signed)[1]).as("zero is the middle of the diverging scale")
                .isEqualTo(HealthColours.activation(0.5, true));
    }

    @Test
    void writes_screenshots_of_the_overlay_in_both_themes() throws Exception {
        feedConvOnVector();
        Fx.run(() -> {
            overlay.previewsShownProperty().set(true);
            overlay.healthShownProperty().set(true);
            overlay.gradientsShownProperty().set(true);
            pane.canvas().fit();
        });
        for (Theme theme : Theme.values()) {
            Fx.run(() -> pane.themeProperty().set(theme));
            Fx.run(() -> {
            });
            Path out = Path.of("target/screenshots/editor-health-overlay-" + theme.name().toLowerCase() + ".png");
            Files.createDirectories(out.getParent());
            Fx.run(() -> {
                try {
                    org.layerloom.editor.export.PngExporter.write(scene.snapshot(null), out);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThat(out).isNotEmptyFile();
        }
    }
}
