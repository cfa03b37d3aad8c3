package org.layerloom.engine.data.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.layerloom.engine.data.DatasetException;

/**
 * The encoder of the whole-file reader as it was before tables streamed (the reference for
 * {@link StreamingEquivalenceTest}; tests only). Decides, from the training table, how each chosen column becomes numbers (numeric or one-hot categories,
 * the class names of the label), then encodes tables with that plan. Rows with a missing value in a used
 * column are dropped and counted per column (or, with {@code missingIsError}, reported as an error naming the
 * line). A text value in a column of numbers is an error naming the line. Numbers written with a decimal comma
 * or commas between thousands are read in the column's {@link NumberStyle}, noted in {@link #notes}; an empty
 * column is refused by name. Immutable after {@link #plan}; any thread.
 */
final class LegacyTableEncoder {

    /** A column with more categories than this is refused: it is likely an id or free text. */
    static final int MAX_CATEGORIES = TableEncoder.MAX_CATEGORIES;
    private static final double NUMERIC_SHARE = 0.8;

    private final List<String> columnNames;
    private final int[] featureColumns;
    private final ColumnKind[] kinds;
    private final int labelColumn;
    private final List<String> classNames;
    private final boolean missingIsError;
    private final NumberStyle[] styles;
    private final List<String> notes;

    private LegacyTableEncoder(List<String> columnNames, int[] featureColumns, ColumnKind[] kinds, int labelColumn,
                         List<String> classNames, boolean missingIsError, NumberStyle[] styles, List<String> notes) {
        this.styles = styles;
        this.notes = List.copyOf(notes);
        this.columnNames = columnNames;
        this.featureColumns = featureColumns;
        this.kinds = kinds;
        this.labelColumn = labelColumn;
        this.classNames = classNames;
        this.missingIsError = missingIsError;
    }

    /**
     * Plans the encoding of {@code table}.
     *
     * @param classification true to predict a class, false to predict the label column's number
     */
    static LegacyTableEncoder plan(CsvTable table, int[] featureColumns, int labelColumn, boolean classification,
                                    boolean missingIsError) throws DatasetException {
        ColumnKind[] kinds = new ColumnKind[featureColumns.length];
        NumberStyle[] styles = new NumberStyle[table.columns().size()];
        java.util.Arrays.fill(styles, NumberStyle.PLAIN);
        List<String> notes = new ArrayList<>();
        for (int k = 0; k < featureColumns.length; k++) {
            kinds[k] = kindOf(table, featureColumns[k], styles, notes);
        }
        if (!classification) {
            Optional<NumberStyle.Detected> style = LegacyNumberStyle.detect(table, labelColumn);
            if (style.isPresent()) {
                styles[labelColumn] = style.get().style();
                style.get().note().ifPresent(notes::add);
            }
        }
        List<String> classNames = List.of();
        if (classification) {
            classNames = classNames(table, labelColumn);
            if (classNames.isEmpty()) {
                throw DatasetException.inFile(table.file(), "The label column '" + table.columns().get(labelColumn)
                        + "' of " + table.file() + " is empty in every row, so there is nothing to predict. Choose "
                        + "the column to predict with the option 'label' (without it, the last column is used).",
                        null);
            }
            if (classNames.size() < 2) {
                throw DatasetException.inFile(table.file(), "The label column '" + table.columns().get(labelColumn)
                        + "' of " + table.file() + " holds only one class (" + (classNames.isEmpty() ? "no values"
                        : Values.quote(classNames.get(0))) + "). A classifier needs at least two classes; "
                        + "choose another label column with the option 'label'.", null);
            }
        }
        return new LegacyTableEncoder(table.columns(), featureColumns, kinds, labelColumn, classNames, missingIsError,
                styles, notes);
    }

    /**
     * Whether the label column looks like classes: text, or at most 20 distinct whole numbers (in the number
     * style the column uses). Fails when the column's number style cannot be told.
     */
    public static boolean looksLikeClasses(CsvTable table, int labelColumn) throws DatasetException {
        NumberStyle style = LegacyNumberStyle.detect(table, labelColumn).map(NumberStyle.Detected::style)
                .orElse(NumberStyle.PLAIN);
        TreeSet<String> distinct = new TreeSet<>();
        for (CsvRow row : table.rows()) {
            String v = row.get(labelColumn).trim();
            if (Values.isMissing(v)) {
                continue;
            }
            Double d = style.parse(v);
            if (d != null && d != Math.rint(d)) {
                return false;
            }
            if (d == null) {
                return true;
            }
            distinct.add(v);
        }
        return distinct.size() <= 20;
    }

