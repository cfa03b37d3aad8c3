package org.layerloom.engine.data.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.LeftOut;
import org.layerloom.engine.data.LeftOutReason;
import org.layerloom.engine.data.ProgressListener;

/**
 * Reads a delimited text file into a {@link StreamedTable} without holding its rows: the encoding from the
 * first bytes, the dialect from the first 50 lines, the header from the first 200 rows, then one pass that
 * gathers the {@link ColumnFacts} of every column. The facts of that pass count the rows as wide as the first
 * one; when other rows turn out to belong to the table (lines that end with the delimiter) or the label column
 * moves, a second pass gathers them exactly. The same rules as {@link CsvTable} apply, with the same notes and
 * messages. With {@code completeRows} &gt; 0 the scan stops after that many rows with a value in every column
 * that has values, so the facts then describe those first rows only. Stateless; any thread.
 */
public final class TableScan {

    private static final int HEADER_SAMPLE = 200;
    private static final int DIALECT_LINES = 50;
    private static final int DIALECT_CHARS = 8 << 20;
    private static final int PREVIEW_ROWS = 8;

    private final Path file;
    private final String header;
    private final String delimiter;
    private final boolean skipBadRows;
    private final String labelOption;
    private final int completeRows;
    private final boolean gatherFacts;
    private final ProgressListener listener;

    private TableScan(Path file, String header, String delimiter, boolean skipBadRows, String labelOption,
                      int completeRows, boolean gatherFacts, ProgressListener listener) {
        this.file = file;
        this.header = header == null ? "auto" : header.toLowerCase(Locale.ROOT);
        this.delimiter = delimiter;
        this.skipBadRows = skipBadRows;
        this.labelOption = labelOption;
        this.completeRows = completeRows;
        this.gatherFacts = gatherFacts;
        this.listener = listener;
    }

    /**
     * Scans {@code file} with the facts of every column, tracking the label facts of the column that
     * {@code labelOption} names (as {@link StreamedTable#column}). {@code header} is "auto", "true" or
     * "false"; {@code delimiter} null to detect it; {@code completeRows} 0 to read the whole file.
     */
    public static StreamedTable read(Path file, String header, String delimiter, boolean skipBadRows,
                                     String labelOption, int completeRows, ProgressListener listener)
            throws DatasetException {
        return new TableScan(file, header, delimiter, skipBadRows, labelOption, completeRows, true, listener)
                .scan();
    }

    /** Scans only the structure of {@code file} (columns, rows, notes), for a file that is encoded, not planned. */
    public static StreamedTable structure(Path file, String header, String delimiter, boolean skipBadRows,
                                          ProgressListener listener) throws DatasetException {
        return new TableScan(file, header, delimiter, skipBadRows, "last", 0, false, listener).scan();
    }

    private StreamedTable scan() throws DatasetException {
        TextFile.Encoding encoding = TextFile.sniff(file);
        try {
            try {
                return scan(encoding);
            } catch (CharacterCodingException e) {
                if (!encoding.strict()) {
                    throw e;
                }
                return scan(encoding.fallback(file));
            }
        } catch (IOException e) {
            throw TextFile.unreadable(file, e);
        }
    }

