package org.layerloom.engine.data.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.layerloom.engine.data.DatasetException;

/**
 * Splits text into records of fields: LF, CRLF or CR line ends; with {@code quoting}, fields in double quotes
 * may hold the delimiter, line breaks and doubled quotes ({@code ""}), as in RFC 4180. A quote that does not
 * start a field is an ordinary character. Only LF and CR end lines (not U+0085 or U+2028, which some text
 * holds). Blank lines are skipped and counted. Stateless; any thread.
 */
public final class CsvParser {

    private CsvParser() {
    }

    /** Records and the number of blank lines skipped. */
    public record Result(List<CsvRow> rows, int blankLines) {
    }

    public static Result parse(String text, char delimiter, boolean quoting, Path file) throws DatasetException {
        List<CsvRow> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int blank = 0;
        long line = 1;
        long rowLine = 1;
        boolean inQuotes = false;
        boolean quotedField = false;
        long quoteLine = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        inQuotes = false;
                    }
                } else {
                    if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && quoting && field.length() == 0 && !quotedField) {
                inQuotes = true;
                quotedField = true;
                quoteLine = line;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                quotedField = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                blank += endRow(rows, fields, field, quotedField, rowLine);
                quotedField = false;
                line++;
                rowLine = line;
            } else {
                field.append(c);
            }
        }
        if (inQuotes) {
            throw DatasetException.atLine(file, quoteLine, "The file " + file + " has a quote (\") on line "
                    + quoteLine + " that is never closed, so the rest of the file would be one value. Close the "
                    + "quote or remove it.");
        }
        if (!fields.isEmpty() || quotedField || field.length() > 0) {
            blank += endRow(rows, fields, field, quotedField, rowLine);
        }
        return new Result(rows, blank);
    }

    /** Adds the row, or returns 1 for a blank line (nothing but whitespace). */
    private static int endRow(List<CsvRow> rows, List<String> fields, StringBuilder field, boolean quoted,
                              long line) {
        if (fields.isEmpty() && !quoted && field.toString().isBlank()) {
            field.setLength(0);
            return 1;
        }
        fields.add(field.toString());
        rows.add(new CsvRow(line, fields));
        fields.clear();
        field.setLength(0);
        return 0;
    }
}
