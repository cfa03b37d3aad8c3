package org.layerloom.engine.data.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.LeftOut;
import org.layerloom.engine.data.LeftOutReason;
import org.layerloom.engine.data.LeftOutTally;
import org.layerloom.engine.data.csv.CsvRow;
import org.layerloom.engine.data.csv.CsvTable;
import org.layerloom.engine.data.csv.Values;

/**
 * Reads labelled texts: a CSV/TSV table with a text column and a label column, or a folder with one
 * sub-folder of {@code .txt} files per class (each file one example). Stateless; any thread.
 */
final class TextReaders {

    private TextReaders() {
    }

    /**
     * The texts of a table. {@code textColumn}/{@code labelColumn} name columns (null: the text is the
     * column with the longest values, the label the last other one). With {@code classNames} given (the test
     * file), labels must be among them.
     */
    static LabelledTexts fromTable(Path file, String textColumn, String labelColumn, boolean skipBad,
                                   List<String> classNames) throws DatasetException {
        CsvTable table = CsvTable.read(file, "auto", null, skipBad);
        if (table.columns().size() < 2) {
            throw DatasetException.inFile(file, "The file " + file + " has only one column, but labelled texts "
                    + "need two: the text and its label (separated by a tab or a comma).", null);
        }
        int text = textColumn != null ? table.column(textColumn, "text") : longestColumn(table);
        int label = labelColumn != null ? table.column(labelColumn, "label")
                : (text == table.columns().size() - 1 ? table.columns().size() - 2 : table.columns().size() - 1);
        List<String> names = classNames;
        if (names == null) {
            java.util.TreeSet<String> seen = new java.util.TreeSet<>();
            table.rows().forEach(r -> {
                if (!Values.isMissing(r.get(label))) {
                    seen.add(r.get(label).trim());
                }
            });
            names = new ArrayList<>(seen);
        }
        List<String> texts = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<Long> missing = new ArrayList<>();
        LeftOutTally tally = new LeftOutTally();
        String name = file.getFileName().toString();
        for (CsvRow row : table.rows()) {
            String value = row.get(label).trim();
            if (Values.isMissing(value) || row.get(text).isBlank()) {
                missing.add(row.line());
                tally.add(LeftOutReason.UNLABELLED_TEXT, name + " line " + row.line());
                continue;
            }
            int c = names.indexOf(value);
            if (c < 0) {
                throw DatasetException.atLine(file, row.line(), "Line " + row.line() + " of " + file + " has the "
                        + "label \"" + value + "\", which the training data does not have (its labels are "
                        + String.join(", ", names) + ").");
            }
            texts.add(row.get(text).trim());
            labels.add(c);
        }
        if (texts.isEmpty()) {
            throw DatasetException.inFile(file, String.format(Locale.ROOT, "No row of %s has both a text (column "
                    + "'%s') and a label (column '%s'): all %,d rows miss one (%s). Fill in the labels, or choose "
                    + "the columns with the options 'text' and 'label'.", file, table.columns().get(text),
                    table.columns().get(label), missing.size(), lines(missing)), null);
        }
        List<String> notes = new ArrayList<>(table.notes());
        if (!missing.isEmpty()) {
            notes.add(String.format(Locale.ROOT, "%,d row(s) of %s had no text (column '%s') or no label (column "
                    + "'%s') and were left out (%s).", missing.size(), name, table.columns().get(text),
                    table.columns().get(label), lines(missing)));
        }
        return new LabelledTexts(texts, labels.stream().mapToInt(Integer::intValue).toArray(), names, notes,
                tally.entries(), !skipBad);
    }

    /** "lines 3, 9, 17, 20, 41 and 12 more". */
    private static String lines(List<Long> lines) {
        String first = lines.stream().limit(LeftOut.LISTED).map(String::valueOf).collect(Collectors.joining(", "));
        return (lines.size() == 1 ? "line " : "lines ") + first
                + (lines.size() > LeftOut.LISTED ? " and " + (lines.size() - LeftOut.LISTED) + " more" : "");
    }

    /** The texts of a folder of class folders; with {@code classNames} given, the same classes are expected. */
    static LabelledTexts fromFolders(Path folder, List<String> classNames) throws DatasetException {
        return TextFolders.read(folder, classNames);
    }

    /**
     * Every table in a folder without class folders (e.g. UCI's "sentiment labelled sentences" with its three
     * files), read with the same columns and joined; files named readme* are skipped.
     */
    static LabelledTexts fromTables(Path folder, String textColumn, String labelColumn, boolean skipBad,
                                    List<String> classNames) throws DatasetException {
        List<Path> tables = files(folder).stream().filter(TextReaders::isTable).toList();
        if (tables.isEmpty()) {
            throw DatasetException.inFile(folder, "The folder " + folder + " has neither class folders nor .csv, .tsv"
                    + " or .txt tables of (text, label) rows.", null);
        }
        List<String> texts = new java.util.ArrayList<>();
        java.util.List<Integer> labels = new java.util.ArrayList<>();
        List<String> notes = new java.util.ArrayList<>();
        LeftOutTally tally = new LeftOutTally();
        boolean counted = true;
        List<String> classes = classNames;
        for (Path table : tables) {
            LabelledTexts part = fromTable(table, textColumn, labelColumn, skipBad, classes);
            classes = part.classNames();
            texts.addAll(part.texts());
            for (int label : part.labels()) {
                labels.add(label);
            }
            notes.addAll(part.notes());
            tally.addAll(part.leftOut());
            counted &= part.counted();
        }
        notes.add(0, "Read " + texts.size() + " texts from " + tables.size() + " files in " + folder.getFileName()
                + ": " + String.join(", ", tables.stream().map(t -> t.getFileName().toString()).toList()) + ".");
        return new LabelledTexts(texts, labels.stream().mapToInt(Integer::intValue).toArray(), classes, notes,
                tally.entries(), counted);
    }

    private static boolean isTable(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return !name.startsWith("readme") && (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt"));
    }

    static List<Path> subFolders(Path folder) throws DatasetException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw DatasetException.inFile(folder, "The folder " + folder + " cannot be read: " + e.getMessage(), e);
        }
    }

    static List<Path> files(Path folder) throws DatasetException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw DatasetException.inFile(folder, "The folder " + folder + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static int longestColumn(CsvTable table) {
        int best = 0;
        long bestLength = -1;
        for (int c = 0; c < table.columns().size(); c++) {
            long length = 0;
            for (int r = 0; r < Math.min(100, table.rows().size()); r++) {
                length += table.rows().get(r).get(c).length();
            }
            if (length > bestLength) {
                bestLength = length;
                best = c;
            }
        }
        return best;
    }
}
