package org.layerloom.engine.data.csv;

import java.nio.file.Path;
import java.util.Locale;
import org.layerloom.engine.data.DatasetException;

/**
 * Refuses a table whose numbers will not fit into the heap before the arrays are made, and words the message
 * for a table that ran out of memory anyway: the file, its size, what it needs and what to do. Stateless; any
 * thread.
 */
final class TableMemory {

    /** The encoded features (split and normalised in place) and room for the per-row arrays and garbage. */
    private static final int COPIES = 2;
    private static final long MAX_CELLS = Integer.MAX_VALUE - 16;

    private TableMemory() {
    }

    /** Fails when {@code rows × width} input values cannot be held with their copies in this heap. */
    static void check(StreamedTable table, long rows, int width) throws DatasetException {
        long cells = rows * width;
        long needed = cells * Float.BYTES * COPIES;
        if (cells > MAX_CELLS || needed > Runtime.getRuntime().maxMemory()) {
            throw DatasetException.inFile(table.file(), String.format(Locale.ROOT, "The table %s (%s) gives %,d "
                    + "rows of %,d input values, which need about %s of memory, but LayerLoom may use only %s. %s",
                    table.file(), megabytes(table.size()), rows, width, megabytes(needed),
                    megabytes(Runtime.getRuntime().maxMemory()), ADVICE), null);
        }
    }

    /** The message for a table that ran out of memory while it was read. */
    static DatasetException outOfMemory(Path file, long size) {
        return DatasetException.inFile(file, String.format(Locale.ROOT, "The table %s (%s) does not fit into the "
                + "memory LayerLoom may use (%s). %s", file, megabytes(size),
                megabytes(Runtime.getRuntime().maxMemory()), ADVICE), null);
    }

    private static final String ADVICE = "Read fewer rows (the training option --limit, or a smaller sample of "
            + "the table), use fewer columns (the option 'features'), or start LayerLoom with more memory (the Java "
            + "option -Xmx, for example -Xmx4g).";

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", Math.max(1, Math.round(bytes / 1048576.0)));
    }
}
