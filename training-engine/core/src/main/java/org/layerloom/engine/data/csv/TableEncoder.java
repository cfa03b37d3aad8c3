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
import org.layerloom.engine.data.LeftOutReason;
import org.layerloom.engine.data.LeftOutTally;
import org.layerloom.engine.data.ProgressListener;

/**
 * Decides, from the training table, how each chosen column becomes numbers (numeric or one-hot categories,
 * the class names of the label), then encodes tables with that plan. Rows with a missing value in a used
 * column are dropped and counted per column (or, with {@code missingIsError}, reported as an error naming the
 * line). A text value in a column of numbers is an error naming the line. Numbers written with a decimal comma
 * or commas between thousands are read in the column's {@link NumberStyle}, noted in {@link #notes}; an empty
 * column is refused by name. Immutable after {@link #plan}; any thread.
 */
public final class TableEncoder {

    /** A column with more categories than this is refused: it is likely an id or free text. */
    static final int MAX_CATEGORIES = 100;
    private static final double NUMERIC_SHARE = 0.8;

    private final List<String> columnNames;
    private final int[] featureColumns;
    private final ColumnKind[] kinds;
    private final int labelColumn;
    private final List<String> classNames;
    private final boolean missingIsError;
    private final NumberStyle[] styles;
    private final List<String> notes;

