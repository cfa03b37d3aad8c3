package org.layerloom.engine.data.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.layerloom.engine.data.ClassLabels;
import org.layerloom.engine.data.DataFiles;
import org.layerloom.engine.data.DataUse;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.DatasetOptions;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.DatasetSource;
import org.layerloom.engine.data.DatasetTask;
import org.layerloom.engine.data.Labels;
import org.layerloom.engine.data.LeftOutTally;
import org.layerloom.engine.data.LoadReport;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.data.RegressionTargets;
import org.layerloom.engine.data.Splits;
import org.layerloom.engine.graph.TensorShape;

/**
 * The student's own table (id "csv"): a CSV or TSV file, one example per row. Options: "path" (the file,
 * relative to the project), "test-path" (a separate test file with the same columns; otherwise "test-ratio",
 * default 0.2, is held out, stratified for classes), "header" (auto, true, false), "delimiter" (detected when
 * absent), "label" (the column to predict, by name or number from 1; default the last), "features" (comma-
 * separated columns to learn from; default all others), "task" (auto, classification, regression),
 * "normalize" (standardize, minmax, none; fitted on the training split), "missing" (drop: leave out rows with
 * an empty value, counted in the report; error), "bad-rows" (error, skip). Columns empty in every row are left
 * out of the default features with a note; a feature column named like the label (ignoring case and spaces) is
 * refused, as it would give the network the answer. The file streams in two passes in bounded memory (see
 * {@link TableScan}), with progress in bytes; a training limit stops both passes early when the split takes
 * the first rows (a test file, or test ratio 0), and a table too large for the heap is refused with a clear
 * message, never an {@link OutOfMemoryError}. Stateless; any thread.
 */
public final class CsvSource implements DatasetSource {

    private static final List<String> OPTIONS = List.of("path", "test-path", "test-ratio", "header", "delimiter",
            "label", "features", "task", "normalize", "missing", "bad-rows");

    @Override
    public Dataset load(DatasetRequest request, ProgressListener progress) throws DatasetException {
        DatasetOptions options = request.options();
        options.requireKnown("CSV table", OPTIONS);
        Path file = DataFiles.require(request, "path", "A CSV table", "the table file (CSV or TSV)");
        Choices choices = Choices.of(options);
        OptionalInt limit = request.trainingLimit();
        boolean stopEarly = limit.isPresent() && (options.text("test-path").isPresent() || choices.testRatio() == 0);
        int maxRows = stopEarly ? limit.getAsInt() : Integer.MAX_VALUE;
        try {
            return load(request, progress, file, choices, maxRows);
        } catch (OutOfMemoryError e) {
            throw TableMemory.outOfMemory(file, file.toFile().length());
        }
    }

    /** The options that shape the reading, checked. */
    private record Choices(String header, String delimiter, boolean skipBad, boolean missingIsError,
                           String taskOption, Normalization normalization, double testRatio) {

        static Choices of(DatasetOptions options) throws DatasetException {
            return new Choices(options.choice("header", "auto", List.of("auto", "true", "false")),
                    options.text("delimiter").orElse(null),
                    options.choice("bad-rows", "error", List.of("error", "skip")).equals("skip"),
                    options.choice("missing", "drop", List.of("drop", "error")).equals("error"),
                    options.choice("task", "auto", List.of("auto", "classification", "regression")),
                    Normalization.of(options.choice("normalize", "standardize",
                            List.of("standardize", "minmax", "min-max", "none"))),
                    options.number("test-ratio", 0.2, 0, 0.9));
        }
    }

