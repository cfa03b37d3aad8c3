package org.layerloom.engine.data.csv;

import java.util.Locale;
import java.util.Optional;
import org.layerloom.engine.data.DatasetException;

/**
 * The number-style detection of the whole-file reader as it was before tables streamed, over {@link CsvTable}
 * rows: the reference that {@link StreamingEquivalenceTest} compares the streaming reader with. Tests only.
 */
final class LegacyNumberStyle {

    private LegacyNumberStyle() {
    }

    /**
     * The style that reads every non-missing value of {@code column}, or empty when the column is not numbers.
     * Fails, naming the column, when the values fit two styles that nothing decides between, or mix styles.
     */
    static Optional<NumberStyle.Detected> detect(CsvTable table, int column) throws DatasetException {
        Fit fit = fit(table, column);
        if (fit == null) {
            return Optional.empty();
        }
        String name = table.columns().get(column);
        if (fit.plain) {
            return Optional.of(new NumberStyle.Detected(NumberStyle.PLAIN, Optional.empty()));
        }
        if (fit.decimal != fit.thousands) {
            NumberStyle style = fit.decimal ? NumberStyle.DECIMAL_COMMA : NumberStyle.THOUSANDS_COMMA;
            return Optional.of(new NumberStyle.Detected(style, Optional.of(note(table, name, style, fit.example, ""))));
        }
        if (fit.decimal) {
            NumberStyle hint = fileHint(table, column);
            if (hint != null) {
                return Optional.of(new NumberStyle.Detected(hint, Optional.of(note(table, name, hint, fit.example,
                        " (as the file's other columns do)"))));
            }
            if (table.dialect().delimiter() == ',') {
                return Optional.of(new NumberStyle.Detected(NumberStyle.THOUSANDS_COMMA, Optional.of(note(table, name, NumberStyle.THOUSANDS_COMMA,
                        fit.example, " (the values are quoted in a comma-separated file)"))));
            }
            Double asDecimal = NumberStyle.DECIMAL_COMMA.parse(fit.example);
            Double asThousands = NumberStyle.THOUSANDS_COMMA.parse(fit.example);
            throw DatasetException.inFile(table.file(), "The column '" + name + "' of " + table.file() + " holds "
                    + "numbers like " + Values.quote(fit.example) + " that could mean " + number(asDecimal)
                    + " (a decimal comma) or " + number(asThousands) + " (a comma between thousands), and nothing "
                    + "else in the file tells which. Save the table with a point for decimals and no thousands "
                    + "separators (for example, export it as CSV with the spreadsheet set to English), then load "
                    + "it again.", null);
        }
        throw DatasetException.inFile(table.file(), "The column '" + name + "' of " + table.file() + " writes "
                + "its numbers in different ways: " + (fit.other == null ? Values.quote(fit.example) + " and the "
                + "other values" : Values.quote(fit.example) + " and " + Values.quote(fit.other)) + " cannot all "
                + "be read with a decimal comma, nor all with commas between thousands. Write every "
                + "number of the column one way, with a point for decimals and no thousands separators, then "
                + "load it again.", null);
    }

    /** Which styles read every value; null when some value is no number in any style, or none is given. */
    private record Fit(boolean plain, boolean decimal, boolean thousands, String example, String other) {
    }

    private static Fit fit(CsvTable table, int column) {
        boolean plain = true;
        boolean decimal = true;
        boolean thousands = true;
        String example = null;
        String notThousands = null;
        String notDecimal = null;
        int values = 0;
        for (CsvRow row : table.rows()) {
            String v = row.get(column).trim();
            if (Values.isMissing(v)) {
                continue;
            }
            values++;
            boolean p = NumberStyle.PLAIN.parse(v) != null;
            boolean d = NumberStyle.DECIMAL_COMMA.parse(v) != null;
            boolean t = NumberStyle.THOUSANDS_COMMA.parse(v) != null;
            if (!p && !d && !t) {
                return null;
            }
            if (example == null && v.indexOf(',') >= 0) {
                example = v;
            }
            if (notThousands == null && !t) {
                notThousands = v;
            }
            if (notDecimal == null && !d) {
                notDecimal = v;
            }
            plain &= p;
            decimal &= d;
            thousands &= t;
        }
        if (values == 0) {
            return null;
        }
        if (!plain && !decimal && !thousands) {
            String other = notDecimal.equals(notThousands) ? example : notDecimal;
            return new Fit(false, false, false, notThousands, notThousands.equals(other) ? null : other);
        }
        if (!plain && example == null) {
            example = firstValue(table, column);
        }
        return new Fit(plain, decimal, thousands, example, null);
    }

    private static String firstValue(CsvTable table, int column) {
        return table.rows().stream().map(r -> r.get(column).trim()).filter(v -> !Values.isMissing(v)
                && NumberStyle.PLAIN.parse(v) == null).findFirst().orElse("");
    }

    /** The comma style that some other column of the table shows beyond doubt, or null. */
    private static NumberStyle fileHint(CsvTable table, int column) {
        for (int c = 0; c < table.columns().size(); c++) {
            if (c == column) {
                continue;
            }
            Fit fit = fit(table, c);
            if (fit != null && !fit.plain && fit.decimal != fit.thousands) {
                return fit.decimal ? NumberStyle.DECIMAL_COMMA : NumberStyle.THOUSANDS_COMMA;
            }
        }
        return null;
    }

    private static String note(CsvTable table, String name, NumberStyle style, String example, String why) {
        return "The column '" + name + "' of " + table.file().getFileName() + " writes numbers with "
                + style.describe() + why + "; they were read as numbers (" + Values.quote(example) + " as "
                + number(style.parse(example)) + ").";
    }

    private static String number(Double d) {
        if (d == null) {
            return "?";
        }
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%d", d.longValue())
                : String.valueOf(d);
    }
}
