package org.layerloom.app.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The typed input shape: the ways a student writes one, and what is not one. */
class InputShapeTextTest {

    @Test
    void commas_spaces_brackets_and_times_signs_between_sizes_are_read() {
        for (String text : List.of("1,28,28", "1, 28, 28", "(1, 28, 28)", "[1 28 28]", "1x28x28", "1 × 28 × 28")) {
            assertThat(InputShapeText.parse(text)).as(text).contains(List.of(1, 28, 28));
        }
        assertThat(InputShapeText.parse("4")).contains(List.of(4));
    }

    @Test
    void blanks_words_zeros_and_too_many_sizes_are_not_shapes() {
        for (String text : List.of("", "  ", "1,x", "one, two", "0,28,28", "-1", "1,2,3,4,5", "x28")) {
            assertThat(InputShapeText.parse(text)).as(text).isEmpty();
        }
    }
}
