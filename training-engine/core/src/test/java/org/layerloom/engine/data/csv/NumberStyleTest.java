package org.layerloom.engine.data.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.TestRequests;
import org.layerloom.engine.data.preview.DataDoctor;
import org.layerloom.engine.data.preview.DataWarning;

/** Number styles: what each reads, and that the detected style reaches the data preview's findings. */
class NumberStyleTest {

    @TempDir
    Path dir;

    @Test
    void each_style_reads_its_own_numbers_only() {
        assertThat(NumberStyle.DECIMAL_COMMA.parse("5,3")).isEqualTo(5.3);
        assertThat(NumberStyle.DECIMAL_COMMA.parse("-1.234,5")).isEqualTo(-1234.5);
        assertThat(NumberStyle.DECIMAL_COMMA.parse("1,234.5")).isNull();
        assertThat(NumberStyle.DECIMAL_COMMA.parse("5.3")).isNull();
        assertThat(NumberStyle.THOUSANDS_COMMA.parse("39,714")).isEqualTo(39714.0);
        assertThat(NumberStyle.THOUSANDS_COMMA.parse("1,234,567.25")).isEqualTo(1234567.25);
        assertThat(NumberStyle.THOUSANDS_COMMA.parse("5,3")).isNull();
        assertThat(NumberStyle.THOUSANDS_COMMA.parse("12,34,567")).isNull();
        assertThat(NumberStyle.PLAIN.parse("5,3")).isNull();
        assertThat(NumberStyle.looksNumeric("10 kg")).isFalse();
    }

    @Test
    void the_detected_style_is_a_finding_of_the_data_preview() throws Exception {
        StringBuilder text = new StringBuilder("a;b;species\n");
        for (int i = 0; i < 30; i++) {
            text.append(i).append(",5;").append(i % 7).append(';').append(i % 2 == 0 ? "x" : "y").append('\n');
        }
        Files.writeString(dir.resolve("euro.csv"), text);
        Dataset data = TestRequests.load("csv", dir, "path", "euro.csv");
        assertThat(data.exampleShape().dim(0)).isEqualTo(2);
        assertThat(DataDoctor.examine(data, java.util.Optional.empty())).map(DataWarning::message)
                .anyMatch(m -> m.contains("'a' of euro.csv writes numbers with a decimal comma")
                        && m.contains("\"0,5\" as 0.5"));
    }
}