    private StreamedTable scan(TextFile.Encoding encoding) throws IOException, DatasetException {
        long size = Files.size(file);
        CsvDialect dialect = CsvDialect.choose(delimiter, file, prefix(encoding));
        Pass pass = new Pass(encoding, dialect, size, null, 0, -2);
        pass.run("Reading");
        int width = Math.max(1, pass.lastNonBlank + 1);
        List<String> notes = new ArrayList<>(encoding.notes());
        List<String> columns = names(pass.headerRow, pass.hasHeader, width, notes);
        int label = labelOption == null ? -1 : StreamedTable.find(labelOption, columns);
        if (pass.otherWidths || width < pass.firstWidth || label != pass.labelColumn) {
            pass = new Pass(encoding, dialect, size, pass.hasHeader, width, label);
            pass.run("Reading again");
        }
        List<String> all = new ArrayList<>();
        if (pass.records.blankLines() > 0) {
            int blank = pass.records.blankLines();
            all.add(CsvTable.count(blank, "empty line") + " in " + file.getFileName() + " " + (blank == 1 ? "was"
                    : "were") + " skipped.");
        }
        if (width < pass.firstWidth) {
            all.add(TrailingColumns.note(file, dialect, pass.firstWidth - width));
        }
        notes.addAll(encoding.notes().size(), all);
        if (pass.badRows > 0) {
            notes.add(CsvTable.count(pass.badRows, "row") + " of " + file.getFileName() + " had another number "
                    + "of values than the " + width + " columns and " + (pass.badRows == 1 ? "was" : "were")
                    + " skipped: " + CsvTable.lines(pass.badLines) + (pass.badRows > pass.badLines.size()
                    ? " and " + (pass.badRows - pass.badLines.size()) + " more" : "") + ".");
        }
        if (pass.rows == 0) {
            throw DatasetException.inFile(file, "The file " + file + " has " + (pass.hasHeader ? "a header but "
                    : "") + "no rows of data. Add one row per example" + (pass.hasHeader ? " below the header" : "")
                    + ".", null);
        }
        List<LeftOut> skipped = pass.badRows == 0 ? List.of() : List.of(new LeftOut(LeftOutReason.BAD_ROW,
                pass.badRows, pass.badLines.stream().map(line -> file.getFileName() + " line " + line).toList()));
        return new StreamedTable(file, size, encoding, dialect, pass.hasHeader, pass.firstWidth, columns, pass.rows,
                pass.stopped ? pass.lastLine : 0, notes, pass.facts, pass.firstRows, skipped);
    }

    /** The first lines of the file, enough for {@link CsvDialect#choose}. */
    private String prefix(TextFile.Encoding encoding) throws IOException {
        StringBuilder text = new StringBuilder();
        try (InputStream in = Files.newInputStream(file); Reader reader = encoding.reader(in)) {
            char[] buffer = new char[8192];
            int breaks = 0;
            int n;
            while (breaks <= 2 * DIALECT_LINES + 2 && text.length() < DIALECT_CHARS && (n = reader.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    breaks += buffer[i] == '\n' || buffer[i] == '\r' ? 1 : 0;
                }
                text.append(buffer, 0, n);
            }
        }
        return text.toString();
    }

