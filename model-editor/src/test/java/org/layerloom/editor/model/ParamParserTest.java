package org.layerloom.editor.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.ParamSpec;
import org.layerloom.engine.graph.ParamValue;

class ParamParserTest {

    private static ParamSpec spec(LayerKind kind, String name) {
        return LayerCatalog.standard().type(kind).parameter(name).orElseThrow();
    }

    @Test
    void whole_numbers_accept_thousands_separators() {
        assertThat(ParamParser.parse(spec(LayerKind.DENSE, "units"), " 1,024 ").value())
                .contains(new ParamValue.Int(1024));
    }

    @Test
    void a_number_out_of_range_is_refused_with_the_range() {
        assertThat(ParamParser.parse(spec(LayerKind.DENSE, "units"), "0").reason()).get().asString()
                .isEqualTo("Units must be between 1 and 100,000; it is 0.");
    }

    @Test
    void text_that_is_not_a_number_is_refused_in_plain_words() {
        assertThat(ParamParser.parse(spec(LayerKind.DENSE, "units"), "ten").reason()).get().asString()
                .startsWith("Units must be a whole number between 1 and 100,000");
    }

    @Test
    void shapes_are_read_with_or_without_brackets_and_with_times_signs() {
        ParamSpec shape = spec(LayerKind.INPUT, "shape");
        assertThat(ParamParser.parse(shape, "(1, 28, 28)").value()).contains(ParamValue.Dims.of(1, 28, 28));
        assertThat(ParamParser.parse(shape, "3×32×32").value()).contains(ParamValue.Dims.of(3, 32, 32));
        assertThat(ParamParser.parse(shape, "1, 0").isValid()).isFalse();
    }

    @Test
    void real_numbers_are_checked_against_their_range() {
        ParamSpec rate = spec(LayerKind.DROPOUT, "rate");
        assertThat(ParamParser.parse(rate, "0.25").value()).contains(new ParamValue.Real(0.25));
        assertThat(ParamParser.parse(rate, "1.5").isValid()).isFalse();
    }
}
