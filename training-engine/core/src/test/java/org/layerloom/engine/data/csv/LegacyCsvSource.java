package org.layerloom.engine.data.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.layerloom.engine.data.ClassLabels;
import org.layerloom.engine.data.DataFiles;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.DatasetOptions;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.DatasetSource;
import org.layerloom.engine.data.DatasetTask;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.LoadReport;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.data.ProgressMeter;
import org.layerloom.engine.data.RealFeatures;
import org.layerloom.engine.data.RegressionTargets;
import org.layerloom.engine.data.Splits;
import org.layerloom.engine.data.Splitting;
import org.layerloom.engine.graph.TensorShape;

/**
 * The "csv" source as it was before tables streamed, reading the whole file into rows (the reference for
 * {@link StreamingEquivalenceTest}; tests only). The student's own table (id "csv"): a CSV or TSV file, one example per row. Options: "path" (the file,
 * relative to the project), "test-path" (a separate test file with the same columns; otherwise "test-ratio",
 * default 0.2, is held out, stratified for classes), "header" (auto, true, false), "delimiter" (detected when
 * absent), "label" (the column to predict, by name or number from 1; default the last), "features" (comma-
 * separated columns to learn from; default all others), "task" (auto, classification, regression),
 * "normalize" (standardize, minmax, none; fitted on the training split), "missing" (drop: leave out rows with
 * an empty value, counted in the report; error), "bad-rows" (error, skip). Columns empty in every row are left
 * out of the default features with a note; a feature column named like the label (ignoring case and spaces) is
 * refused, as it would give the network the answer. Stateless; any thread.
 */
final class LegacyCsvSource implements DatasetSource {

    private static final List<String> OPTIONS = List.of("path", "test-path", "test-ratio", "header", "delimiter",
            "label", "features", "task", "normalize", "missing", "bad-rows");
    private static final int PREVIEW_ROWS = 8;

    @Override
    public Dataset load(DatasetRequest request, ProgressListener progress) throws DatasetException {
        DatasetOptions options = request.options();
        options.requireKnown("CSV table", OPTIONS);
        ProgressMeter meter = new ProgressMeter(progress, 3);
        Path file = DataFiles.require(request, "path", "A CSV table", "the table file (CSV or TSV)");
        String header = options.choice("header", "auto", List.of("auto", "true", "false"));
        String delimiter = options.text("delimiter").orElse(null);
        boolean skipBad = options.choice("bad-rows", "error", List.of("error", "skip")).equals("skip");
        boolean missingIsError = options.choice("missing", "drop", List.of("drop", "error")).equals("error");
        String taskOption = options.choice("task", "auto", List.of("auto", "classification", "regression"));
        Normalization normalization = Normalization.of(options.choice("normalize", "standardize",
                List.of("standardize", "minmax", "min-max", "none")));
        double testRatio = options.number("test-ratio", 0.2, 0, 0.9);

        CsvTable table = CsvTable.read(file, header, delimiter, skipBad);
        meter.advance("Reading " + file.getFileName(), 1);
        int label = table.column(options.text("label").orElse("last"), "label");
        List<String> notes = new ArrayList<>(table.notes());
        int[] features = featureColumns(table, label, options.text("features").orElse(null), notes);
        refuseLabelTwin(table, label, features);
        boolean classification = switch (taskOption) {
            case "classification" -> true;
            case "regression" -> false;
            default -> LegacyTableEncoder.looksLikeClasses(table, label);
        };
        LegacyTableEncoder encoder = LegacyTableEncoder.plan(table, features, label, classification, missingIsError);
        notes.addAll(encoder.notes());
        EncodedTable encoded = encoder.encode(table);
        notes.addAll(encoded.notes());
        TensorShape shape = TensorShape.of(encoded.featureNames().size());
        Examples all = examples(encoded, shape, encoder);

        Splits splits;
        if (options.text("test-path").isPresent()) {
            Path testFile = DataFiles.require(request, "test-path", "A CSV table", "the test table");
            CsvTable testTable = CsvTable.read(testFile, table.hasHeader() ? "true" : "false", delimiter, skipBad);
            if (testTable.columns().size() != table.columns().size()) {
                throw DatasetException.inFile(testFile, "The test file " + testFile + " has "
                        + testTable.columns().size() + " columns, but the training file " + file.getFileName()
                        + " has " + table.columns().size() + ". Both need the same columns.", null);
            }
            EncodedTable encodedTest = encoder.encode(testTable);
            notes.addAll(testTable.notes());
            notes.addAll(encodedTest.notes());
            splits = Splitting.withTest(all, examples(encodedTest, shape, encoder), request);
        } else {
            splits = Splitting.byRatio(all, testRatio, request);
        }
        meter.advance("Encoding " + file.getFileName(), 1);
        splits = normalization.apply(splits, encoded.numeric());
        meter.advance("Normalising", 1);

        DatasetTask task = encoder.isClassification() ? DatasetTask.classification(encoder.classNames())
                : DatasetTask.regression(1);
        List<List<String>> firstRows = table.rows().stream().limit(PREVIEW_ROWS).map(CsvRow::fields).toList();
        LoadReport report = LoadReport.ofNotes(notes).withTable(table.columns(), firstRows)
                .withFeatureNames(encoded.featureNames());
        String name = file.getFileName().toString();
        String description = String.format(Locale.ROOT, "The table %s: %,d rows, %d input value(s) from %d "
                        + "column(s), %s the column '%s'. Normalisation: %s.", name, encoded.rows(),
                shape.dim(0), features.length, encoder.isClassification() ? "classified by" : "predicting",
                table.columns().get(label), normalization.name().toLowerCase(Locale.ROOT));
        return new Dataset(name, description, task, shape, splits, report);
    }

    private static Examples examples(EncodedTable encoded, TensorShape shape, LegacyTableEncoder encoder) {
        return Examples.of(RealFeatures.copyOf(encoded.features()), shape, encoder.isClassification()
                ? ClassLabels.copyOf(encoded.classes(), encoder.classNames().size())
                : RegressionTargets.copyOf(encoded.targets(), 1));
    }

    /** Refuses a feature column named like the label (ignoring case and spaces): it would leak the answer. */
    private static void refuseLabelTwin(CsvTable table, int label, int[] features) throws DatasetException {
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

    private static int[] featureColumns(CsvTable table, int label, String option, List<String> notes)
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
