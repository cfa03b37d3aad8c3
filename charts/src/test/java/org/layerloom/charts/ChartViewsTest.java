package org.layerloom.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerloom.charts.heatmap.BarStrip;
import org.layerloom.charts.heatmap.HeatmapView;
import org.layerloom.charts.image.DrawingPad;
import org.layerloom.charts.image.ImageGrid;
import org.layerloom.charts.image.OverlayImage;
import org.layerloom.charts.scatter.ScatterPlot;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The canvas charts in a real (headless) window, driven by the robot; a snapshot goes to target/screenshots. */
@ExtendWith(ApplicationExtension.class)
class ChartViewsTest {

    private ScatterPlot scatter;
    private DrawingPad pad;
    private ImageGrid grid;
    private HeatmapView heatmap;
    private OverlayImage overlay;
    private BarStrip bars;
    private Scene scene;

    @Start
    void start(Stage stage) {
        scatter = new ScatterPlot();
        scatter.setPoints(new float[] {-1, 0, 1}, new float[] {-1, 0, 1}, new int[] {0, 1, 2},
                List.of("circle", "square", "star"));
        scatter.setBounds(-2, 2, -2, 2);
        scatter.setEqualAxes(true);
        scatter.setTitles("Points", "x", "y");
        float[] map = new float[4 * 4 * 3];
        for (int i = 0; i < 16; i++) {
            map[i * 3 + (i % 3)] = 1;
        }
        scatter.setDecisionMap(4, 3, map);
        pad = new DrawingPad(28);
        grid = new ImageGrid();
        List<float[]> tiles = new ArrayList<>();
        for (int t = 0; t < 12; t++) {
            float[] tile = new float[9];
            tile[t % 9] = t - 6;
            tiles.add(tile);
        }
        grid.setImages(3, 3, tiles, List.of(), ColorScale.diverging(6));
        grid.setTitles("Twelve tiles", "weight");
        heatmap = new HeatmapView();
        float[] cells = new float[6 * 8];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = i / (float) cells.length;
        }
        heatmap.setData(6, 8, cells, ColorScale.sequential(0, 1));
        heatmap.setTitles("Attention", "query", "key", "weight");
        overlay = new OverlayImage();
        float[] image = new float[28 * 28];
        float[] heat = new float[7 * 7];
        for (int i = 0; i < image.length; i++) {
            image[i] = (i % 28) / 28f;
        }
        heat[24] = 1;
        overlay.setImage(28, 28, image);
        overlay.setOverlay(7, 7, heat);
        overlay.setTitles("Grad-CAM", "importance");
        bars = new BarStrip();
        bars.setValues(new float[] {0.1f, 0.7f, 0.2f}, List.of("cat", "dog", "bird"));
        bars.setHighlighted(1);
        bars.setMaximum(1);
        bars.setTitles("Class probabilities", "probability");
        GridPane root = new GridPane();
        root.add(scatter, 0, 0);
        root.add(pad, 1, 0);
        root.add(grid, 2, 0);
        root.add(heatmap, 0, 1);
        root.add(overlay, 1, 1);
        root.add(bars, 2, 1);
        scatter.setPrefSize(380, 340);
        pad.setPrefSize(280, 280);
        grid.setPrefWidth(380);
        heatmap.setPrefSize(380, 300);
        overlay.setPrefSize(280, 280);
        bars.setPrefSize(380, 220);
        scene = new Scene(root, 1100, 680);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void a_click_on_the_scatter_reports_the_plane_point_and_the_nearest_data_point(FxRobot robot) throws Exception {
        AtomicReference<double[]> clicked = new AtomicReference<>();
        AtomicInteger picked = new AtomicInteger(-1);
        scatter.setOnPlaneClicked((x, y) -> clicked.set(new double[] {x, y}));
        scatter.setOnPointClicked(picked::set);
        Point2D onPoint = WaitForAsyncUtils.asyncFx(() -> {
            double[] px = scatter.pixelOf(1, 1);
            return scatter.localToScreen(px[0] + 2, px[1] - 1);
        }).get();

        robot.clickOn(onPoint);

        assertThat(clicked.get()[0]).isCloseTo(1, org.assertj.core.data.Offset.offset(0.1));
        assertThat(clicked.get()[1]).isCloseTo(1, org.assertj.core.data.Offset.offset(0.1));
        assertThat(picked.get()).isEqualTo(2);
        assertThat(scatter.hasMap()).isTrue();
    }

