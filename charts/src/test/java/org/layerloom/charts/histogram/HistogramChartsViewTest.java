package org.layerloom.charts.histogram;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerloom.charts.ChartColors;
import org.layerloom.engine.testing.Fx;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The histogram heatmap and the signal lines drawn headless, with screenshots in both themes. */
@ExtendWith(ApplicationExtension.class)
class HistogramChartsViewTest {

    private HistogramHeatmap heatmap;
    private SignalLinesView lines;
    private Scene scene;

    @Start
    void start(Stage stage) {
        heatmap = new HistogramHeatmap();
        heatmap.titleProperty().set("Dense 1 weights");
        lines = new SignalLinesView();
        lines.titleProperty().set("Gradient norm per layer");
        VBox box = new VBox(8, heatmap, lines);
        heatmap.setPrefSize(520, 220);
        lines.setPrefSize(520, 220);
        scene = new Scene(box, 520, 460);
        stage.setScene(scene);
        stage.show();
    }

    static List<HistogramFrame> spreadingWeights() {
        Random random = new Random(1);
        List<HistogramFrame> frames = new ArrayList<>();
        for (int e = 1; e <= 12; e++) {
            double spread = 0.05 + 0.02 * e;
            float[] values = new float[2_000];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (random.nextGaussian() * spread);
            }
            int bins = 20;
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (float v : values) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            int[] counts = new int[bins];
            for (float v : values) {
                counts[Math.min(bins - 1, (int) ((v - min) / (max - min) * bins))]++;
            }
            frames.add(new HistogramFrame(Integer.toString(e), e, min, max, counts));
        }
        return frames;
    }

    @Test
    void draws_columns_lines_and_a_marker_and_writes_screenshots() throws Exception {
        Fx.run(() -> {
            heatmap.setFrames(spreadingWeights().subList(0, 6));
            heatmap.addFrames(spreadingWeights().subList(6, 12));
            heatmap.setMarked(4);
            double[] x = new double[30];
            double[] first = new double[30];
            double[] last = new double[30];
            for (int i = 0; i < 30; i++) {
                x[i] = (i + 1) * 10;
                first[i] = 1e-5 * Math.exp(-i * 0.05);
                last[i] = 0.3 + 0.01 * i;
            }
            lines.setSeries(List.of(new LineSeries("Dense 1", x, first), new LineSeries("Dense 6", x, last)));
            lines.setReference(1e-3, "rule of thumb 1e-3");
            lines.setMarker(120);
        });
        assertThat(heatmap.frameCount()).isEqualTo(12);
        assertThat(heatmap.valueRange()[0]).isLessThan(-0.3);
        assertThat(lines.range()).containsExactly(10.0, 300.0, 1e-6, 1.0);
        for (boolean dark : new boolean[] {false, true}) {
            Fx.run(() -> {
                heatmap.setColors(ChartColors.of(dark));
                lines.setColors(ChartColors.of(dark));
                scene.getRoot().setStyle("-fx-background-color: " + (dark ? "#15181d" : "#eef1f5") + ";");
            });
            WritableImage[] shot = new WritableImage[1];
            Fx.run(() -> shot[0] = scene.snapshot(null));
            PixelReader pixels = shot[0].getPixelReader();
            // Values near zero are dense in the last column; the first column has none near 1.
            if (!dark) {
                assertThat(pixels.getColor(489, 108).getBrightness()).isLessThan(0.6);
                assertThat(pixels.getColor(70, 36).getBrightness()).isGreaterThan(0.95);
            }
            Path out = Path.of("target/screenshots/histograms-" + (dark ? "dark" : "light") + ".png");
            Files.createDirectories(out.getParent());
            BufferedImage image = new BufferedImage((int) shot[0].getWidth(), (int) shot[0].getHeight(),
                    BufferedImage.TYPE_INT_ARGB);
            for (int y = 0; y < image.getHeight(); y++) {
                for (int xx = 0; xx < image.getWidth(); xx++) {
                    image.setRGB(xx, y, pixels.getArgb(xx, y));
                }
            }
            ImageIO.write(image, "png", out.toFile());
            assertThat(out).isNotEmptyFile();
        }
    }

    @Test
    void a_log_axis_leaves_out_values_that_are_not_positive() throws Exception {
        Fx.run(() -> lines.setSeries(List.of(new LineSeries("a", new double[] {1, 2, 3}, new double[] {0, -1, 0.5}))));
        assertThat(lines.range()).containsExactly(3.0, 4.0, 0.1, 1.0);
        Fx.run(() -> lines.setLogScale(false));
        assertThat(lines.range()).containsExactly(1.0, 3.0, -1.0, 0.5);
        Fx.run(() -> lines.setSeries(List.of()));
        assertThat(lines.range()).isNull();
    }
}
