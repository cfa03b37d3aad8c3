package org.layerloom.charts.scatter;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.paint.Color;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.layerloom.charts.AxisTicks;
import org.layerloom.charts.ChartColors;

class TicksAndPaletteTest {

    @Test
    void ticks_are_round_steps_inside_the_range_with_an_exact_zero() {
        assertThat(AxisTicks.linear(-1.2, 1.3, 5)).containsExactly(-1.0, -0.5, 0.0, 0.5, 1.0);
        assertThat(AxisTicks.linear(0, 100, 4)).containsExactly(0.0, 50.0, 100.0);
        assertThat(AxisTicks.linear(1, 1, 4)).containsExactly(1.0);
    }

    @Test
    void a_sure_cell_takes_more_of_its_class_colour_than_an_unsure_one() {
        Color paper = Color.WHITE;
        int sure = DecisionShading.mix(new float[] {1, 0, 0}, 0, 3, paper, 0.55);
        int unsure = DecisionShading.mix(new float[] {0.34f, 0.33f, 0.33f}, 0, 3, paper, 0.55);
        int blue = ChartColors.classRgb(0);

        assertThat(distance(sure, blue)).isLessThan(distance(unsure, blue));
        assertThat(distance(unsure, 0xffffff)).as("unsure cells stay pale").isLessThan(distance(sure, 0xffffff));
        assertThat(ChartColors.classColor(12)).isEqualTo(ChartColors.classColor(2));
    }

    @Test
    void a_mix_on_dark_paper_is_darker_than_on_white_paper() {
        float[] p = {0.5f, 0.5f};
        int light = DecisionShading.mix(p, 0, 2, Color.WHITE, 0.55);
        int dark = DecisionShading.mix(p, 0, 2, Color.web("#1f2630"), 0.55);

        assertThat(Color.rgb((dark >> 16) & 0xff, (dark >> 8) & 0xff, dark & 0xff).getBrightness())
                .isLessThan(Color.rgb((light >> 16) & 0xff, (light >> 8) & 0xff, light & 0xff).getBrightness());
        assertThat(light >>> 24).isEqualTo(0xff);
        assertThat(Color.web("#2f6fdb").getRed()).isCloseTo(((ChartColors.classRgb(0) >> 16) & 0xff) / 255.0,
                Offset.offset(1e-6));
    }

    private static double distance(int a, int b) {
        double dr = ((a >> 16) & 0xff) - ((b >> 16) & 0xff);
        double dg = ((a >> 8) & 0xff) - ((b >> 8) & 0xff);
        double db = (a & 0xff) - (b & 0xff);
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }
}
