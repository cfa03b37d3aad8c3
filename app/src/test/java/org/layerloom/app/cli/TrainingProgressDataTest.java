package org.layerloom.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.data.DataUse;
import org.layerloom.engine.data.LeftOut;
import org.layerloom.engine.data.LeftOutReason;
import org.layerloom.engine.train.event.DataLoaded;

class TrainingProgressDataTest {

    private static String printed(DataLoaded event) {
        StringWriter text = new StringWriter();
        new TrainingProgress(new PrintWriter(text), false, false).trainingEvent(event);
        return text.toString();
    }

    @Test
    void the_examples_used_and_left_out_come_first_then_the_notes() {
        String out = printed(new DataLoaded("data.csv", 1_000, 186, 296, 0.2, List.of("A note."),
                DataUse.counted("row", 1_482, List.of(
                        new LeftOut(LeftOutReason.MISSING_VALUE, 12, List.of("data.csv line 17", "data.csv line 40",
                                "data.csv line 41", "data.csv line 55", "data.csv line 60")),
                        new LeftOut(LeftOutReason.BAD_ROW, 6, List.of("data.csv line 3"))))));
        assertThat(out.lines()).containsExactly(
                "Loaded data.csv in 0.2 s: 1,000 training, 186 validation and 296 test examples.",
                "  Data: 1,482 of 1,500 rows used; 18 left out: 12 with an empty cell (data.csv lines 17, 40, 41, 55, "
                        + "60, …), 6 with another number of values than the columns (data.csv lines 3, …).",
                "  Data: A note.");
    }

    @Test
    void a_loader_that_did_not_count_gives_the_examples_used() {
        assertThat(printed(new DataLoaded("MNIST", 54_000, 6_000, 10_000, 3.4)).lines())
                .contains("  Data: 70,000 examples used.");
    }
}
