package org.layerloom.engine.data.csv;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Guesses whether the first row of a table names its columns: yes when some column holds text in the first
 * row but numbers below it, or when every first-row value is text that never appears again in its column.
 * Stateless; any thread.
 */
final class HeaderGuess {

    private static final int SAMPLE = 200;

    private HeaderGuess() {
    }

    static boolean looksLikeHeader(List<CsvRow> rows) {
        if (rows.size() < 2) {
            return rows.size() == 1 && rows.get(0).fields().stream().noneMatch(Values::isNumber);
        }
        CsvRow first = rows.get(0);
        int width = first.size();
        boolean allText = true;
        boolean allUnique = true;
        for (int c = 0; c < width; c++) {
            String head = first.get(c).trim();
            boolean headNumeric = NumberStyle.looksNumeric(head);
            allText &= !headNumeric && !Values.isMissing(head);
            int numeric = 0;
            int seen = 0;
            Set<String> below = new HashSet<>();
            for (int r = 1; r < Math.min(rows.size(), SAMPLE); r++) {
                CsvRow row = rows.get(r);
                if (row.size() != width) {
                    continue;
                }
                String v = row.get(c).trim();
                below.add(v);
                if (!Values.isMissing(v)) {
                    seen++;
                    numeric += NumberStyle.looksNumeric(v) ? 1 : 0;
                }
            }
            if (!headNumeric && !Values.isMissing(head) && seen > 0 && numeric == seen) {
                return true;
            }
            allUnique &= !below.contains(head);
        }
        return allText && allUnique;
    }
}
