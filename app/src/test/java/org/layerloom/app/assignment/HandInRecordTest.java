package org.layerloom.app.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandInRecordTest {

    @TempDir
    Path dir;

    private final HandInRecord record = new HandInRecord(1, "Zoë </script> & \"Co\"", "p", "a",
            "p.runs/r1", "best.params", "ab".repeat(32), 0.5, "development", "2026-12-06T18:00:00Z");

    @Test
    void the_embedded_record_reads_back_even_with_markup_in_names() throws Exception {
        String page = "<html><head>" + record.scriptBlock() + "</head></html>";

        assertThat(page).doesNotContain("</script> &");
        assertThat(HandInRecord.read(page)).contains(record);
    }

    @Test
    void a_page_without_a_record_is_none_and_a_damaged_one_says_so() {
        assertThat(catchThrowable(() -> HandInRecord.read("<html></html>"))).isNull();
        Throwable damaged = catchThrowable(() -> HandInRecord.read(
                "<script type=\"application/json\" id=\"layerloom-hand-in\">{ \"format\" : </script>"));

        assertThat(damaged).isInstanceOf(IOException.class).hasMessageContaining("hand-in data is damaged");
    }

    @Test
    void a_page_that_is_not_a_hand_in_becomes_an_error_row_not_an_exception() throws Exception {
        Path page = Files.writeString(dir.resolve("bob.handin.html"), "<html>my homework</html>");

        Grade grade = new Grader(Optional.empty(), Optional.empty()).grade(page);

        assertThat(grade.result()).isEqualTo(Grade.Result.ERROR);
        assertThat(grade.note()).contains("bob.handin.html cannot be graded", "not a LayerLoom hand-in page");
    }
}
