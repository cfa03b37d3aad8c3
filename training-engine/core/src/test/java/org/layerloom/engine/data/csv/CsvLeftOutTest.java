package org.layerloom.engine.data.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.data.DataUse;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.LeftOut;
import org.layerloom.engine.data.LeftOutReason;
import org.layerloom.engine.data.TestRequests;

/** A table never leaves a row out in silence: skipped and dropped rows are counted with their lines (issue 21). */
class CsvLeftOutTest {

    @TempDir
    Path dir;

    private static String rows(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i % 7).append('.').append(i % 10).append(',').append(i % 3).append(".5,")
                    .append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        return text.toString();
    }

    @Test
    void rows_with_an_empty_cell_and_ragged_rows_are_counted_by_reason_with_their_lines() throws Exception {
        // Lines: 1 header, 2-31 good rows, then one ragged row (32), one with an empty cell (33), more good rows.
        Files.writeString(dir.resolve("data.csv"), "x,y,label\n" + rows(30) + "1.0,2.0,3.0,a\n" + "1.5,,b\n"
                + rows(10));

        Dataset data = TestRequests.load("csv", dir, "path", "data.csv", "bad-rows", "skip", "test-ratio", "0");

        DataUse use = data.report().use().orElseThrow();
        assertThat(use.counted()).isTrue();
        assertThat(use.used()).isEqualTo(40);
        assertThat(use.leftOut()).containsExactly(
                new LeftOut(LeftOutReason.BAD_ROW, 1, List.of("data.csv line 32")),
                new LeftOut(LeftOutReason.MISSING_VALUE, 1, List.of("data.csv line 33")));
        assertThat(use.sentence()).startsWith("40 of 42 rows used; 2 left out:");
    }

    @Test
    void a_clean_table_is_counted_with_nothing_left_out() throws Exception {
        Files.writeString(dir.resolve("clean.csv"), "x,y,label\n" + rows(24));

        DataUse use = TestRequests.load("csv", dir, "path", "clean.csv").report().use().orElseThrow();

        assertThat(use.counted()).isTrue();
        assertThat(use.used()).isEqualTo(24);
        assertThat(use.leftOut()).isEmpty();
    }
}
