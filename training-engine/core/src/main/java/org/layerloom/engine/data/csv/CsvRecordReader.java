package org.layerloom.engine.data.csv;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.List;
import org.layerloom.engine.data.DatasetException;

/**
 * Reads the records of a delimited text one at a time from a {@link Reader}, with the rules of
 * {@link CsvParser} (LF, CRLF or CR line ends; with quoting, RFC 4180 quoted fields; a quote that does not
 * start a field is an ordinary character; blank lines skipped and counted), so a table of any size streams
 * through a fixed buffer. One reader per pass; used by one thread.
 */
final class CsvRecordReader {

    private static final int BUFFER_CHARS = 1 << 16;

    private final Reader in;
    private final char delimiter;
    private final boolean quoting;
    private final Path file;
    private final char[] buffer = new char[BUFFER_CHARS];
    private final StringBuilder field = new StringBuilder();
    private int position;
    private int limit;
    private long line = 1;
    private long rowLine;
    private int blankLines;

    CsvRecordReader(Reader in, char delimiter, boolean quoting, Path file) {
        this.in = in;
        this.delimiter = delimiter;
        this.quoting = quoting;
        this.file = file;
    }

    /** The line (from 1) the last record read starts on. */
    long rowLine() {
        return rowLine;
    }

    /** Blank lines skipped so far. */
    int blankLines() {
        return blankLines;
    }

    /**
     * Reads the next record into {@code fields} (cleared first); false at the end of the text. Fails, naming
     * the line, on a quote that is never closed.
     */
    boolean next(List<String> fields) throws IOException, DatasetException {
        fields.clear();
        field.setLength(0);
        boolean quotedField = false;
        long startLine = line;
        while (true) {
            int c = read();
            if (c < 0) {
                if (!fields.isEmpty() || quotedField || field.length() > 0) {
                    if (endRow(fields, quotedField)) {
                        rowLine = startLine;
                        return true;
                    }
                }
                return false;
            }
            if (c == '"' && quoting && field.length() == 0 && !quotedField) {
                quotedField = true;
                readQuoted();
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                quotedField = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                boolean row = endRow(fields, quotedField);
                line++;
                if (row) {
                    rowLine = startLine;
                    return true;
                }
                quotedField = false;
                startLine = line;
            } else {
                field.append((char) c);
            }
        }
    }

    /** Reads a quoted field's content up to its closing quote. */
    private void readQuoted() throws IOException, DatasetException {
        long quoteLine = line;
        while (true) {
            int c = read();
            if (c < 0) {
                throw DatasetException.atLine(file, quoteLine, "The file " + file + " has a quote (\") on line "
                        + quoteLine + " that is never closed, so the rest of the file would be one value. Close "
                        + "the quote or remove it.");
            }
            if (c == '"') {
                if (peek() == '"') {
                    read();
                    field.append('"');
                } else {
                    return;
                }
            } else {
                if (c == '\n' || (c == '\r' && peek() != '\n')) {
                    line++;
                }
                field.append((char) c);
            }
        }
    }

    /** Ends a record; false (and counts it) for a blank line, nothing but whitespace. */
    private boolean endRow(List<String> fields, boolean quoted) {
        if (fields.isEmpty() && !quoted && field.toString().isBlank()) {
            field.setLength(0);
            blankLines++;
            return false;
        }
        fields.add(field.toString());
        field.setLength(0);
        return true;
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position];
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
