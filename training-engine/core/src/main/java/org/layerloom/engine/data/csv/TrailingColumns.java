package org.layerloom.engine.data.csv;

import java.nio.file.Path;
import java.util.List;

/**
 * Drops the unnamed columns at the end of a table that hold nothing in any row, as lines that end with the
 * delimiter make ({@code a,b,species,}). Stateless; any thread.
 */
final class TrailingColumns {

    private TrailingColumns() {
    }

    /**
     * Cuts the empty trailing fields off the rows in {@code all} (the header, if any, first) and returns the
     * number of columns left: the first row's width less the trailing columns blank in every row; at least one.
     * Rows are left as they are when no column is dropped (a longer row then stays an error of its own).
     */
    static int drop(List<CsvRow> all) {
        int first = all.get(0).size();
        int width = first;
        while (width > 1 && blankFrom(all, width - 1)) {
            width--;
        }
        if (width == first) {
            return width;
        }
        for (int r = 0; r < all.size(); r++) {
            CsvRow row = all.get(r);
            if (row.size() > width && row.fields().subList(width, row.size()).stream().allMatch(String::isBlank)) {
                all.set(r, new CsvRow(row.line(), row.fields().subList(0, width)));
            }
        }
        return width;
    }

    /** The note for the report when {@code dropped} columns were left out. */
    static String note(Path file, CsvDialect dialect, int dropped) {
        boolean one = dropped == 1;
        return "The lines of " + file.getFileName() + " end with " + (one ? "a " : "") + dialect.describe()
                + (one ? "" : "s") + ", which makes " + CsvTable.count(dropped, "empty column") + " without a name "
                + "at the end; " + (one ? "it was" : "they were") + " left out.";
    }

    private static boolean blankFrom(List<CsvRow> all, int column) {
        for (CsvRow row : all) {
            if (row.size() > column && !row.get(column).isBlank()) {
                return false;
            }
        }
        return true;
    }
}
