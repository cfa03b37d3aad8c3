package org.layerloom.charts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColorScaleTest {

    @Test
    void values_of_both_signs_get_a_diverging_scale_centred_on_zero() {
        ColorScale scale = ColorScale.fitting(new float[] {-0.5f, 2f, 0.1f});

        assertThat(scale.kind()).isEqualTo(ColorScale.Kind.DIVERGING);
        assertThat(scale.min()).isEqualTo(-2);
        assertThat(scale.max()).isEqualTo(2);
        assertThat(scale.argb(0) & 0xffffff).as("white at zero").isEqualTo(0xf7f7f7);
        assertThat(scale.argb(2) & 0xffffff).isEqualTo(0xb2182b);
        assertThat(scale.argb(-9) & 0xffffff).as("clamped").isEqualTo(0x2166ac);
    }

    @Test
    void values_of_one_sign_get_a_sequential_scale_over_their_range() {
        ColorScale scale = ColorScale.fitting(new float[] {0f, 3f, 1f, Float.NaN});

        assertThat(scale.kind()).isEqualTo(ColorScale.Kind.SEQUENTIAL);
        assertThat(scale.min()).isZero();
        assertThat(scale.max()).isEqualTo(3);
        assertThat(scale.position(1.5)).isEqualTo(0.5);
        assertThat(scale.argb(0) & 0xffffff).isEqualTo(0x440154);
        assertThat(scale.argb(3) & 0xffffff).isEqualTo(0xfde725);
    }

    @Test
    void constant_values_still_make_a_usable_scale() {
        ColorScale scale = ColorScale.fitting(new float[] {2f, 2f});

        assertThat(scale.max()).isGreaterThan(scale.min());
        assertThat(scale.position(2)).isEqualTo(0.5);
    }

    @Test
    void the_heat_scale_is_transparent_where_cold_and_follows_the_opacity_where_hot() {
        ColorScale heat = ColorScale.heat();

        assertThat(heat.argb(0, 0.8) >>> 24).isZero();
        assertThat(heat.argb(1, 0.8) >>> 24).isEqualTo(Math.round(0.8f * 255));
        assertThat(heat.argb(1, 0.2) >>> 24).isLessThan(heat.argb(1, 0.8) >>> 24);
    }

    @Test
    void tick_labels_are_short() {
        assertThat(ColorScale.format(0)).isEqualTo("0");
        assertThat(ColorScale.format(0.25)).isEqualTo("0.25");
        assertThat(ColorScale.format(12.34)).isEqualTo("12.3");
        assertThat(ColorScale.format(-0.0013)).isEqualTo("-1.3e-03");
        assertThat(ColorScale.format(250)).isEqualTo("250");
    }
}