    /** The column names from the header (cut to 80 characters, with a note) or "column 1", "column 2", .... */
    private List<String> names(List<String> headerRow, boolean hasHeader, int width, List<String> notes) {
        List<String> columns = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            String name = hasHeader ? headerRow.get(c).trim() : "";
            if (name.length() > Values.QUOTED_CHARS) {
                if (notes != null) {
                    notes.add(String.format(Locale.ROOT, "The name of column %d in %s is %,d characters long (is "
                            + "a quote missing?); it is shown cut to %d characters.", c + 1, file.getFileName(),
                            name.length(), Values.QUOTED_CHARS));
                }
                name = name.substring(0, Values.QUOTED_CHARS) + "…";
            }
            columns.add(name.isEmpty() ? "column " + (c + 1) : name);
        }
        return columns;
    }

    /**
     * One pass over the records. With {@code knownWidth} 0 it learns the table's width and takes the rows as
     * wide as the first one; otherwise it takes the rows that {@link StreamedTable#fits} and fails on (or
     * skips) the others. {@code labelColumn} -2 finds the label among the provisional names.
     */
    private final class Pass {
        private final TextFile.Encoding encoding;
        private final CsvDialect dialect;
        private final long size;
        private final int knownWidth;
        boolean hasHeader;
        private final Boolean headerKnown;
        int labelColumn;
        CsvRecordReader records;
        List<String> headerRow;
        CsvRow first;
        int firstWidth;
        int lastNonBlank = -1;
        boolean otherWidths;
        int rows;
        int badRows;
        final List<Long> badLines = new ArrayList<>();
        ColumnFacts[] facts;
        final List<List<String>> firstRows = new ArrayList<>();
        private int complete;
        boolean stopped;
        long lastLine;

        Pass(TextFile.Encoding encoding, CsvDialect dialect, long size, Boolean headerKnown, int knownWidth,
             int labelColumn) {
            this.encoding = encoding;
            this.dialect = dialect;
            this.size = size;
            this.headerKnown = headerKnown;
            this.knownWidth = knownWidth;
            this.labelColumn = labelColumn;
        }

        void run(String verb) throws IOException, DatasetException {
            ByteProgress progress = new ByteProgress(listener, verb, file, size);
            try (InputStream in = progress.count(Files.newInputStream(file)); Reader reader = encoding.reader(in)) {
                records = new CsvRecordReader(reader, dialect.delimiter(), dialect.quoting(), file);
                List<CsvRow> sample = new ArrayList<>();
                List<String> fields = new ArrayList<>();
                boolean more;
                while ((more = records.next(fields)) && sample.size() < HEADER_SAMPLE) {
                    sample.add(new CsvRow(records.rowLine(), fields));
                }
                if (sample.isEmpty()) {
                    throw DatasetException.inFile(file, "The file " + file + " is empty: it holds no rows of data. "
                            + "Choose the file that holds your table, or save the table into it again.", null);
                }
                start(sample);
                boolean go = true;
                for (int r = 0; r < sample.size() && go; r++) {
                    go = take(r, sample.get(r).line(), sample.get(r).fields());
                }
                long index = sample.size();
                if (more && go) {
                    do {
                        go = take(index++, records.rowLine(), fields);
                        if ((index & 1023) == 0) {
                            progress.poll();
                        }
                    } while (go && records.next(fields));
                }
                progress.report();
            }
        }

        private void start(List<CsvRow> sample) {
            first = sample.get(0);
            firstWidth = first.size();
            hasHeader = headerKnown != null ? headerKnown : switch (header) {
                case "true", "yes" -> true;
                case "false", "no" -> false;
                default -> HeaderGuess.looksLikeHeader(sample);
            };
            headerRow = first.fields();
            int width = knownWidth > 0 ? knownWidth : firstWidth;
            if (labelColumn == -2) {
                labelColumn = labelOption == null ? -1 : StreamedTable.find(labelOption,
                        names(headerRow, hasHeader, width, null));
            }
            if (gatherFacts) {
                facts = new ColumnFacts[width];
                for (int c = 0; c < width; c++) {
                    facts[c] = new ColumnFacts(c == labelColumn);
                }
            }
        }

        /** Takes record {@code index}; false to stop. */
        private boolean take(long index, long line, List<String> fields) throws DatasetException {
            for (int c = Math.min(fields.size(), firstWidth) - 1; c > lastNonBlank; c--) {
                if (!fields.get(c).isBlank()) {
                    lastNonBlank = c;
                    break;
                }
            }
            if (index == 0 && hasHeader) {
                return true;
            }
            int width = knownWidth > 0 ? knownWidth : firstWidth;
            boolean fits = knownWidth > 0 ? StreamedTable.fits(fields, width, firstWidth) : fields.size() == width;
            if (!fits) {
                if (knownWidth == 0) {
                    otherWidths = true;
                    return true;
                }
                if (!skipBadRows) {
                    throw ragged(new CsvRow(line, fields), width);
                }
                if (badLines.size() < 5) {
                    badLines.add(line);
                }
                badRows++;
                return true;
            }
            rows++;
            if (firstRows.size() < PREVIEW_ROWS) {
                firstRows.add(List.copyOf(fields.subList(0, width)));
            }
            if (facts == null) {
                return true;
            }
            boolean full = true;
            for (int c = 0; c < width; c++) {
                String cell = fields.get(c);
                full &= facts[c].values == 0 || !Values.isMissing(cell);
                facts[c].add(cell, line);
            }
            complete += full ? 1 : 0;
            if (completeRows > 0 && complete >= completeRows) {
                stopped = true;
                lastLine = line;
                return false;
            }
            return true;
        }

        private DatasetException ragged(CsvRow row, int width) {
            String reference = hasHeader ? "the header (line " + first.line() + ") names " + width + " columns"
                    : "the first row (line " + first.line() + ") has " + width + " values";
            return DatasetException.atLine(file, row.line(), "Line " + row.line() + " of " + file + " has "
                    + row.size() + " value(s) separated by " + dialect.describe() + "s, but " + reference + ". Fix "
                    + "that line (a missing or extra " + dialect.describe() + ", or a value with a "
                    + dialect.describe() + " that needs quotes), or set the option 'bad-rows' to \"skip\" to leave "
                    + "such rows out.");
        }
    }
}