    /**
     * Reads the table in two passes (facts, then numbers) and splits it. With {@code maxRows} below
     * {@link Integer#MAX_VALUE} (a training limit where the split takes the first rows: a separate test file or
     * no test ratio) both passes stop after that many usable rows, and the columns are planned from those rows.
     */
    private Dataset load(DatasetRequest request, ProgressListener progress, Path file, Choices choices,
                         int maxRows) throws DatasetException {
        String header = choices.header();
        String delimiter = choices.delimiter();
        boolean skipBad = choices.skipBad();
        Normalization normalization = choices.normalization();
        DatasetOptions options = request.options();
        StreamedTable table = TableScan.read(file, header, delimiter, skipBad, options.text("label").orElse("last"),
                maxRows == Integer.MAX_VALUE ? 0 : maxRows, progress);
        int label = table.column(options.text("label").orElse("last"), "label");
        List<String> notes = new ArrayList<>(table.notes());
        int[] features = featureColumns(table, label, options.text("features").orElse(null), notes);
        refuseLabelTwin(table, label, features);
        boolean classification = switch (choices.taskOption()) {
            case "classification" -> true;
            case "regression" -> false;
            default -> TableEncoder.looksLikeClasses(table, label);
        };
        TableEncoder encoder = TableEncoder.plan(table, features, label, classification, choices.missingIsError());
        notes.addAll(encoder.notes());
        EncodedTable encoded = encoder.encode(table, maxRows, progress);
        notes.addAll(encoded.notes());
        if (table.lastLine() > 0) {
            notes.add(String.format(Locale.ROOT, "Only the first %,d rows of %s (up to line %,d) were read, as the "
                    + "training limit asks; the columns were judged from those rows.", table.rows(),
                    file.getFileName(), table.lastLine()));
        }
        TensorShape shape = TensorShape.of(encoded.featureNames().size());
        LeftOutTally leftOut = new LeftOutTally();
        leftOut.addAll(table.leftOut());
        leftOut.addAll(encoded.leftOut());
        int used = encoded.rows();

        Splits splits;
        if (options.text("test-path").isPresent()) {
            Path testFile = DataFiles.require(request, "test-path", "A CSV table", "the test table");
            StreamedTable testTable = TableScan.structure(testFile, table.hasHeader() ? "true" : "false", delimiter,
                    skipBad, progress);
            if (testTable.columns().size() != table.columns().size()) {
                throw DatasetException.inFile(testFile, "The test file " + testFile + " has "
                        + testTable.columns().size() + " columns, but the training file " + file.getFileName()
                        + " has " + table.columns().size() + ". Both need the same columns.", null);
            }
            EncodedTable encodedTest = encoder.encode(testTable, Integer.MAX_VALUE, progress);
            notes.addAll(testTable.notes());
            notes.addAll(encodedTest.notes());
            leftOut.addAll(testTable.leftOut());
            leftOut.addAll(encodedTest.leftOut());
            used += encodedTest.rows();
            splits = TableSplits.withTest(encoded, labels(encoded, encoder), encodedTest,
                    labels(encodedTest, encoder), shape, request, normalization);
        } else {
            splits = TableSplits.byRatio(encoded, labels(encoded, encoder), shape, choices.testRatio(), request,
                    normalization);
        }
        progress.progressDidChange("Normalised " + file.getFileName(), 1, 1);

        DatasetTask task = encoder.isClassification() ? DatasetTask.classification(encoder.classNames())
                : DatasetTask.regression(1);
        LoadReport report = LoadReport.ofNotes(notes).withTable(table.columns(), table.firstRows())
                .withFeatureNames(encoded.featureNames()).withUse(DataUse.counted("row", used, leftOut.entries()));
        String name = file.getFileName().toString();
        String description = String.format(Locale.ROOT, "The table %s: %,d rows, %d input value(s) from %d "
                        + "column(s), %s the column '%s'. Normalisation: %s.", name, encoded.rows(),
                shape.dim(0), features.length, encoder.isClassification() ? "classified by" : "predicting",
                table.columns().get(label), normalization.name().toLowerCase(Locale.ROOT));
        return new Dataset(name, description, task, shape, splits, report);
    }

    /** The labels of the encoded rows. */
    private static Labels labels(EncodedTable encoded, TableEncoder encoder) {
        return encoder.isClassification() ? ClassLabels.copyOf(encoded.classes(), encoder.classNames().size())
                : RegressionTargets.copyOf(encoded.targets(), 1);
    }

    /** Refuses a feature column named like the label (ignoring case and spaces): it would leak the answer. */
    private static void refuseLabelTwin(StreamedTable table, int label, int[] features) throws DatasetException {
        String labelName = table.columns().get(label);
        for (int c : features) {
            String name = table.columns().get(c);
            if (name.trim().equalsIgnoreCase(labelName.trim())) {
                throw DatasetException.inFile(table.file(), "The table " + table.file() + " has two columns named "
                        + "like the label: '" + labelName + "' (column " + (label + 1) + ", used as the label) and '"
                        + name + "' (column " + (c + 1) + ", which would be an input and give the network the "
                        + "answer). Rename or delete one of them, or leave column " + (c + 1) + " out with the "
                        + "option 'features'.", null);
            }
        }
    }

    private static int[] featureColumns(StreamedTable table, int label, String option, List<String> notes)
            throws DatasetException {
        List<Integer> chosen = new ArrayList<>();
        if (option == null) {
            for (int c = 0; c < table.columns().size(); c++) {
                if (c == label) {
                    continue;
                }
                if (table.isEmptyColumn(c)) {
                    notes.add("The column '" + table.columns().get(c) + "' of " + table.file().getFileName()
                            + " is empty in every row and was left out.");
                } else {
                    chosen.add(c);
                }
            }
        } else {
            for (String name : option.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                int c = table.column(name, "features");
                if (c == label) {
                    throw DatasetException.inFile(table.file(), "The column '" + table.columns().get(c)
                            + "' is the label, so it cannot also be a feature: the network would see the answer. "
                            + "Remove it from the option 'features'.", null);
                }
                if (!chosen.contains(c)) {
                    chosen.add(c);
                }
            }
        }
        if (chosen.isEmpty()) {
            throw DatasetException.inFile(table.file(), "The table " + table.file() + " has no column left to "
                    + "learn from besides the label '" + table.columns().get(label) + "'.", null);
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }
}
