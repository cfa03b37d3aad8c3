package org.layerloom.engine.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * How much heap and time a big CSV table takes to load: writes tables of 50, 200 and 500 MB (eight numeric
 * columns, a colour category and a species label) into a temporary folder, loads each through the real "csv"
 * source in a fresh JVM with {@value #HEAP} of heap ({@link TableLoadProbe}), and reports per size the seconds,
 * rows, input values ("cells"), the peak heap in use (garbage included), the peak live heap (after a garbage
 * collection) and the live bytes per input value beyond the JVM's own baseline;
 * then loads the 200 MB table again under {@value #SMALL_HEAP} ({@code s200_under_1g_ok} is 1 when it loaded).
 * The folder is deleted afterwards.
 *
 * <p>Blocking: minutes. Not thread-safe; one run at a time.
 */
public final class TableMemoryBenchmark implements Benchmark {

    public static final String NAME = "table-memory";

    static final String HEAP = "-Xmx3g";
    static final String SMALL_HEAP = "-Xmx1g";
    private static final int[] SIZES_MB = {50, 200, 500};
    private static final String[] COLOURS = {"red", "green", "blue", "amber", "violet"};
    private static final String[] SPECIES = {"setosa", "versicolor", "virginica"};

    private final int[] sizesMb;

    /** The standard sizes: 50, 200 and 500 MB. */
    public TableMemoryBenchmark() {
        this(SIZES_MB);
    }

    /** Tables of the given sizes in MB; the small-heap check runs on a 200 MB table when one is among them. */
    public TableMemoryBenchmark(int... sizesMb) {
        this.sizesMb = sizesMb.clone();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BenchmarkResult run() {
        Map<String, Number> metrics = new LinkedHashMap<>();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("layerloom-table-memory");
            for (int mb : sizesMb) {
                Path file = dir.resolve("table-" + mb + "mb.csv");
                write(file, (long) mb << 20);
                Map<String, String> probe = probe(file, HEAP);
                String prefix = "s" + mb + "_";
                long rows = Long.parseLong(probe.get("rows"));
                long cells = Long.parseLong(probe.get("cells"));
                long peak = Long.parseLong(probe.get("peak_heap_bytes"));
                long live = Long.parseLong(probe.get("peak_live_bytes"));
                long baseline = Long.parseLong(probe.get("baseline_bytes"));
                metrics.put(prefix + "file_mb", Files.size(file) / 1048576.0);
                metrics.put(prefix + "rows", rows);
                metrics.put(prefix + "cells", cells);
                metrics.put(prefix + "seconds", Double.parseDouble(probe.get("seconds")));
                metrics.put(prefix + "peak_heap_mb", peak / 1048576.0);
                metrics.put(prefix + "peak_live_mb", live / 1048576.0);
                metrics.put(prefix + "bytes_per_cell", (double) (live - baseline) / cells);
                if (mb == 200) {
                    metrics.put("s200_under_1g_ok", probe(file, SMALL_HEAP).containsKey("rows") ? 1L : 0L);
                }
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
        return new BenchmarkResult(NAME, metrics);
    }

    /** Writes a table of about {@code bytes} bytes: eight numbers, a colour and a species per row. */
    static void write(Path file, long bytes) throws IOException {
        Random random = new Random(7);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("a,b,c,d,e,f,g,h,colour,species\n");
            long written = 32;
            StringBuilder row = new StringBuilder(96);
            while (written < bytes) {
                row.setLength(0);
                for (int c = 0; c < 8; c++) {
                    int milli = random.nextInt(200_000) - 100_000;
                    int fraction = Math.abs(milli) % 1000;
                    row.append(milli < 0 ? "-" : "").append(Math.abs(milli) / 1000).append('.')
                            .append(fraction < 100 ? "0" : "").append(fraction < 10 ? "0" : "").append(fraction)
                            .append(',');
                }
                row.append(COLOURS[random.nextInt(COLOURS.length)]).append(',')
                        .append(SPECIES[random.nextInt(SPECIES.length)]).append('\n');
                out.append(row);
                written += row.length();
            }
        }
    }

    /** Runs {@link TableLoadProbe} on {@code file} in a fresh JVM; its key=value pairs, or error=…. */
    static Map<String, String> probe(Path file, String heap) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), heap, "-cp",
                System.getProperty("java.class.path"), TableLoadProbe.class.getName(), file.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            throw new IllegalStateException("interrupted while loading " + file, e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("error=")) {
                values.put("error", line.substring(6));
            } else if (line.startsWith("rows=")) {
                for (String pair : line.trim().split(" ")) {
                    int eq = pair.indexOf('=');
                    values.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        if (heap.equals(HEAP) && !values.containsKey("rows")) {
            throw new IllegalStateException("loading " + file + " with " + heap + " failed: " + output.strip());
        }
        return values;
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
