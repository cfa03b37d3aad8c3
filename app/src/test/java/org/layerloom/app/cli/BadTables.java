package org.layerloom.app.cli;

import static org.layerloom.app.cli.BadDataCorpusTest.textNet;
import static org.layerloom.app.cli.BadDataCorpusTest.vectorNet;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.layerloom.app.cli.BadDataCorpusTest.Case;
import org.layerloom.app.cli.BadDataCorpusTest.Expected;
import org.layerloom.app.cli.BadDataCorpusTest.Setup;
import org.layerloom.engine.project.DatasetChoice;

/** The corpus's tables (CSV, TSV) and labelled-text tables. Test code only. */
final class BadTables {

    private static final Path SHARED = Path.of("/work/shared/datasets");

    private BadTables() {
    }

    /** {@code rows} rows of three numbers and a class ("a" or "b"), with a header, joined by {@code sep}. */
    static String table(int rows, String sep) {
        StringBuilder text = new StringBuilder("length" + sep + "width" + sep + "depth" + sep + "kind\n");
        Random random = new Random(rows);
        for (int i = 0; i < rows; i++) {
            text.append(i % 7).append(sep).append(random.nextInt(50) / 10.0).append(sep).append(i % 3).append(sep)
                    .append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        return text.toString();
    }

    private static Setup csv(Path folder, String name, String content, Object... options) throws Exception {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return csvChoice(name, 3, 2, options);
    }

    private static Setup csvChoice(String path, int inputs, int classes, Object... options) {
        DatasetChoice choice = DatasetChoice.of("csv").with("path", path);
        for (int i = 0; i < options.length; i += 2) {
            choice = choice.with((String) options[i], options[i + 1]);
        }
        return new Setup(choice, vectorNet(inputs, classes));
    }

    private static Setup text(Path folder, String name, String content, int classes) throws Exception {
        Files.writeString(folder.resolve(name), content);
        return new Setup(DatasetChoice.of("text").with("path", name).with("length", 8), textNet(8, classes));
    }

    private static String sentences(int rows) {
        StringBuilder text = new StringBuilder("text\tlabel\n");
        for (int i = 0; i < rows; i++) {
            text.append(i % 2 == 0 ? "a fine warm film number " : "a dull cold film number ").append(i).append('\t')
                    .append(i % 2).append('\n');
        }
        return text.toString();
    }

    static List<Case> cases() {
        return List.of(
                new Case("iris as shipped", "the real Iris table (no header, 150 rows, 3 classes)", f -> {
                    Files.copy(SHARED.resolve("iris/iris.csv"), f.resolve("iris.csv"));
                    return csvChoice("iris.csv", 4, 3);
                }, Expected.trains(150, 0, "All 150 rows used; none left out.")),
                new Case("trailing delimiter", "every line ends with a comma", f -> csv(f, "t.csv",
                        table(60, ",").replace("\n", ",\n")),
                        Expected.trains(60, 0, "end with a comma, which makes 1 empty column")),
                new Case("decimal commas", "semicolon-separated, numbers written 4,5", f -> csv(f, "d.csv",
                        table(60, ";").replaceAll("(\\d)\\.(\\d)", "$1,$2")),
                        Expected.trains(60, 0, "decimal comma")),
                new Case("duplicate label columns", "'kind' and 'Kind ' both present", f -> csv(f, "dup.csv",
                        table(40, ",").replace("length,", "Kind ,")),
                        Expected.refused("two columns named like the label")),
                new Case("UTF-16 file", "Excel's \"Unicode text\": UTF-16LE with a byte-order mark", f -> {
                    byte[] text = table(60, "\t").getBytes(StandardCharsets.UTF_16LE);
                    byte[] bytes = new byte[text.length + 2];
                    bytes[0] = (byte) 0xFF;
                    bytes[1] = (byte) 0xFE;
                    System.arraycopy(text, 0, bytes, 2, text.length);
                    Files.write(f.resolve("u16.txt"), bytes);
                    return csvChoice("u16.txt", 3, 2);
                }, Expected.trains(60, 0, "UTF-16")),
                new Case("a 3 MB cell", "one row holds a 3 MB value in a numeric column", f -> {
                    String table = table(40, ",");
                    return csv(f, "huge.csv", table + "1," + "9".repeat(3 << 20) + "x,2,a\n");
                }, Expected.refused("huge.csv")),
                new Case("unreadable file", "mode 000 (as root the permission does not bite)", f -> {
                    Setup setup = csv(f, "secret.csv", table(40, ","));
                    f.resolve("secret.csv").toFile().setReadable(false, false);
                    return setup;
                }, BadDataCorpusTest.ROOT ? Expected.trains(40, 0, "All 40 rows used; none left out.")
                        : Expected.refused("permission denied")),
                new Case("random bytes", "4 KB of random bytes named data.csv", f -> {
                    byte[] bytes = new byte[4096];
                    new Random(5).nextBytes(bytes);
                    Files.write(f.resolve("data.csv"), bytes);
                    return csvChoice("data.csv", 3, 2);
                }, Expected.refused("is not a text table")),
                new Case("empty CSV", "a file of 0 bytes", f -> csv(f, "empty.csv", ""),
                        Expected.refused("is empty")),
                new Case("header only", "a header and no rows", f -> csv(f, "head.csv", "a,b,c,kind\n"),
                        Expected.refused("no rows of data")),
                new Case("ragged rows skipped", "3 rows with a value too many, bad-rows=skip", f -> csv(f, "r.csv",
                        table(50, ",") + "1,2,3,a,9\n2,3,4,b,9\n3,4,5,a,9\n", "bad-rows", "skip"),
                        Expected.trains(50, 3, "3 rows of r.csv had another number of values")),
                new Case("ragged row refused", "1 row with a value too few, default options", f -> csv(f, "r.csv",
                        table(50, ",") + "1,2,a\n"), Expected.refused("Line 52 of")),
                new Case("missing values", "4 rows with an empty cell", f -> csv(f, "m.csv",
                        table(50, ",") + "1,,3,a\n,2,3,b\n1,2,,a\n1,2,3,\n"),
                        Expected.trains(50, 4, "4 rows of m.csv had missing values")),
                new Case("no label anywhere", "the label column is empty in every row", f -> csv(f, "nl.csv",
                        table(30, ",").replaceAll(",[ab]\n", ",\n")), Expected.refused("nl.csv")),
                new Case("folder instead of a file", "the path names a folder", f -> {
                    Files.createDirectories(f.resolve("data.csv"));
                    return csvChoice("data.csv", 3, 2);
                }, Expected.refused("data.csv")),
                new Case("missing file", "the path names nothing", f -> csvChoice("gone.csv", 3, 2),
                        Expected.refused("but nothing is there")),
                new Case("dangling link", "data.csv is a link to a file that was deleted", f -> {
                    Files.createSymbolicLink(f.resolve("gone.csv"), f.resolve("deleted.csv"));
                    return csvChoice("gone.csv", 3, 2);
                }, Expected.refused("gone.csv, but that is a link that leads nowhere")),
                new Case("path with spaces and unicode", "my dätä/ñame é 表.csv", f -> csv(f, "my dätä/ñame é 表.csv",
                        table(40, ",")), Expected.trains(40, 0, "All 40 rows used; none left out.")),
                new Case("CRLF TSV", "tab-separated with Windows line ends", f -> csv(f, "w.tsv",
                        table(40, "\t").replace("\n", "\r\n")),
                        Expected.trains(40, 0, "All 40 rows used; none left out.")),
                new Case("xlsx named csv", "a zip archive (Excel workbook) named .csv", f -> {
                    Files.write(f.resolve("book.csv"), new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0});
                    return csvChoice("book.csv", 3, 2);
                }, Expected.refused("spreadsheet workbook or archive")),
                new Case("Windows-1252 categories", "a text column with é in Windows-1252", f -> {
                    String t = table(40, ",").replace("length,", "colour,").replaceAll("(?m)^0,", "café,")
                            .replaceAll("(?m)^[1-6],", "thé,");
                    Files.write(f.resolve("w.csv"), t.getBytes("windows-1252"));
                    return csvChoice("w.csv", 4, 2);
                }, Expected.trains(40, 0, "Windows-1252")),
                new Case("thousands separators", "quoted numbers like \"1,234\"", f -> csv(f, "th.csv",
                        table(40, ",").replaceAll("(?m)^(\\d),", "\"$1,234\","), "header", "true"),
                        Expected.trains(40, 0, "All 40 rows used; none left out.")),
                new Case("symlink loop", "data.csv is a link to itself", f -> {
                    Files.createSymbolicLink(f.resolve("loop.csv"), f.resolve("loop.csv"));
                    return csvChoice("loop.csv", 3, 2);
                }, Expected.refused("loop.csv, but that is a link that leads nowhere")),
                new Case("a word in a numeric column", "\"seven\" among numbers", f -> csv(f, "wd.csv",
                        table(50, ",") + "seven,1,2,a\n"), Expected.refused("but line 52 has \"seven\"")),
                new Case("unclosed quote", "a quote opened on line 10 never closes", f -> {
                    List<String> lines = new java.util.ArrayList<>(table(40, ",").lines().toList());
                    lines.set(9, lines.get(9).replaceFirst(",", ",\""));
                    return csv(f, "q.csv", String.join("\n", lines) + "\n");
                }, Expected.refused("on line 10 that is never closed")),
                new Case("yelp sentences", "the real labelled sentences (1,000 rows)", f -> {
                    Files.copy(SHARED.resolve("sentiment-labelled-sentences/yelp_labelled.txt"), f.resolve("y.txt"));
                    return new Setup(DatasetChoice.of("text").with("path", "y.txt").with("length", 8), textNet(8, 2));
                }, Expected.trains(1000, 0, "All 1,000 texts used; none left out.")),
                new Case("texts without labels", "40 labelled rows, 3 without a label or text", f -> text(f, "s.tsv",
                        sentences(40) + "no label\t\n\t1\nanother\t \n", 2),
                        Expected.trains(40, 3, "3 without a text or without a label (s.tsv lines 42, 43, 44)")),
                new Case("texts: no row labelled", "a text table whose label column is empty", f -> text(f,
                        "none.tsv", "text\tlabel\nfirst\t\nsecond\t\n", 2),
                        Expected.refused("all 2 rows miss one (lines 2, 3)")),
                new Case("texts: one label only", "every row has the label 1", f -> text(f, "one.tsv",
                        sentences(20).replaceAll("\t0\n", "\t1\n"), 2), Expected.refused("have only one label (1)")));
    }
}
