package org.layerloom.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table-memory benchmark on a small table: a real load in a child JVM, with its numbers. */
class TableMemoryBenchmarkTest {

    @TempDir
    Path dir;

    @Test
    void a_small_table_is_loaded_in_a_child_jvm_and_measured() {
        BenchmarkResult result = new TableMemoryBenchmark(2).run();

        assertThat(result.name()).isEqualTo("table-memory");
        long rows = result.metric("s2_rows").longValue();
        assertThat(rows).isGreaterThan(20_000);
        assertThat(result.metric("s2_cells").longValue()).isEqualTo(rows * 13);
        assertThat(result.metric("s2_peak_live_mb").doubleValue()).isPositive();
        assertThat(result.metric("s2_seconds").doubleValue()).isPositive();
    }

    @Test
    void the_child_reports_a_refused_table_as_an_error() throws Exception {
        Path file = dir.resolve("empty.csv");
        Files.writeString(file, "a,b\n");

        assertThat(TableMemoryBenchmark.probe(file, TableMemoryBenchmark.SMALL_HEAP))
                .containsKey("error").doesNotContainKey("rows");
    }
}