    private TableEncoder(List<String> columnNames, int[] featureColumns, ColumnKind[] kinds, int labelColumn,
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
    public static TableEncoder plan(StreamedTable table, int[] featureColumns, int labelColumn, boolean classification,
                                    boolean missingIsError) throws DatasetException {
        ColumnKind[] kinds = new ColumnKind[featureColumns.length];
        NumberStyle[] styles = new NumberStyle[table.columns().size()];
        java.util.Arrays.fill(styles, NumberStyle.PLAIN);
        List<String> notes = new ArrayList<>();
        for (int k = 0; k < featureColumns.length; k++) {
            kinds[k] = kindOf(table, featureColumns[k], styles, notes);
        }
        if (!classification) {
            Optional<NumberStyle.Detected> style = NumberStyle.detect(table, labelColumn);
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
        return new TableEncoder(table.columns(), featureColumns, kinds, labelColumn, classNames, missingIsError,
                styles, notes);
    }

    /**
     * Whether the label column looks like classes: text, or at most 20 distinct whole numbers (in the number
     * style the column uses). Fails when the column's number style cannot be told.
     */
    public static boolean looksLikeClasses(StreamedTable table, int labelColumn) throws DatasetException {
        NumberStyle style = NumberStyle.detect(table, labelColumn).map(NumberStyle.Detected::style)
                .orElse(NumberStyle.PLAIN);
        return labelFacts(table, labelColumn).looksLikeClasses(style);
    }

    private static ColumnFacts labelFacts(StreamedTable table, int labelColumn) {
        ColumnFacts facts = table.facts(labelColumn);
        if (!facts.isLabel()) {
            throw new IllegalStateException("the scan of " + table.file() + " tracked another label column");
        }
        return facts;
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

    /**
     * Encodes the rows of {@code table}, which must have the planned columns, reading the file again: the first
     * {@code maxRows} rows that have every used value (all of them with {@link Integer#MAX_VALUE}), so reading
     * stops once those are encoded. The features come in one array sized for the table's rows; rows left out for
     * missing values leave its end unused ({@link EncodedTable#rows()} says how many are filled).
     */
    public EncodedTable encode(StreamedTable table, int maxRows, ProgressListener progress)
            throws DatasetException {
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
        int n = Math.min(table.rows(), maxRows);
        TableMemory.check(table, n, width);
        RowEncoder rows = new RowEncoder(table.file(), new float[n * width], n, width);
        table.forEachRow("Encoding", progress, rows::encode);
        Path file = table.file();
        List<String> notes = new ArrayList<>();
        if (!rows.missing.isEmpty()) {
            StringBuilder note = new StringBuilder(CsvTable.count(rows.dropped, "row") + " of "
                    + file.getFileName() + " had missing values and " + (rows.dropped == 1 ? "was" : "were")
                    + " left out (");
            boolean first = true;
            for (Map.Entry<String, Lines> e : rows.missing.entrySet()) {
                note.append(first ? "" : "; ").append("'").append(e.getKey()).append("': ")
                        .append(e.getValue().count).append(", ").append(e.getValue().describe());
                first = false;
            }
            notes.add(note.append(").").toString());
        }
        rows.unknownCategories.forEach((column, count) -> notes.add(CsvTable.count(count, "row") + " of "
                + file.getFileName() + " have a value in '" + column + "' that the training data does not have; "
                + "those inputs are all 0."));
        if (rows.kept == 0) {
            throw DatasetException.inFile(file, "Every row of " + file + " misses a value in a chosen column, so "
                    + "nothing is left to learn from.", null);
        }
        int labelled = isClassification() ? rows.kept : 0;
        int[] classes = rows.classes.length == labelled ? rows.classes : java.util.Arrays.copyOf(rows.classes,
                labelled);
        int targeted = rows.kept - labelled;
        float[] targets = rows.targets.length == targeted ? rows.targets : java.util.Arrays.copyOf(rows.targets,
                targeted);
        return new EncodedTable(rows.features, classes, targets, names, numeric, rows.kept, notes,
                rows.leftOut.entries());
    }

    /** The first five lines and the count of something, for a note. */
    private static final class Lines {
        private final List<Long> first = new ArrayList<>();
        private int count;

        void add(long line) {
            if (first.size() < 5) {
                first.add(line);
            }
            count++;
        }

        String describe() {
            return CsvTable.lines(first) + (count > first.size() ? " and " + (count - first.size()) + " more" : "");
        }
    }

    /** Turns rows into numbers, one at a time, as {@link StreamedTable#forEachRow} hands them over. */
    private final class RowEncoder {
        private final Path file;
        final float[] features;
        final int[] classes;
        final float[] targets;
        private final int capacity;
        private final int width;
        private final int[] used = usedColumns();
        private final List<Map<String, Integer>> categoryIndex = new ArrayList<>();
        private final Map<String, Integer> classIndex = new java.util.HashMap<>();
        final Map<String, Lines> missing = new LinkedHashMap<>();
        final Map<String, Integer> unknownCategories = new LinkedHashMap<>();
        final LeftOutTally leftOut = new LeftOutTally();
        int kept;
        int dropped;

        RowEncoder(Path file, float[] features, int capacity, int width) {
            this.file = file;
            this.features = features;
            this.classes = new int[isClassification() ? capacity : 0];
            this.targets = new float[isClassification() ? 0 : capacity];
            this.capacity = capacity;
            this.width = width;
            for (ColumnKind kind : kinds) {
                Map<String, Integer> index = new java.util.HashMap<>();
                if (kind instanceof ColumnKind.Categorical cat) {
                    for (int i = 0; i < cat.categories().size(); i++) {
                        index.put(cat.categories().get(i), i);
                    }
                }
                categoryIndex.add(index);
            }
            for (int i = 0; i < classNames.size(); i++) {
                classIndex.put(classNames.get(i), i);
            }
        }

        /** Encodes one row; false once {@code capacity} rows are kept. */
        boolean encode(long line, List<String> row) throws DatasetException {
            for (int c : used) {
                if (Values.isMissing(row.get(c))) {
                    if (missingIsError) {
                        throw DatasetException.atLine(file, line, "Line " + line + " of " + file
                                + " has no value in the column '" + columnNames.get(c) + "'. Fill it in, or set "
                                + "the option 'missing' to \"drop\" to leave out rows with missing values.");
                    }
                    missing.computeIfAbsent(columnNames.get(c), k -> new Lines()).add(line);
                    leftOut.add(LeftOutReason.MISSING_VALUE, file.getFileName() + " line " + line);
                    dropped++;
                    return true;
                }
            }
            int base = kept * width;
            int offset = 0;
            for (int k = 0; k < featureColumns.length; k++) {
                String cell = row.get(featureColumns[k]);
                if (kinds[k] instanceof ColumnKind.Categorical) {
                    Integer index = categoryIndex.get(k).get(cell.trim());
                    if (index != null) {
                        features[base + offset + index] = 1;
                    } else {
                        unknownCategories.merge(columnNames.get(featureColumns[k]), 1, Integer::sum);
                    }
                } else {
                    features[base + offset] = (float) number(file, line, cell, featureColumns[k]);
                }
                offset += kinds[k].width();
            }
            String label = row.get(labelColumn).trim();
            if (isClassification()) {
                Integer c = classIndex.get(label);
                if (c == null) {
                    throw DatasetException.atLine(file, line, "Line " + line + " of " + file
                            + " has the class " + Values.quote(label) + ", which the training data does not "
                            + "have (its classes are " + classNames.stream().map(Values::quote)
                            .collect(java.util.stream.Collectors.joining(", ")) + ").");
                }
                classes[kept] = c;
            } else {
                targets[kept] = (float) number(file, line, row.get(labelColumn), labelColumn);
            }
            kept++;
            return kept < capacity;
        }
    }

    private int[] usedColumns() {
        int[] used = java.util.Arrays.copyOf(featureColumns, featureColumns.length + 1);
        used[featureColumns.length] = labelColumn;
        return used;
    }

    private double number(Path file, long line, String cell, int column) throws DatasetException {
        Double d = styles[column].parse(cell);
        if (d == null) {
            throw DatasetException.atLine(file, line, "Line " + line + " of " + file + " has "
                    + Values.quote(cell) + " in the column '" + columnNames.get(column) + "', which holds "
                    + "numbers. Correct the value, or leave the row out by making the cell empty.");
        }
        return d;
    }

    private static ColumnKind kindOf(StreamedTable table, int column, NumberStyle[] styles, List<String> notes)
            throws DatasetException {
        ColumnFacts facts = table.facts(column);
        int values = facts.values;
        int numbers = facts.numbers;
        TreeSet<String> categories = facts.categories;
        String name = table.columns().get(column);
        if (values == 0) {
            throw DatasetException.inFile(table.file(), "The column '" + name + "' of " + table.file() + " is "
                    + "empty in every row, so there is nothing to learn from it. Leave it out of the option "
                    + "'features'.", null);
        }
        if (numbers == values) {
            return new ColumnKind.Numeric();
        }
        Optional<NumberStyle.Detected> style = NumberStyle.detect(table, column);
        if (style.isPresent()) {
            styles[column] = style.get().style();
            style.get().note().ifPresent(notes::add);
            return new ColumnKind.Numeric();
        }
        if (numbers >= NUMERIC_SHARE * values) {
            throw DatasetException.atLine(table.file(), facts.firstTextLine, String.format(Locale.ROOT,
                    "The column '%s' of %s holds numbers (%,d of %,d values), but line %d has %s. Correct "
                            + "that value, or make the cell empty to mark it as missing.", name, table.file(),
                    numbers, values, facts.firstTextLine, Values.quote(facts.firstText)));
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

    private static List<String> classNames(StreamedTable table, int column) throws DatasetException {
        ColumnFacts facts = labelFacts(table, column);
        if (facts.labelOverflow) {
            throw DatasetException.inFile(table.file(), String.format(Locale.ROOT, "The label column '%s' of %s "
                    + "holds more than %,d different values, too many classes to predict. If it holds amounts, "
                    + "set the option 'task' to \"regression\"; otherwise choose another label column with the "
                    + "option 'label'.", table.columns().get(column), table.file(), ColumnFacts.LABEL_VALUES), null);
        }
        List<String> names = new ArrayList<>(facts.labels());
        names.sort(TableEncoder::compareLabels);
        return names;
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