    /** Notes from planning, such as the number style detected for a column; once per dataset. */
    public List<String> notes() {
        return notes;
    }

    public List<String> classNames() {
        return classNames;
    }

    public boolean isClassification() {
        return !classNames.isEmpty();
    }

    /** The names of the input values, e.g. "petal length" or "colour=red". */
    public List<String> featureNames() {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < featureColumns.length; k++) {
            String column = columnNames.get(featureColumns[k]);
            if (kinds[k] instanceof ColumnKind.Categorical cat) {
                cat.categories().forEach(c -> names.add(column + "=" + c));
            } else {
                names.add(column);
            }
        }
        return names;
    }

    public ColumnKind kind(int featureIndex) {
        return kinds[featureIndex];
    }

    /** Encodes the rows of {@code table}, which must have the planned columns. */
    public EncodedTable encode(CsvTable table) throws DatasetException {
        Path file = table.file();
        List<String> names = featureNames();
        int width = names.size();
        boolean[] numeric = new boolean[width];
        int at = 0;
        for (ColumnKind kind : kinds) {
            if (kind.width() > 0) {
                numeric[at] = kind instanceof ColumnKind.Numeric;
            }
            at += kind.width();
        }
        int n = table.rows().size();
        float[] features = new float[n * width];
        int[] classes = new int[n];
        float[] targets = new float[n];
        Map<String, List<Long>> missing = new LinkedHashMap<>();
        Map<String, Integer> unknownCategories = new LinkedHashMap<>();
        int kept = 0;
        rows:
        for (CsvRow row : table.rows()) {
            int[] used = usedColumns();
            for (int c : used) {
                if (Values.isMissing(row.get(c))) {
                    if (missingIsError) {
                        throw DatasetException.atLine(file, row.line(), "Line " + row.line() + " of " + file
                                + " has no value in the column '" + columnNames.get(c) + "'. Fill it in, or set "
                                + "the option 'missing' to \"drop\" to leave out rows with missing values.");
                    }
                    missing.computeIfAbsent(columnNames.get(c), k -> new ArrayList<>()).add(row.line());
                    continue rows;
                }
            }
            int base = kept * width;
            int offset = 0;
            for (int k = 0; k < featureColumns.length; k++) {
                String cell = row.get(featureColumns[k]).trim();
                if (kinds[k] instanceof ColumnKind.Categorical cat) {
                    int index = cat.categories().indexOf(cell);
                    if (index >= 0) {
                        features[base + offset + index] = 1;
                    } else {
                        unknownCategories.merge(columnNames.get(featureColumns[k]), 1, Integer::sum);
                    }
                } else {
                    features[base + offset] = (float) number(file, row, featureColumns[k]);
                }
                offset += kinds[k].width();
            }
            String label = row.get(labelColumn).trim();
            if (isClassification()) {
                int c = classNames.indexOf(label);
                if (c < 0) {
                    throw DatasetException.atLine(file, row.line(), "Line " + row.line() + " of " + file
                            + " has the class " + Values.quote(label) + ", which the training data does not "
                            + "have (its classes are " + classNames.stream().map(Values::quote)
                            .collect(java.util.stream.Collectors.joining(", ")) + ").");
                }
                classes[kept] = c;
            } else {
                targets[kept] = (float) number(file, row, labelColumn);
            }
            kept++;
        }
        List<String> notes = new ArrayList<>();
        if (!missing.isEmpty()) {
            int dropped = n - kept;
            StringBuilder note = new StringBuilder(CsvTable.count(dropped, "row") + " of " + file.getFileName()
                    + " had missing values and " + (dropped == 1 ? "was" : "were") + " left out (");
            boolean first = true;
            for (Map.Entry<String, List<Long>> e : missing.entrySet()) {
                note.append(first ? "" : "; ").append("'").append(e.getKey()).append("': ")
                        .append(e.getValue().size()).append(", ").append(CsvTable.lines(e.getValue()));
                first = false;
            }
            notes.add(note.append(").").toString());
        }
        unknownCategories.forEach((column, count) -> notes.add(CsvTable.count(count, "row") + " of "
                + file.getFileName() + " have a value in '" + column + "' that the training data does not have; "
                + "those inputs are all 0."));
        if (kept == 0) {
            throw DatasetException.inFile(file, "Every row of " + file + " misses a value in a chosen column, so "
                    + "nothing is left to learn from.", null);
        }
        return new EncodedTable(java.util.Arrays.copyOf(features, kept * width), java.util.Arrays.copyOf(classes,
                kept), java.util.Arrays.copyOf(targets, kept), names, numeric, kept, notes, List.of());
    }

    private int[] usedColumns() {
        int[] used = java.util.Arrays.copyOf(featureColumns, featureColumns.length + 1);
        used[featureColumns.length] = labelColumn;
        return used;
    }

    private double number(Path file, CsvRow row, int column) throws DatasetException {
        Double d = styles[column].parse(row.get(column));
        if (d == null) {
            throw DatasetException.atLine(file, row.line(), "Line " + row.line() + " of " + file + " has "
                    + Values.quote(row.get(column)) + " in the column '" + columnNames.get(column) + "', which holds "
                    + "numbers. Correct the value, or leave the row out by making the cell empty.");
        }
        return d;
    }

    private static ColumnKind kindOf(CsvTable table, int column, NumberStyle[] styles, List<String> notes)
            throws DatasetException {
        int numbers = 0;
        int values = 0;
        CsvRow firstText = null;
        TreeSet<String> categories = new TreeSet<>();
        for (CsvRow row : table.rows()) {
            String v = row.get(column).trim();
            if (Values.isMissing(v)) {
                continue;
            }
            values++;
            if (Values.isNumber(v)) {
                numbers++;
            } else if (firstText == null) {
                firstText = row;
            }
            if (categories.size() <= MAX_CATEGORIES) {
                categories.add(v);
            }
        }
        String name = table.columns().get(column);
        if (values == 0) {
            throw DatasetException.inFile(table.file(), "The column '" + name + "' of " + table.file() + " is "
                    + "empty in every row, so there is nothing to learn from it. Leave it out of the option "
                    + "'features'.", null);
        }
        if (numbers == values) {
            return new ColumnKind.Numeric();
        }
        Optional<NumberStyle.Detected> style = LegacyNumberStyle.detect(table, column);
        if (style.isPresent()) {
            styles[column] = style.get().style();
            style.get().note().ifPresent(notes::add);
            return new ColumnKind.Numeric();
        }
        if (numbers >= NUMERIC_SHARE * values) {
            throw DatasetException.atLine(table.file(), firstText.line(), String.format(Locale.ROOT,
                    "The column '%s' of %s holds numbers (%,d of %,d values), but line %d has %s. Correct "
                            + "that value, or make the cell empty to mark it as missing.", name, table.file(),
                    numbers, values, firstText.line(), Values.quote(firstText.get(column))));
        }
        if (categories.size() > MAX_CATEGORIES) {
            throw DatasetException.inFile(table.file(), "The column '" + name + "' of " + table.file() + " holds "
                    + "more than " + MAX_CATEGORIES + " different texts, too many to use as categories (it may be a "
                    + "name or an id). Leave it out with the option 'features'.", null);
        }
        int withDigits = (int) categories.stream().filter(v -> v.chars().anyMatch(Character::isDigit)).count();
        if (categories.size() > 2 && withDigits >= NUMERIC_SHARE * categories.size()) {
            notes.add("The column '" + name + "' of " + table.file().getFileName() + " holds values that look like "
                    + "numbers but are not read as numbers (such as " + Values.quote(categories.first()) + "), so "
                    + "it became " + categories.size() + " categories, one input each. If it means amounts, write "
                    + "them as plain numbers (no units or currency signs, a point for decimals).");
        }
        return new ColumnKind.Categorical(new ArrayList<>(categories));
    }

    private static List<String> classNames(CsvTable table, int column) {
        TreeSet<String> names = new TreeSet<>(LegacyTableEncoder::compareLabels);
        for (CsvRow row : table.rows()) {
            String v = row.get(column).trim();
            if (!Values.isMissing(v)) {
                names.add(v);
            }
        }
        return new ArrayList<>(names);
    }

    /** Numbers in numeric order, then text alphabetically. */
    private static int compareLabels(String a, String b) {
        Double x = Values.parse(a);
        Double y = Values.parse(b);
        if (x != null && y != null) {
            int c = Double.compare(x, y);
            return c != 0 ? c : a.compareTo(b);
        }
        if (x != null || y != null) {
            return x != null ? -1 : 1;
        }
        return a.compareTo(b);
    }
}
