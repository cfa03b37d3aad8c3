package org.layerloom.engine.data.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.TestRequests;

/**
 * A corpus of awkward tables (issue 21 and its neighbours), one file per case written into a temporary folder.
 * Each case states its outcome: it loads with so many rows and these notes, or it fails with a message holding
 * these phrases. Nothing but the loader's own {@link DatasetException} may escape. Prints a table of cases.
 */
class CsvCorpusTest {

    private static final int ROWS = 20;
    private static final List<String> TABLE = new ArrayList<>();

    @TempDir
    Path dir;

    /** The file, the options and what must happen. {@code rows} < 0 means it must fail. */
    record Case(String name, String file, byte[] bytes, List<String> options, int rows, List<String> phrases,
                boolean unreadable) {
        String expected() {
            return rows >= 0 ? "loads " + rows + " rows" + (phrases.isEmpty() ? "" : ", notes " + phrases)
                    : "fails: " + phrases;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static Case loads(String name, String file, byte[] bytes, int rows, String... notes) {
        return new Case(name, file, bytes, List.of(), rows, List.of(notes), false);
    }

    private static Case fails(String name, String file, byte[] bytes, String... phrases) {
        return new Case(name, file, bytes, List.of(), -1, List.of(phrases), false);
    }

    private static Case with(Case c, String... options) {
        return new Case(c.name, c.file, c.bytes, List.of(options), c.rows, c.phrases, c.unreadable);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A header and {@value #ROWS} rows made by {@code row} (from 0). */
    private static String table(String header, IntFunction<String> row) {
        StringBuilder s = new StringBuilder(header).append('\n');
        for (int i = 0; i < ROWS; i++) {
            s.append(row.apply(i)).append('\n');
        }
        return s.toString();
    }

    private static String cls(int i) {
        return i % 2 == 0 ? "setosa" : "virginica";
    }

    private static String iris() {
        return table("a,b,species", i -> i + "," + (i * 3) + "," + cls(i));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static Stream<Case> cases() {
        String thousands = table("a,income,species", i -> i + ",\"" + (10 + i) + "," + (100 + i) + "\"," + cls(i));
        Random random = new Random(21);
        byte[] garbage = new byte[4096];
        random.nextBytes(garbage);
        byte[] control = new byte[2000];
        for (int i = 0; i < control.length; i++) {
            control[i] = (byte) (i % 3 == 0 ? 1 + i % 7 : 'a' + i % 20);
        }
        String huge = "x".repeat(3_000_000);
        return Stream.of(
                loads("plain comma table", "iris.csv", utf8(iris()), ROWS),
                loads("CRLF line ends", "crlf.csv", utf8(iris().replace("\n", "\r\n")), ROWS),
                loads("blank lines", "blank.csv", utf8(iris().replace("\n3,", "\n\n\n3,")), ROWS,
                        "2 empty lines in blank.csv were skipped"),
                loads("trailing comma on every line", "trailing.csv",
                        utf8(table("a,b,species,", i -> i + "," + i * 3 + "," + cls(i) + ",")), ROWS,
                        "end with a comma", "left out"),
                loads("two trailing commas", "trailing2.csv",
                        utf8(table("a,b,species,,", i -> i + "," + i * 3 + "," + cls(i) + ",,")), ROWS,
                        "2 empty columns"),
                loads("trailing comma on some lines only", "trailsome.csv",
                        utf8(table("a,b,species,", i -> i + "," + i * 3 + "," + cls(i) + (i % 3 == 0 ? "," : ""))),
                        ROWS, "end with a comma"),
                fails("one data line with a trailing comma, header without", "onetrail.csv",
                        utf8(iris().replace("\n5,15,virginica\n", "\n5,15,virginica,\n")), "Line 7 of",
                        "4 value(s)", "names 3 columns"),
                loads("trailing semicolon", "trailing-semi.csv",
                        utf8(table("a;b;species;", i -> i + ";" + i * 3 + ";" + cls(i) + ";")), ROWS,
                        "end with a semicolon"),
                loads("all-empty named column in the middle", "hole.csv",
                        utf8(table("a,blank,b,species", i -> i + ",," + i * 3 + "," + cls(i))), ROWS,
                        "'blank'", "empty in every row and was left out"),
                with(fails("all-empty column chosen as a feature", "hole.csv",
                        utf8(table("a,blank,b,species", i -> i + ",," + i * 3 + "," + cls(i))),
                        "'blank'", "empty in every row", "option 'features'"), "features", "a,blank"),
                with(fails("all-empty column chosen as the label", "hole.csv",
                        utf8(table("a,blank,b,species", i -> i + ",," + i * 3 + "," + cls(i))),
                        "label column 'blank'", "empty in every row", "option 'label'"), "label", "blank"),
                fails("named but empty last column as the default label", "lastempty.csv",
                        utf8(table("a,b,species,notes", i -> i + "," + i * 3 + "," + cls(i) + ",")),
                        "label column 'notes'", "empty in every row", "the last column is used"),
                loads("semicolon file with decimal commas", "euro.csv",
                        utf8(table("a;b;species", i -> i + ",3;" + (i * 2) + ",25;" + cls(i))), ROWS,
                        "'a' of euro.csv writes numbers with a decimal comma", "\"0,3\" as 0.3"),
                loads("decimal-comma regression label", "price.csv",
                        utf8(table("size;price", i -> (40 + i) + ";" + (i * 3) + ",5")), ROWS,
                        "'price'", "decimal comma"),
                loads("decimal comma with points between thousands", "big-euro.csv",
                        utf8(table("a;b;species", i -> (i + 1) + ".234,5;" + i + ";" + cls(i))), ROWS,
                        "'a'", "decimal comma", "\"1.234,5\" as 1234.5"),
                loads("quoted thousands in a comma file", "thousands.csv", utf8(thousands), ROWS,
                        "'income'", "commas between thousands", "\"10,100\" as 10100"),
                loads("thousands commas with decimals", "thousands-dec.csv",
                        utf8(table("a,income,species", i -> i + ",\"1," + (200 + i) + ".5\"," + cls(i))), ROWS,
                        "commas between thousands", "\"1,200.5\" as 1200.5"),
                fails("ambiguous 1,234 in a semicolon file", "ambiguous.csv",
                        utf8(table("a;b;species", i -> i + ";" + (i + 1) + "," + (100 + i) + ";" + cls(i))),
                        "'b'", "could mean 1.1 (a decimal comma) or 1100 (a comma between thousands)",
                        "point for decimals"),
                loads("ambiguous column decided by the other columns", "decided.csv",
                        utf8(table("a;b;species", i -> i + ",5;" + (i + 1) + "," + (100 + i) + ";" + cls(i))),
                        ROWS, "'b'", "as the file's other columns do", "'a'"),
                fails("one column mixing both conventions", "mixed.csv",
                        utf8(table("a,b,species", i -> i + ",\"" + (i % 2 == 0 ? "5,3" : "1,234.5") + "\","
                                + cls(i))), "'b'", "different ways", "\"5,3\"", "\"1,234.5\""),
                fails("exponent and decimal comma in one column", "mixed-exp.csv",
                        utf8(table("a;b;species", i -> i + ";" + (i == 0 ? "1e3" : i + ",5") + ";" + cls(i))), "'b'",
                        "different ways", "\"1e3\""),
                loads("two columns with different conventions", "two-styles.csv",
                        utf8(table("a,b,species", i -> "\"" + i + ",5\",\"1," + (100 + i) + ".25\"," + cls(i))),
                        ROWS, "'a' of two-styles.csv writes numbers with a decimal comma",
                        "'b' of two-styles.csv writes numbers with commas between thousands"),
                loads("tab file with decimal commas", "euro.tsv",
                        utf8(table("a\tb\tspecies", i -> i + ",75\t" + i + "\t" + cls(i))), ROWS,
                        "'a'", "decimal comma"),
                loads("numbers with units become categories, with a note", "units.csv",
                        utf8(table("a,weight,species", i -> i + "," + (i + 3) + " kg," + cls(i))), ROWS,
                        "'weight'", "look like numbers but are not read as numbers", "20 categories"),
                loads("semicolon file with plain decimals", "semi.csv",
                        utf8(table("a;b;species", i -> i + ".5;" + i + ";" + cls(i))), ROWS),
                with(fails("second column named like the label, other case", "twins.csv",
                        utf8(table("a,Species,b,species", i -> i + "," + cls(i) + "," + i * 3 + "," + cls(i))),
                        "two columns named like the label", "'Species' (column 2", "'species' (column 4"),
                        "label", "Species"),
                fails("default label with a twin in capitals and spaces", "twins2.csv",
                        utf8(table(" SPECIES ,a,species", i -> cls(i) + "," + i + "," + cls(i))),
                        "'species' (column 3, used as the label)", "'SPECIES' (column 1"),
                with(loads("label twin left out with features", "twins3.csv",
                        utf8(table("a,Species,b,species", i -> i + "," + cls(i) + "," + i * 3 + "," + cls(i))),
                        ROWS), "label", "species", "features", "a,b"),
                with(loads("UTF-8 with byte-order mark", "bom.csv",
                        concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(iris())), ROWS),
                        "features", "a"),
                loads("UTF-16 LE with byte-order mark (Excel Unicode text)", "excel.txt",
                        concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                                iris().replace(',', '\t').getBytes(StandardCharsets.UTF_16LE)), ROWS,
                        "UTF-16 text (little-endian"),
                loads("UTF-16 BE with byte-order mark", "be.csv",
                        concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, iris().getBytes(StandardCharsets.UTF_16BE)),
                        ROWS, "UTF-16 text (big-endian"),
                loads("UTF-16 LE without byte-order mark", "nobom.csv", iris().getBytes(StandardCharsets.UTF_16LE),
                        ROWS, "UTF-16 text (little-endian, without a byte-order mark)"),
                loads("UTF-16 BE without byte-order mark", "nobom-be.csv",
                        iris().getBytes(StandardCharsets.UTF_16BE), ROWS, "big-endian, without a byte-order mark"),
                loads("Windows-1252 text", "latin.csv",
                        iris().replace("setosa", "sétosa").getBytes(Charset.forName("windows-1252")), ROWS,
                        "Windows-1252"),
                fails("3 MB cell in a numeric column", "huge.csv",
                        utf8(iris().replace("\n5,15,", "\n5," + huge + ",")), "column 'b'", "\"xxxxxxxx",
                        "…\" (a cell of 3,000,000 characters)"),
                with(fails("3 MB cell in a numeric label", "hugelabel.csv",
                        utf8(iris().replace("\n5,15,", "\n5," + huge + ",")), "Line 7 of", "column 'b'",
                        "…\" (a cell of 3,000,000 characters)"), "label", "b", "task", "regression", "features", "a"),
                loads("3 MB column name in the header", "hugename.csv",
                        utf8(iris().replaceFirst("^a,", huge + ",")), ROWS, "name of column 1",
                        "3,000,000 characters long", "cut to 80 characters"),
                fails("random bytes", "random.csv", garbage, "not a text table", "binary files"),
                fails("control characters without NUL", "control.csv", control, "not a text table",
                        "control characters"),
                fails("Excel workbook renamed .csv", "book.csv",
                        concat(new byte[] {'P', 'K', 3, 4}, new byte[200]), "spreadsheet workbook", "CSV UTF-8"),
                new Case("unreadable file (chmod 000)", "locked.csv", utf8(iris()), List.of(), -1,
                        List.of("cannot be read: permission denied"), true),
                fails("empty file", "empty.csv", new byte[0], "is empty"),
                fails("whitespace only", "spaces.csv", utf8("  \n\n \n"), "is empty"),
                fails("header only", "header.csv", utf8("a,b,species\n"), "has a header but no rows"),
                fails("ragged row", "ragged.csv", utf8(iris().replace("\n5,15,virginica", "\n5,virginica")),
                        "Line 7 of", "2 value(s)", "names 3 columns", "'bad-rows'"),
                with(loads("ragged row skipped", "ragged.csv",
                        utf8(iris().replace("\n5,15,virginica", "\n5,virginica")), ROWS - 1, "line 7"),
                        "bad-rows", "skip"),
                loads("missing values dropped", "na.csv", utf8(iris().replace("\n4,12,", "\n4,NA,")), ROWS - 1,
                        "had missing values", "'b'"),
                loads("quoted field with a line break", "quoted.csv",
                        utf8(iris().replace("setosa", "\"set\nosa\"")), ROWS),
                fails("unclosed quote", "unclosed.csv", utf8(iris().replace("\n7,21,", "\n7,\"21,")),
                        "never closed"),
                fails("text in a numeric column", "typo.csv", utf8(iris().replace("\n9,27,", "\n9,twenty,")),
                        "column 'b'", "\"twenty\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void each_case_gives_its_stated_outcome(Case c) throws Exception {
        Path file = dir.resolve(c.file);
        Files.write(file, c.bytes);
        if (c.unreadable) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
            if (Files.isReadable(file)) {
                record(c, "skipped: readable anyway (running as root)");
                Assumptions.abort("chmod 000 does not stop this user from reading");
            }
        }
        List<Object> options = new ArrayList<>(List.of("path", c.file));
        options.addAll(c.options);
        String outcome;
        try {
            Dataset data = TestRequests.load("csv", dir, options.toArray());
            outcome = "loaded " + data.splits().totalSize() + " rows, notes " + data.report().notes();
            assertThat(outcome).as(c.name + ": notes stay short").hasSizeLessThan(3000);
            record(c, outcome);
            if (c.rows < 0) {
                fail("Expected a failure with " + c.phrases + " but " + outcome);
            }
            assertThat(data.splits().totalSize()).as(c.name).isEqualTo(c.rows);
            String notes = String.join("\n", data.report().notes());
            for (String phrase : c.phrases) {
                assertThat(notes).as(c.name + ": notes").contains(phrase);
            }
        } catch (DatasetException e) {
            outcome = "failed: " + e.getMessage();
            record(c, outcome);
            if (c.rows >= 0) {
                fail("Expected " + c.expected() + " but " + outcome);
            }
            assertThat(e.getMessage()).as(c.name).contains(c.phrases).hasSizeLessThan(1500);
            assertThat(e.getMessage()).as(c.name + ": names the file").contains(c.file);
        } catch (RuntimeException | Error e) {
            if (e instanceof AssertionError) {
                throw e;
            }
            record(c, "THREW " + e);
            fail(c.name + ": threw " + e + " instead of a DatasetException", e);
        }
    }

    private static void record(Case c, String outcome) {
        String shown = outcome.length() > 160 ? outcome.substring(0, 160) + "…" : outcome;
        TABLE.add(String.format(Locale.ROOT, "| %s | %s | %s |", c.name, c.expected(), shown.replace("\n", " ")));
    }

    @AfterAll
    static void printTable() {
        System.out.println("| case | expected | outcome |\n|---|---|---|");
        TABLE.forEach(System.out::println);
    }
}
