package org.layerloom.engine.data.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.DatasetOptions;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.ProgressListener;

/**
 * Big tables stream (issue 21, defect 6): a training limit stops the reading early when the split takes the
 * first rows, progress counts bytes, a 30 MB table loads in a fresh JVM with a heap far smaller than the
 * whole-file reader needed, and a table too large for the heap is refused with a clear message.
 */
class CsvStreamingTest {

    @TempDir
    Path dir;

    /** Every progress report: step, done, total. */
    record Report(String step, long done, long total) {
    }

    private static ProgressListener recording(List<Report> reports) {
        return (step, done, total) -> reports.add(new Report(step, done, total));
    }

    private Dataset load(String file, OptionalInt limit, List<Report> reports, Object... options)
            throws DatasetException {
        Map<String, Object> map = new TreeMap<>();
        map.put("path", file);
        for (int i = 0; i < options.length; i += 2) {
            map.put((String) options[i], options[i + 1]);
        }
        DatasetRequest request = new DatasetRequest("csv", DatasetOptions.of(map), dir, 7, 0.2, limit);
        return new CsvSource().load(request, recording(reports));
    }

    private static long mostBytesRead(List<Report> reports, long size) {
        return reports.stream().filter(r -> r.total() == size).mapToLong(Report::done).max().orElse(-1);
    }

    @Test
    void a_training_limit_stops_reading_early_when_the_split_takes_the_first_rows() throws Exception {
        Path file = dir.resolve("big.csv");
        BigTables.write(file, 8L << 20);
        long size = Files.size(file);
        List<Report> reports = new ArrayList<>();

        Dataset data = load("big.csv", OptionalInt.of(200), reports, "test-ratio", 0);

        assertThat(data.train().size() + data.validation().size()).isEqualTo(200);
        assertThat(mostBytesRead(reports, size)).isPositive().isLessThan(size / 20);
        assertThat(data.report().notes()).anyMatch(n -> n.startsWith("Only the first 200 rows of big.csv"));
    }

    @Test
    void a_training_limit_with_a_test_file_stops_reading_the_training_file_early() throws Exception {
        Path file = dir.resolve("big.csv");
        BigTables.write(file, 8L << 20);
        BigTables.write(dir.resolve("test.csv"), 20_000);
        long size = Files.size(file);
        List<Report> reports = new ArrayList<>();

        Dataset data = load("big.csv", OptionalInt.of(300), reports, "test-path", "test.csv");

        assertThat(data.train().size() + data.validation().size()).isEqualTo(300);
        assertThat(data.test().size()).isPositive();
        assertThat(mostBytesRead(reports, size)).isPositive().isLessThan(size / 20);
    }

    @Test
    void a_training_limit_with_a_test_ratio_reads_the_whole_file_for_the_stratified_split() throws Exception {
        Path file = dir.resolve("big.csv");
        int rows = BigTables.write(file, 2L << 20);
        long size = Files.size(file);
        List<Report> reports = new ArrayList<>();

        Dataset data = load("big.csv", OptionalInt.of(200), reports);

        assertThat(data.train().size() + data.validation().size()).isEqualTo(200);
        assertThat(data.test().size()).isEqualTo(Math.round(rows * 0.2));
        assertThat(mostBytesRead(reports, size)).isEqualTo(size);
    }

    @Test
    void progress_counts_the_bytes_read_in_megabytes_of_the_file() throws Exception {
        Path file = dir.resolve("big.csv");
        BigTables.write(file, 3L << 20);
        long size = Files.size(file);
        List<Report> reports = new ArrayList<>();

        load("big.csv", OptionalInt.empty(), reports);

        List<Report> reading = reports.stream().filter(r -> r.step().startsWith("Reading big.csv · ")).toList();
        assertThat(reading).hasSizeGreaterThan(2).allMatch(r -> r.total() == size);
        assertThat(reading).extracting(Report::done).isSorted();
        assertThat(reading.get(reading.size() - 1).done()).isEqualTo(size);
        assertThat(reading.get(reading.size() - 1).step()).isEqualTo("Reading big.csv · 3 MB of 3 MB");
        assertThat(reports).anyMatch(r -> r.step().startsWith("Encoding big.csv · ") && r.done() == size);
    }

    @Test
    void a_30_mb_table_loads_in_a_heap_where_the_whole_file_reader_ran_out() throws Exception {
        Path file = dir.resolve("big.csv");
        int rows = BigTables.write(file, 30L << 20);

        Child streaming = fork("-Xmx96m", "streaming", file);
        Child legacy = fork("-Xmx96m", "legacy", file);

        assertThat(streaming.output()).contains("rows=" + rows);
        assertThat(streaming.exitCode()).isZero();
        assertThat(legacy.exitCode()).isNotZero();
        assertThat(legacy.output()).contains("OutOfMemoryError");
    }

    @Test
    void a_table_too_large_for_the_heap_is_refused_with_its_size_and_what_to_do() throws Exception {
        Path file = dir.resolve("big.csv");
        BigTables.write(file, 30L << 20);

        Child refused = fork("-Xmx20m", "streaming", file);
        Child ranOut = fork("-Xmx32m", "streaming", file);

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.output()).contains("refused: The table " + file + " (30 MB) gives 272,", "rows of 13 input "
                + "values, which need about", "LayerLoom may use only 20 MB", "--limit", "-Xmx")
                .doesNotContain("Exception", "\tat ");
        assertThat(ranOut.exitCode()).isIn(0, 2);
        assertThat(ranOut.output()).doesNotContain("Exception", "\tat ");
        if (ranOut.exitCode() == 2) {
            assertThat(ranOut.output()).contains("refused: The table " + file + " (30 MB)", "--limit", "-Xmx");
        }
    }

    record Child(int exitCode, String output) {
    }

    private static Child fork(String heap, String reader, Path file) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), heap, "-cp", System.getProperty("java.class.path"),
                LoadTableMain.class.getName(), reader, file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Child(process.waitFor(), output);
    }
}
