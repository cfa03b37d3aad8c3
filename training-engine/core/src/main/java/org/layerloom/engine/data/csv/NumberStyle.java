package org.layerloom.engine.data.csv;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.layerloom.engine.data.DatasetException;

/**
 * How a column writes its numbers: plainly ("5.3", "1e3"), with a decimal comma ("5,3", "1.234,5") or with
 * commas between thousands ("39,714", "1,234.5"). {@link #detect} picks the one that reads every value of a
 * column; when both comma styles read all of them ("1,234"), the file's other columns decide, then a comma
 * delimiter (whose numbers needed quotes) means thousands; otherwise the column is refused with the fix, as is
 * a column that mixes styles. Stateless; any thread.
 */
public enum NumberStyle {
    PLAIN(null, "plain numbers"),
    DECIMAL_COMMA(Pattern.compile("[+-]?(\\d{1,3}(\\.\\d{3})+|\\d+)(,\\d+)?"), "a decimal comma"),
    THOUSANDS_COMMA(Pattern.compile("[+-]?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?"), "commas between thousands");

    private final Pattern pattern;
    private final String description;

    NumberStyle(Pattern pattern, String description) {
        this.pattern = pattern;
        this.description = description;
    }

    /** "a decimal comma", ... for messages. */
    public String describe() {
        return description;
    }

    /** The cell as a number in this style, or null. */
    public Double parse(String cell) {
        if (pattern == null) {
            return Values.parse(cell);
        }
        String t = cell.trim();
        if (!pattern.matcher(t).matches()) {
            return null;
        }
        String plain = this == DECIMAL_COMMA ? t.replace(".", "").replace(',', '.') : t.replace(",", "");
        return Values.parse(plain);
    }

    /** Whether the cell reads as a number in some style. */
    static boolean looksNumeric(String cell) {
        for (NumberStyle style : values()) {
            if (style.parse(cell) != null) {
                return true;
            }
        }
        return false;
    }

    /** A column's style and, when it is not plain, a note for the report. */
    public record Detected(NumberStyle style, Optional<String> note) {
    }

    /**
     * The style that reads every non-missing value of {@code column}, or empty when the column is not numbers.
     * Fails, naming the column, when the values fit two styles that nothing decides between, or mix styles.
     */
    public static Optional<Detected> detect(StreamedTable table, int column) throws DatasetException {
        Fit fit = fit(table, column);
        if (fit == null) {
            return Optional.empty();
        }
        String name = table.columns().get(column);
        if (fit.plain) {
            return Optional.of(new Detected(PLAIN, Optional.empty()));
        }
        if (fit.decimal != fit.thousands) {
            NumberStyle style = fit.decimal ? DECIMAL_COMMA : THOUSANDS_COMMA;
            return Optional.of(new Detected(style, Optional.of(note(table, name, style, fit.example, ""))));
        }
        if (fit.decimal) {
            NumberStyle hint = fileHint(table, column);
            if (hint != null) {
                return Optional.of(new Detected(hint, Optional.of(note(table, name, hint, fit.example,
                        " (as the file's other columns do)"))));
            }
            if (table.dialect().delimiter() == ',') {
                return Optional.of(new Detected(THOUSANDS_COMMA, Optional.of(note(table, name, THOUSANDS_COMMA,
                        fit.example, " (the values are quoted in a comma-separated file)"))));
            }
            Double asDecimal = DECIMAL_COMMA.parse(fit.example);
            Double asThousands = THOUSANDS_COMMA.parse(fit.example);
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

    private static Fit fit(StreamedTable table, int column) {
        ColumnFacts facts = table.facts(column);
        if (facts.notNumber || facts.values == 0) {
            return null;
        }
        if (!facts.plain && !facts.decimal && !facts.thousands) {
            String notThousands = facts.notThousands;
            String other = facts.notDecimal.equals(notThousands) ? facts.withComma : facts.notDecimal;
            return new Fit(false, false, false, notThousands, notThousands.equals(other) ? null : other);
        }
        String example = facts.withComma;
        if (!facts.plain && example == null) {
            example = facts.firstText == null ? "" : facts.firstText;
        }
        return new Fit(facts.plain, facts.decimal, facts.thousands, example, null);
    }

    /** The comma style that some other column of the table shows beyond doubt, or null. */
    private static NumberStyle fileHint(StreamedTable table, int column) {
        for (int c = 0; c < table.columns().size(); c++) {
            if (c == column) {
                continue;
            }
            Fit fit = fit(table, c);
            if (fit != null && !fit.plain && fit.decimal != fit.thousands) {
                return fit.decimal ? DECIMAL_COMMA : THOUSANDS_COMMA;
            }
        }
        return null;
    }

    private static String note(StreamedTable table, String name, NumberStyle style, String example, String why) {
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
