package org.layerloom.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataUseTest {

    @Test
    void left_out_rows_are_counted_by_reason_with_their_first_lines() {
        LeftOutTally tally = new LeftOutTally();
        for (int line : new int[] {17, 40, 41, 55, 60, 61, 70, 71, 80, 90, 91, 99}) {
            tally.add(LeftOutReason.MISSING_VALUE, "data.csv line " + line);
        }
        for (int line : new int[] {3, 9, 11, 12, 13, 14}) {
            tally.add(LeftOutReason.BAD_ROW, "data.csv line " + line);
        }
        DataUse use = DataUse.counted("row", 1482, tally.entries());

        assertThat(use.total()).isEqualTo(1500);
        assertThat(use.leftOutTotal()).isEqualTo(18);
        assertThat(use.leftOut()).extracting(LeftOut::reason)
                .containsExactly(LeftOutReason.BAD_ROW, LeftOutReason.MISSING_VALUE);
        assertThat(use.sentence()).isEqualTo("1,482 of 1,500 rows used; 18 left out: 6 with another number of "
                + "values than the columns (data.csv lines 3, 9, 11, 12, 13, …), 12 with an empty cell (data.csv "
                + "lines 17, 40, 41, 55, 60, …).");
    }

    @Test
    void places_in_several_files_are_listed_whole_and_a_single_line_is_singular() {
        DataUse use = DataUse.counted("file", 10, List.of(
                new LeftOut(LeftOutReason.DAMAGED_IMAGE, 2, List.of("cat/a.jpg", "dog/b.jpg")),
                new LeftOut(LeftOutReason.UNLABELLED_TEXT, 1, List.of("a.csv line 4"))));
        assertThat(use.sentence()).isEqualTo("10 of 13 files used; 3 left out: 2 damaged or truncated (cat/a.jpg, "
                + "dog/b.jpg), 1 without a text or without a label (a.csv line 4).");
    }

    @Test
    void a_load_with_nothing_left_out_says_so_and_an_uncounted_one_only_gives_the_examples_used() {
        assertThat(DataUse.counted("row", 150, List.of()).sentence()).isEqualTo("All 150 rows used; none left out.");
        assertThat(DataUse.uncounted(1).sentence()).isEqualTo("1 example used.");
        assertThat(DataUse.uncounted(1).summary()).containsOnlyKeys("unit", "used", "counted");
    }

    @Test
    void the_summary_has_counts_and_first_places_per_reason_for_json() {
        DataUse use = DataUse.counted("row", 8, List.of(new LeftOut(LeftOutReason.MISSING_VALUE, 7,
                List.of("t.csv line 2", "t.csv line 3", "t.csv line 4", "t.csv line 5", "t.csv line 6",
                        "t.csv line 7"))));
        Map<String, Object> summary = use.summary();
        assertThat(summary).containsEntry("unit", "row").containsEntry("used", 8).containsEntry("total", 15)
                .containsEntry("leftOut", 7).containsEntry("counted", true);
        assertThat(summary.get("byReason")).isEqualTo(List.of(Map.of("reason", "missing-value", "count", 7,
                "places", List.of("t.csv line 2", "t.csv line 3", "t.csv line 4", "t.csv line 5", "t.csv line 6"))));
    }
}
