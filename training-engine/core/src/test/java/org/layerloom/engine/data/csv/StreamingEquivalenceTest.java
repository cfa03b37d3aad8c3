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
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterProperty;
import org.layerloom.engine.data.ClassLabels;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.DatasetOptions;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.data.RegressionTargets;

/**
 * The streaming reader gives exactly what the whole-file reader gave ({@link LegacyCsvSource}, kept as the
 * reference): the same arrays in every split, names, notes, preview and description, or the same message,
 * over random small tables with headers or not, three delimiters, decimal commas, categories, missing values,
 * blank lines, CRLF, quotes, lines ending with the delimiter, ragged rows and stray text; with training limits
 * where the split needs the whole file (a test ratio), so the reading does not stop early.
 */
class StreamingEquivalenceTest {

    private final Path dir;

    StreamingEquivalenceTest() throws IOException {
        dir = Files.createTempDirectory("csv-equivalence");
    }

    @AfterProperty
    void cleanUp() throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Property(tries = 300)
    void streaming_reads_every_table_as_the_whole_file_reader_did(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        Table table = Table.random(random);
        Path file = dir.resolve(table.name);
        Files.write(file, table.text.getBytes(StandardCharsets.UTF_8));
        Map<String, Object> options = new TreeMap<>(table.options);
        options.put("path", table.name);
        boolean wholeFile = !options.containsKey("test-ratio");
        OptionalInt limit = wholeFile && random.nextInt(4) == 0 ? OptionalInt.of(1 + random.nextInt(20))
                : OptionalInt.empty();
        DatasetRequest request = new DatasetRequest("csv", DatasetOptions.of(options), dir, seed,
                random.nextInt(5) == 0 ? 0 : 0.2, limit);

        Outcome expected = Outcome.of(() -> new LegacyCsvSource().load(request, ProgressListener.none()));
        Outcome actual = Outcome.of(() -> new CsvSource().load(request, ProgressListener.none()));

        Statistics.collect(expected.dataset != null ? "loads" : "fails");
        assertThat(actual.message).as("message for\n%s\n%s", table.text, options).isEqualTo(expected.message);
        if (expected.dataset != null) {
            assertSame(actual.dataset, expected.dataset, table.text);
        }
    }

    @Example
    void a_separate_test_file_is_read_as_the_whole_file_reader_read_it() throws IOException {
        StringBuilder train = new StringBuilder("x;y;colour;species\n");
        StringBuilder test = new StringBuilder("x;y;colour;species\n");
        Random random = new Random(3);
        for (int i = 0; i < 120; i++) {
            StringBuilder into = i % 4 == 0 ? test : train;
            into.append(random.nextInt(100)).append(',').append(random.nextInt(10)).append(';')
                    .append(random.nextInt(7) == 0 ? "NA" : String.valueOf(random.nextInt(50))).append(';')
                    .append(i % 20 == 0 ? "violet" : random.nextBoolean() ? "red" : "blue").append(';')
                    .append(random.nextBoolean() ? "a" : "b").append('\n');
        }
        Files.writeString(dir.resolve("train.csv"), train);
        Files.writeString(dir.resolve("test.csv"), test);
        DatasetRequest request = new DatasetRequest("csv", DatasetOptions.of(Map.of("path", "train.csv",
                "test-path", "test.csv")), dir, 5, 0.25, OptionalInt.empty());

        Outcome expected = Outcome.of(() -> new LegacyCsvSource().load(request, ProgressListener.none()));
        Outcome actual = Outcome.of(() -> new CsvSource().load(request, ProgressListener.none()));

        assertThat(expected.message).isNull();
        assertThat(actual.message).isNull();
        assertThat(actual.dataset.report().notes()).anyMatch(n -> n.contains("decimal comma"))
                .anyMatch(n -> n.contains("that the training data does not have"));
        assertSame(actual.dataset, expected.dataset, train.toString());
    }

    static void assertSame(Dataset actual, Dataset expected, String text) {
        assertThat(actual.description()).as(text).isEqualTo(expected.description());
        assertThat(actual.classNames()).isEqualTo(expected.classNames());
        assertThat(actual.exampleShape()).isEqualTo(expected.exampleShape());
        assertThat(actual.report().notes()).as(text).isEqualTo(expected.report().notes());
        assertThat(actual.report().columns()).isEqualTo(expected.report().columns());
        assertThat(actual.report().firstRows()).isEqualTo(expected.report().firstRows());
        assertThat(actual.report().featureNames()).isEqualTo(expected.report().featureNames());
        assertSameExamples(actual.train(), expected.train());
        assertSameExamples(actual.validation(), expected.validation());
        assertSameExamples(actual.test(), expected.test());
    }

