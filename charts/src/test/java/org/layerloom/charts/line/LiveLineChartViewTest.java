package org.layerloom.charts.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.charts.ChartColors;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The live chart with the toolkit (headless): data in, thinned drawing, markers, axes, exports. */
@ExtendWith(ApplicationExtension.class)
class LiveLineChartViewTest {

    private LiveLineChartView chart;

    @Start
    void start(Stage stage) {
        chart = new LiveLineChartView("Loss", "epoch", "loss");
        stage.setScene(new Scene(chart, 800, 420));
        stage.show();
    }

    private void fill(int points) {
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            chart.model().addSeries("loss", "training loss", SeriesKind.RAW_WITH_SMOOTHED, 0);
            chart.model().addSeries("val", "validation loss", SeriesKind.POINTS, 1);
            java.util.Random random = new java.util.Random(1);
            for (int i = 0; i < points; i++) {
                double x = 5.0 * i / points;
                chart.model().append("loss", x, Math.exp(-x) + 0.05 * random.nextDouble());
            }
            for (int e = 1; e <= 5; e++) {
                chart.model().append("val", e, Math.exp(-e) + 0.02);
            }
            chart.model().addMarker(3, "lr 0.01 → 0.001 at epoch 3");
            chart.refresh();
        });
    }

    @Test
    void a_long_series_is_drawn_thinned_but_kept_whole() {
        fill(200_000);
        assertThat(chart.drawnPoints()).isLessThan(3 * 2 * 800 + 20);
        assertThat(chart.model().series("loss").size()).isEqualTo(200_000);
        assertThat(chart.markerLabels()).containsExactly("lr 0.01 → 0.001 at epoch 3");
    }

    @Test
    void zooming_turns_follow_latest_off_and_thins_only_the_visible_part() {
        fill(100_000);
        int whole = chart.drawnPoints();
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> chart.zoomTo(1, 1.01));
        assertThat(chart.followLatestProperty().get()).isFalse();
        assertThat(chart.shownRange()).containsExactly(1, 1.01);
        assertThat(chart.drawnPoints()).isLessThan(whole);
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> chart.followLatestProperty().set(true));
        assertThat(chart.shownRange()[1]).isGreaterThanOrEqualTo(4.99);
    }

    @Test
    void the_labels_grow_with_the_window_s_font_size() throws Exception {
        fill(1_000);
        assertThat(chart.tickLabelSize()).isEqualTo(11);

        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> chart.setStyle("-fx-font-size: 24px;"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(chart.tickLabelSize()).isEqualTo(19);
        java.nio.file.Path folder = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
        java.util.concurrent.atomic.AtomicReference<javafx.scene.image.WritableImage> image =
                new java.util.concurrent.atomic.AtomicReference<>();
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> image.set(chart.snapshot(null, null)));
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image.get(), null), "png",
                folder.resolve("line-chart-font-24.png").toFile());
    }

    @Test
    void the_log_scale_toggle_swaps_the_y_axis() {
        fill(1000);
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> chart.logScaleProperty().set(true));
        assertThat(chart.isLogAxisShown()).isTrue();
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> chart.logScaleProperty().set(false));
        assertThat(chart.isLogAxisShown()).isFalse();
    }

    @Test
    void hovering_names_the_exact_values_under_the_mouse() {
        fill(1000);
        WaitForAsyncUtils.waitForFxEvents();
        String text = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> chart.valuesAt(chart.getWidth() / 2)));
        assertThat(text).startsWith("epoch ").contains("training loss: ").contains("(smoothed ");
    }

    @Test
    void exports_write_a_picture_and_the_full_data(@TempDir Path dir) throws Exception {
        fill(50_000);
        Path png = dir.resolve("loss.png");
        Path csv = dir.resolve("loss.csv");
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            try {
                chart.exportPng(png, 1200, 600);
                chart.exportCsv(csv);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        try (var lines = Files.lines(csv)) {
            assertThat(lines.count()).isEqualTo(1 + 50_000 * 2 + 5 + 1);
        }
    }

    @Test
    void dark_palette_paints_a_dark_background(@TempDir Path dir) throws Exception {
        fill(1000);
        Path png = dir.resolve("dark.png");
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            chart.setColors(ChartColors.DARK);
            try {
                chart.exportPng(png, 400, 300);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        int corner = ImageIO.read(png.toFile()).getRGB(2, 2) & 0xFFFFFF;
        assertThat(corner).isEqualTo(ChartColors.awt(ChartColors.DARK.background()).getRGB() & 0xFFFFFF);
    }
    @Test
    void the_legend_is_drawn_in_light_and_dark() throws Exception {
        fill(1_000);
        Path folder = Files.createDirectories(Path.of("target", "screenshots"));
        for (ChartColors colors : new ChartColors[] {ChartColors.LIGHT, ChartColors.DARK}) {
            Path png = folder.resolve("line-chart-legend-" + (colors == ChartColors.LIGHT ? "light" : "dark") + ".png");
            WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
                chart.setColors(colors);
                try {
                    chart.exportPng(png, 800, 420);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            int[] gaps = legendGaps(ImageIO.read(png.toFile()), colors);
            assertThat(gaps[0]).as("marker to label, %s", png).isGreaterThanOrEqualTo(5);
            assertThat(gaps[1]).as("one item to the next, %s", png).isGreaterThanOrEqualTo(14);
        }
    }

    /**
     * Measures the legend row at the bottom of a picture: the empty columns between the first item's marker (a
     * coloured line) and its label (grey text), and between that label and the second item's marker.
     */
    private static int[] legendGaps(BufferedImage image, ChartColors colors) {
        int background = ChartColors.awt(colors.background()).getRGB() & 0xFFFFFF;
        int height = image.getHeight();
        char[] columns = new char[image.getWidth()];
        for (int x = 0; x < columns.length; x++) {
            columns[x] = '.';
            for (int y = height - 28; y < height; y++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                int r = rgb >> 16 & 0xFF, g = rgb >> 8 & 0xFF, b = rgb & 0xFF;
                int away = Math.abs(r - (background >> 16 & 0xFF)) + Math.abs(g - (background >> 8 & 0xFF))
                        + Math.abs(b - (background & 0xFF));
                if (away < 90) {
                    continue; // background, or the faint anti-aliased rim of a stroke
                }
                int spread = Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
                if (spread > 25) {
                    columns[x] = 'm';
                } else if (columns[x] == '.') {
                    columns[x] = 't';
                }
            }
        }
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("m+(\\.*)t[t.]*?t(\\.*)m").matcher(new String(columns));
        assertThat(row.find()).as("a legend row: %s", new String(columns)).isTrue();
        return new int[] {row.group(1).length(), row.group(2).length()};
    }
}
