package org.layerloom.engine.data.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.LeftOut;
import org.layerloom.engine.data.ProgressListener;

/**
 * A delimited text file after {@link TableScan} read it once: how to read it again (encoding, dialect, header,
 * width), its column names, the number of data rows, notes on what was skipped, the {@link ColumnFacts} of each
 * column and the first rows for a preview, but not the rows themselves: {@link #forEachRow} streams them again.
 * A scan limited to the first rows ({@link #lastLine()} > 0) covers only those. Immutable; any thread.
 */
public final class StreamedTable {

    /** Receives the data rows of {@link #forEachRow}; returns false to stop reading. */
    interface RowVisitor {
        boolean row(long line, List<String> fields) throws DatasetException;
    }

    private final Path file;
    private final long size;
    private final TextFile.Encoding encoding;
    private final CsvDialect dialect;
    private final boolean hasHeader;
    private final int firstWidth;
    private final List<String> columns;
    private final int rows;
    private final long lastLine;
    private final List<String> notes;
    private final ColumnFacts[] facts;
    private final List<List<String>> firstRows;
    private final List<LeftOut> leftOut;

    StreamedTable(Path file, long size, TextFile.Encoding encoding, CsvDialect dialect, boolean hasHeader,
                  int firstWidth, List<String> columns, int rows, long lastLine, List<String> notes,
                  ColumnFacts[] facts, List<List<String>> firstRows, List<LeftOut> leftOut) {
        this.file = file;
        this.size = size;
        this.encoding = encoding;
        this.dialect = dialect;
        this.hasHeader = hasHeader;
        this.firstWidth = firstWidth;
        this.columns = List.copyOf(columns);
        this.rows = rows;
        this.lastLine = lastLine;
        this.notes = List.copyOf(notes);
        this.facts = facts;
        this.firstRows = List.copyOf(firstRows);
        this.leftOut = List.copyOf(leftOut);
    }

    /** The rows the scan skipped (with the option bad-rows: skip), counted with their first lines. */
    public List<LeftOut> leftOut() {
        return leftOut;
    }

    public Path file() {
        return file;
    }

    /** The file's size in bytes. */
    public long size() {
        return size;
    }

    public CsvDialect dialect() {
        return dialect;
    }

    public boolean hasHeader() {
        return hasHeader;
    }

    public List<String> columns() {
        return columns;
    }

    /** Number of data rows read (all of the file's, or those up to {@link #lastLine()}). */
    public int rows() {
        return rows;
    }

    /** The line of the last row read when the scan stopped early, or 0 when it read the whole file. */
    public long lastLine() {
        return lastLine;
    }

    public List<String> notes() {
        return notes;
    }

    /** Up to eight first data rows, for the preview. */
    public List<List<String>> firstRows() {
        return firstRows;
    }

    ColumnFacts facts(int column) {
        if (facts == null) {
            throw new IllegalStateException("this scan of " + file + " gathered no column facts");
        }
        return facts[column];
    }

    /** Whether column {@code c} holds no value (only empty or missing cells) in any data row. */
    public boolean isEmptyColumn(int c) {
        return facts(c).values == 0;
    }

    /** Index of a column named {@code name} (ignoring case), or given as a number from 1, or "last". */
    public int column(String name, String option) throws DatasetException {
        int c = find(name, columns);
        if (c < 0) {
            throw DatasetException.inFile(file, "The option '" + option + "' names the column \"" + name.trim()
                    + "\", but " + file.getFileName() + " has the columns " + String.join(", ", columns) + ". Use "
                    + "one of these names or a column number from 1 to " + columns.size() + ".", null);
        }
        return c;
    }

    /** As {@link #column}, but -1 when nothing matches. */
    static int find(String name, List<String> columns) {
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
            // not a number
        }
        return -1;
    }

    /**
     * Whether a record of the file is a row of this table: as wide as the table, or wider with nothing but
     * blanks in the columns that {@link TrailingColumns} dropped.
     */
    static boolean fits(List<String> fields, int width, int firstWidth) {
        int n = fields.size();
        if (n == width) {
            return true;
        }
        if (width >= firstWidth || n < width) {
            return false;
        }
        for (int c = width; c < n; c++) {
            if (!fields.get(c).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads the file again and hands every data row of the scan (skipping the header and the rows the scan
     * skipped) to {@code visitor} in file order, reporting the bytes read as "{@code verb} data.csv · …".
     */
    void forEachRow(String verb, ProgressListener listener, RowVisitor visitor) throws DatasetException {
        ByteProgress progress = new ByteProgress(listener, verb, file, size);
        TextFile.Encoding lenient = new TextFile.Encoding(encoding.charset(), encoding.skip(), false, List.of());
        try (InputStream in = progress.count(Files.newInputStream(file));
             Reader reader = lenient.reader(in)) {
            CsvRecordReader records = new CsvRecordReader(reader, dialect.delimiter(), dialect.quoting(), file);
            List<String> fields = new ArrayList<>();
            boolean first = true;
            int n = 0;
            while (records.next(fields)) {
                if (first && hasHeader) {
                    first = false;
                    continue;
                }
                first = false;
                if (lastLine > 0 && records.rowLine() > lastLine) {
                    break;
                }
                if (!fits(fields, columns.size(), firstWidth)) {
                    continue;
                }
                if (!visitor.row(records.rowLine(), fields)) {
                    break;
                }
                if ((++n & 1023) == 0) {
                    progress.poll();
                }
            }
            progress.report();
        } catch (IOException e) {
            throw TextFile.unreadable(file, e);
        }
    }
}