    private static void assertSameExamples(Examples actual, Examples expected) {
        assertThat(actual.realFeatures().toArray()).containsExactly(expected.realFeatures().toArray());
        if (expected.labels() instanceof ClassLabels classes) {
            assertThat(actual.classLabels().toArray()).containsExactly(classes.toArray());
        } else {
            assertThat(((RegressionTargets) actual.labels()).toArray())
                    .containsExactly(((RegressionTargets) expected.labels()).toArray());
        }
    }

    /** A dataset or the message of the {@link DatasetException} that loading threw. */
    record Outcome(Dataset dataset, String message) {
        interface Load {
            Dataset load() throws DatasetException;
        }

        static Outcome of(Load load) {
            try {
                return new Outcome(load.load(), null);
            } catch (DatasetException e) {
                return new Outcome(null, e.getMessage());
            }
        }
    }

    /** A random small table: its file name, text and options. */
    record Table(String name, String text, Map<String, Object> options) {

        static Table random(Random r) {
            char delimiter = new char[] {',', ';', '\t'}[r.nextInt(3)];
            String name = delimiter == '\t' && r.nextBoolean() ? "t.tsv" : "t.csv";
            int columns = 2 + r.nextInt(4);
            int rows = 1 + r.nextInt(r.nextInt(10) == 0 ? 300 : 30);
            String[] kinds = new String[columns];
            for (int c = 0; c < columns; c++) {
                kinds[c] = pick(r, "int", "real", "real", "category", "comma", "thousands", "mixed", "empty");
            }
            kinds[columns - 1] = pick(r, "class", "int-class", "real", "comma", "category");
            String end = r.nextInt(5) == 0 ? "\r\n" : "\n";
            boolean trailing = r.nextInt(6) == 0;
            StringBuilder text = new StringBuilder();
            if (r.nextInt(4) != 0) {
                List<String> names = new ArrayList<>();
                for (int c = 0; c < columns; c++) {
                    names.add(r.nextInt(8) == 0 ? "" : "col" + c);
                }
                line(text, names, delimiter, trailing, end);
            }
            for (int i = 0; i < rows; i++) {
                if (r.nextInt(25) == 0) {
                    text.append(r.nextBoolean() ? "" : "  ").append(end);
                }
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < columns; c++) {
                    cells.add(cell(r, kinds[c], delimiter));
                }
                if (r.nextInt(40) == 0) {
                    cells.remove(cells.size() - 1);
                } else if (r.nextInt(40) == 0) {
                    cells.add("9");
                }
                line(text, cells, delimiter, trailing && r.nextInt(10) != 0, end);
            }
            if (r.nextBoolean() && text.length() > end.length()) {
                text.setLength(text.length() - end.length());
            }
            Map<String, Object> options = new TreeMap<>();
            if (r.nextInt(3) == 0) {
                options.put("bad-rows", "skip");
            }
            if (r.nextInt(4) == 0) {
                options.put("test-ratio", 0);
            }
            if (r.nextInt(5) == 0) {
                options.put("label", "1");
            }
            if (r.nextInt(5) == 0) {
                options.put("task", pick(r, "classification", "regression"));
            }
            if (r.nextInt(4) == 0) {
                options.put("normalize", pick(r, "none", "minmax"));
            }
            return new Table(name, text.toString(), options);
        }

        private static void line(StringBuilder text, List<String> cells, char delimiter, boolean trailing,
                                 String end) {
            text.append(String.join(String.valueOf(delimiter), cells));
            text.append(trailing ? String.valueOf(delimiter) : "").append(end);
        }

        private static String cell(Random r, String kind, char delimiter) {
            if (r.nextInt(30) == 0) {
                return pick(r, "", "NA", "?", " ");
            }
            if (r.nextInt(200) == 0) {
                return "oops";
            }
            String value = switch (kind) {
                case "int", "int-class" -> String.valueOf(r.nextInt(kind.equals("int") ? 1000 : 4) - 1);
                case "real" -> String.format(java.util.Locale.ROOT, "%.3f", r.nextGaussian() * 10);
                case "category", "class" -> pick(r, "red", "green", "blue", "Blue", " red ");
                case "comma" -> r.nextInt(100) + "," + r.nextInt(10);
                case "thousands" -> (1 + r.nextInt(99)) + "," + (100 + r.nextInt(900));
                case "mixed" -> r.nextBoolean() ? String.valueOf(r.nextInt(9)) : pick(r, "x", "y");
                default -> "";
            };
            boolean needsQuotes = value.indexOf(delimiter) >= 0;
            if (delimiter != '\t' && (needsQuotes || r.nextInt(20) == 0)) {
                return "\"" + value + "\"";
            }
            return needsQuotes ? value.replace(',', '.') : value;
        }

        @SafeVarargs
        private static <T> T pick(Random r, T... choices) {
            return choices[r.nextInt(choices.length)];
        }
    }
}
