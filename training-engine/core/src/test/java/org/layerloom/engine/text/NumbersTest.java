package org.layerloom.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void percentages_have_a_space_before_the_sign_and_a_point_for_decimals() {
        assertThat(Numbers.percent(0.113)).isEqualTo("11 %");
        assertThat(Numbers.percent(0.62)).isEqualTo("62 %");
        assertThat(Numbers.percent(0.875, 1)).isEqualTo("87.5 %");
        assertThat(Numbers.percent(0.9080, 2)).isEqualTo("90.80 %");
        assertThat(Numbers.percent(1.0)).isEqualTo("100 %");
        assertThat(Numbers.percent(Double.NaN)).isEqualTo("–");
    }

    @Test
    void probabilities_are_percentages_with_the_decimals_they_need_and_never_exponents() {
        assertThat(Numbers.probability(0.93)).isEqualTo("93 %");
        assertThat(Numbers.probability(0.5)).isEqualTo("50 %");
        assertThat(Numbers.probability(0.075)).isEqualTo("7.5 %");
        assertThat(Numbers.probability(7.5e-3)).isEqualTo("0.75 %");
        assertThat(Numbers.probability(1e-4)).isEqualTo("0.01 %");
        assertThat(Numbers.probability(2.4e-11)).isEqualTo("< 0.01 %");
        assertThat(Numbers.probability(0.962)).isEqualTo("96.2 %");
        assertThat(Numbers.probability(0.9962)).as("not rounded up to a certain 100 %").isEqualTo("99.62 %");
        assertThat(Numbers.probability(1 - 2.4e-11)).isEqualTo("> 99.99 %");
        assertThat(Numbers.probability(0)).isEqualTo("0 %");
        assertThat(Numbers.probability(1)).isEqualTo("100 %");
        assertThat(Numbers.probability(Double.NaN)).isEqualTo("–");
        for (double p = 1e-12; p < 1; p *= 1.7) {
            assertThat(Numbers.probability(p)).doesNotContain("e").endsWith(" %");
        }
    }

    @Test
    void the_default_locale_does_not_change_the_text() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(Numbers.percent(0.875, 1)).isEqualTo("87.5 %");
            assertThat(Numbers.count(55_050)).isEqualTo("55,050");
            assertThat(Numbers.seconds(7.43)).isEqualTo("7.4 s");
            assertThat(Numbers.significant(0.5234)).isEqualTo("0.523");
            assertThat(Numbers.probability(0.0075)).isEqualTo("0.75 %");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void counts_are_grouped_by_thousands() {
        assertThat(Numbers.count(55_050)).isEqualTo("55,050");
        assertThat(Numbers.count(12_345.6)).isEqualTo("12,346");
        assertThat(Numbers.count(Double.NaN)).isEqualTo("–");
        assertThat(Numbers.counted(1, "error")).isEqualTo("1 error");
        assertThat(Numbers.counted(1_200, "warning")).isEqualTo("1,200 warnings");
    }

    @Test
    void measures_keep_three_significant_digits() {
        assertThat(Numbers.significant(1.8437)).isEqualTo("1.84");
        assertThat(Numbers.significant(0.0000230)).isEqualTo("2.30e-05");
        assertThat(Numbers.significant(0)).isEqualTo("0.00");
        assertThat(Numbers.significant(Double.NaN)).isEqualTo("NaN");
        assertThat(Numbers.significant(Double.POSITIVE_INFINITY)).isEqualTo("infinite");
    }

    @Test
    void rates_drop_needless_digits() {
        assertThat(Numbers.rate(0.001)).isEqualTo("0.001");
        assertThat(Numbers.rate(0.00003)).isEqualTo("0.00003");
        assertThat(Numbers.rate(1.23456e-7)).isEqualTo("1.23e-07");
        assertThat(Numbers.rate(Double.NaN)).isEqualTo("–");
    }

    @Test
    void durations_read_as_words_measured_times_or_clocks() {
        assertThat(Numbers.duration(45.2)).isEqualTo("45 s");
        assertThat(Numbers.duration(200)).isEqualTo("3 min 20 s");
        assertThat(Numbers.seconds(7.43)).isEqualTo("7.4 s");
        assertThat(Numbers.clock(7)).isEqualTo("0:07");
        assertThat(Numbers.clock(750)).isEqualTo("12:30");
        assertThat(Numbers.clock(3723)).isEqualTo("1:02:03");
        assertThat(Numbers.clock(Double.NaN)).isEqualTo("–");
        assertThat(Numbers.clock(-1)).isEqualTo("–");
    }
}
