package org.layerloom.engine.data.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.layerloom.engine.data.DatasetException;

/**
 * A delimited text file read into named columns: the header (given or detected: a first row with text where
 * the rows below hold numbers), the data rows (each with its line number), and notes on anything skipped.
 * A row with the wrong number of fields is an error naming its line, or with {@code skipBadRows} is left out
 * and counted. Unnamed columns empty in every row at the end (lines that end with the delimiter) are dropped
 * with a note. Immutable once read; any thread.
 */
public record CsvTable(Path file, CsvDialect dialect, boolean hasHeader, List<String> columns, List<CsvRow> rows,
                       List<String> notes) {

    private static final int LISTED_LINES = 5;

    public CsvTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }

    /**
     * Reads {@code file}. {@code header} is "auto", "true" or "false"; {@code delimiter} null to detect it.
     */
    public static CsvTable read(Path file, String header, String delimiter, boolean skipBadRows)
            throws DatasetException {
        TextFile.Content content = TextFile.read(file);
        List<String> notes = new ArrayList<>(content.notes());
        if (content.text().isBlank()) {
            throw DatasetException.inFile(file, "The file " + file + " is empty: it holds no rows of data. Choose "
                    + "the file that holds your table, or save the table into it again.", null);
        }
        CsvDialect dialect = CsvDialect.choose(delimiter, file, content.text());
        CsvParser.Result parsed = CsvParser.parse(content.text(), dialect.delimiter(), dialect.quoting(), file);
        List<CsvRow> all = new ArrayList<>(parsed.rows());
        if (parsed.blankLines() > 0) {
            notes.add(count(parsed.blankLines(), "empty line") + " in " + file.getFileName() + " "
                    + (parsed.blankLines() == 1 ? "was" : "were") + " skipped.");
        }
        boolean hasHeader = switch (header == null ? "auto" : header.toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> HeaderGuess.looksLikeHeader(all);
        };
        List<String> columns = new ArrayList<>();
        int width = all.get(0).size();
        int kept = TrailingColumns.drop(all);
        if (kept < width) {
            notes.add(TrailingColumns.note(file, dialect, width - kept));
            width = kept;
        }
        if (hasHeader) {
            for (int c = 0; c < width; c++) {
                String name = all.get(0).get(c).trim();
                if (name.length() > Values.QUOTED_CHARS) {
                    notes.add(String.format(Locale.ROOT, "The name of column %d in %s is %,d characters long (is a "
                            + "quote missing?); it is shown cut to %d characters.", c + 1, file.getFileName(),
                            name.length(), Values.QUOTED_CHARS));
                    name = name.substring(0, Values.QUOTED_CHARS) + "…";
                }
                columns.add(name.isEmpty() ? "column " + (c + 1) : name);
            }
        } else {
            for (int c = 0; c < width; c++) {
                columns.add("column " + (c + 1));
            }
        }
        List<CsvRow> rows = new ArrayList<>();
        List<Long> badLines = new ArrayList<>();
        for (int r = hasHeader ? 1 : 0; r < all.size(); r++) {
            CsvRow row = all.get(r);
            if (row.size() != width) {
                if (!skipBadRows) {
                    throw ragged(file, dialect, hasHeader, all.get(0), row, width);
                }
                badLines.add(row.line());
                continue;
            }
            rows.add(row);
        }
        if (!badLines.isEmpty()) {
            notes.add(count(badLines.size(), "row") + " of " + file.getFileName() + " had another number of "
                    + "values than the " + width + " columns and " + (badLines.size() == 1 ? "was" : "were")
                    + " skipped: " + lines(badLines) + ".");
        }
        if (rows.isEmpty()) {
            throw DatasetException.inFile(file, "The file " + file + " has " + (hasHeader ? "a header but " : "")
                    + "no rows of data. Add one row per example" + (hasHeader ? " below the header" : "") + ".", null);
        }
        return new CsvTable(file, dialect, hasHeader, columns, rows, notes);
    }

    /** Whether column {@code c} holds no value (only empty or missing cells) in any data row. */
    public boolean isEmptyColumn(int c) {
        return rows.stream().allMatch(row -> Values.isMissing(row.get(c)));
    }

    private static DatasetException ragged(Path file, CsvDialect dialect, boolean hasHeader, CsvRow first,
                                           CsvRow row, int width) {
        String reference = hasHeader ? "the header (line " + first.line() + ") names " + width + " columns"
                : "the first row (line " + first.line() + ") has " + width + " values";
        return DatasetException.atLine(file, row.line(), "Line " + row.line() + " of " + file + " has "
                + row.size() + " value(s) separated by " + dialect.describe() + "s, but " + reference + ". Fix "
                + "that line (a missing or extra " + dialect.describe() + ", or a value with a "
                + dialect.describe() + " that needs quotes), or set the option 'bad-rows' to \"skip\" to leave "
                + "such rows out.");
    }

    /** "line 4, 9, 17 and 2 more" style list. */
    static String lines(List<Long> lines) {
        StringBuilder text = new StringBuilder(lines.size() == 1 ? "line " : "lines ");
        for (int i = 0; i < Math.min(LISTED_LINES, lines.size()); i++) {
            text.append(i == 0 ? "" : ", ").append(lines.get(i));
        }
        if (lines.size() > LISTED_LINES) {
            text.append(" and ").append(lines.size() - LISTED_LINES).append(" more");
        }
        return text.toString();
    }

    static String count(int n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    /** Index of a column named {@code name} (ignoring case), or given as a number from 1, or "last". */
    public int column(String name, String option) throws DatasetException {
        String wanted = name.trim();
        if (wanted.equalsIgnoreCase("last")) {
            return columns.size() - 1;
        }
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).equalsIgnoreCase(wanted)) {
                return c;
            }
        }
        try {
            int number = Integer.parseInt(wanted);
            if (number >= 1 && number <= columns.size()) {
                return number - 1;
            }
        } catch (NumberFormatException ignored) {
            // not a number: reported below
        }
        throw DatasetException.inFile(file, "The option '" + option + "' names the column \"" + wanted + "\", but "
                + file.getFileName() + " has the columns " + String.join(", ", columns) + ". Use one of these "
                + "names or a column number from 1 to " + columns.size() + ".", null);
    }
}