    @Test
    void a_stroke_on_the_pad_leaves_ink_and_hands_over_the_pixels(FxRobot robot) {
        AtomicReference<float[]> drawn = new AtomicReference<>();
        pad.setOnDrawn(drawn::set);

        robot.drag(pad).moveBy(0, 80).drop();

        float[] ink = drawn.get();
        assertThat(ink).hasSize(784);
        double total = 0;
        for (float v : ink) {
            assertThat(v).isBetween(0f, 1f);
            total += v;
        }
        assertThat(total).as("a stroke about 8 cells long and 3 wide").isBetween(10.0, 80.0);
        WaitForAsyncUtils.waitForAsyncFx(5_000, pad::clear);
        assertThat(pad.pixels()).containsOnly(0f);
    }

    @Test
    void the_image_grid_wraps_its_tiles_and_reports_the_one_clicked(FxRobot robot) {
        AtomicInteger clicked = new AtomicInteger(-1);
        grid.setOnTileClicked(clicked::set);
        assertThat(grid.prefHeight(380)).as("more rows when narrower").isGreaterThan(grid.prefHeight(900));

        Point2D firstTile = grid.localToScreen(30, 70);
        robot.clickOn(firstTile);

        assertThat(clicked.get()).isZero();
    }

    @Test
    void data_of_the_wrong_size_are_refused_with_the_sizes() {
        assertThatThrownBy(() -> heatmap.setData(2, 3, new float[5], ColorScale.sequential(0, 1)))
                .hasMessageContaining("2×3");
        assertThatThrownBy(() -> grid.setImages(3, 3, List.of(new float[8]), List.of(), ColorScale.heat()))
                .hasMessageContaining("9");
        assertThatThrownBy(() -> overlay.setOverlay(2, 2, new float[3])).hasMessageContaining("4");
        assertThatThrownBy(() -> overlay.setRegions(new int[10])).hasMessageContaining("784");
    }

    @Test
    void region_borders_are_one_thin_line_between_regions(FxRobot robot) throws Exception {
        int[] halves = new int[28 * 28];
        for (int p = 0; p < halves.length; p++) {
            halves[p] = p % 28 < 14 ? 0 : 1;
        }
        WritableImage[] shots = WaitForAsyncUtils.asyncFx(() -> {
            overlay.setRegions(new int[0]);
            javafx.scene.image.Image without = overlay.snapshot(null, null);
            overlay.setRegions(halves);
            javafx.scene.image.Image with = overlay.snapshot(null, null);
            overlay.setRegions(new int[0]);
            return new WritableImage[] {(WritableImage) without, (WritableImage) with};
        }).get();
        int left = Integer.MAX_VALUE;
        int right = -1;
        int changed = 0;
        for (int y = 0; y < (int) shots[0].getHeight(); y++) {
            for (int x = 0; x < (int) shots[0].getWidth(); x++) {
                if (shots[0].getPixelReader().getArgb(x, y) != shots[1].getPixelReader().getArgb(x, y)) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    changed++;
                }
            }
        }
        assertThat(changed).as("the border is drawn").isGreaterThan(100);
        assertThat(right - left).as("as one vertical line, from %d to %d", left, right).isLessThanOrEqualTo(2);
        assertThat(overlay.regions()).isEmpty();
    }

    @Test
    void every_chart_draws_in_both_themes(FxRobot robot) throws Exception {
        for (ChartColors colors : List.of(ChartColors.LIGHT, ChartColors.DARK)) {
            WritableImage image = WaitForAsyncUtils.asyncFx(() -> {
                for (CanvasChart chart : List.of(scatter, pad, grid, heatmap, overlay, bars)) {
                    chart.setColors(colors);
                }
                scene.getRoot().setStyle("-fx-background-color: " + (colors == ChartColors.DARK ? "#161b22" : "white"));
                return scene.snapshot(null);
            }).get();
            int background = image.getPixelReader().getArgb(390, 5) & 0xffffff;
            int expected = colors == ChartColors.DARK ? 0x1f2630 : 0xffffff;
            assertThat(background).isEqualTo(expected);
            Path file = Path.of("target", "screenshots", "charts-" + (colors == ChartColors.DARK ? "dark" : "light")
                    + ".png");
            Files.createDirectories(file.getParent());
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        }
    }
}
