package org.layerloom.engine.data.preview;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.layerloom.engine.data.ClassLabels;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.LoadReport;
import org.layerloom.engine.data.RealFeatures;
import org.layerloom.engine.data.RegressionTargets;
import org.layerloom.engine.data.TokenFeatures;
import org.layerloom.engine.graph.TensorShape;

/**
 * Builds the {@link DatasetPreview} of a loaded dataset: samples from the training split (up to
 * {@value #IMAGES_PER_CLASS} pictures per class, the first table rows or sentences), counts per split and
 * class, and the {@link DataDoctor}'s findings. Stateless; any thread (call it off the UI thread).
 */
public final class DatasetPreviews {

    static final int IMAGES_PER_CLASS = 4;
    static final int MAX_IMAGES = 40;
    static final int ROWS = 8;
    static final int MAX_POINTS = 800;
    private static final int MAX_COLUMNS = 8;

    private DatasetPreviews() {
    }

    public static DatasetPreview of(Dataset dataset) {
        return of(dataset, Optional.empty());
    }

    /** The preview, with the labels checked against what the network's Output expects when given. */
    public static DatasetPreview of(Dataset dataset, Optional<OutputExpectation> expectation) {
        List<String> classNames = dataset.classNames();
        List<DatasetPreview.SplitSummary> splits = List.of(summary("train", dataset.train()),
                summary("validation", dataset.validation()), summary("test", dataset.test()));
        TensorShape shape = dataset.exampleShape();
        List<DatasetPreview.ImageSample> images = shape.isImage() && !shape.isTokenIds()
                ? images(dataset.train(), classNames) : List.of();
        LoadReport report = dataset.report();
        List<String> columns = report.columns();
        List<List<String>> rows = report.firstRows();
        List<LoadReport.TextSample> texts = report.texts();
        if (images.isEmpty() && columns.isEmpty() && texts.isEmpty()) {
            columns = new ArrayList<>();
            rows = valueRows(dataset.train(), classNames, columns);
        }
        return new DatasetPreview(dataset.name(), dataset.description(), dataset.task().describe(), shape,
                describe(shape), classNames, splits, images, columns, rows, texts, points(dataset.train()),
                DataDoctor.examine(dataset, expectation));
    }

    /** "28×28 grey images", "4 numbers", "sequences of 20 steps × 1 value", "32 token ids". */
    static String describe(TensorShape shape) {
        if (shape.isTokenIds()) {
            return String.format(Locale.ROOT, "%d token ids (words or symbols) per example", shape.size());
        }
        if (shape.rank() == 3) {
            return String.format(Locale.ROOT, "%d×%d %s images", shape.dim(1), shape.dim(2),
                    shape.dim(0) == 1 ? "grey" : shape.dim(0) == 3 ? "colour" : shape.dim(0) + "-channel");
        }
        if (shape.rank() == 2) {
            return String.format(Locale.ROOT, "sequences of %d steps × %d value(s)", shape.dim(0), shape.dim(1));
        }
        return shape.size() == 1 ? "1 number per example" : shape.size() + " numbers per example";
    }

    /** Up to {@value #MAX_POINTS} training examples when each is two real numbers; otherwise none. */
    private static List<DatasetPreview.Point> points(Examples train) {
        TensorShape shape = train.exampleShape();
        if (shape.isTokenIds() || shape.rank() != 1 || shape.dim(0) != 2) {
            return List.of();
        }
        List<DatasetPreview.Point> points = new ArrayList<>();
        RealFeatures xy = train.realFeatures();
        for (int i = 0; i < Math.min(MAX_POINTS, train.size()); i++) {
            int label = train.labels() instanceof ClassLabels classes ? classes.get(i) : 0;
            points.add(new DatasetPreview.Point(xy.get(2 * i), xy.get(2 * i + 1), label));
        }
        return points;
    }

    private static DatasetPreview.SplitSummary summary(String name, Examples part) {
        List<Integer> counts = new ArrayList<>();
        if (part.labels() instanceof ClassLabels classes) {
            for (int c : classes.counts()) {
                counts.add(c);
            }
        }
        return new DatasetPreview.SplitSummary(name, part.size(), counts);
    }

    private static List<DatasetPreview.ImageSample> images(Examples train, List<String> classNames) {
        TensorShape shape = train.exampleShape();
        int size = train.exampleSize();
        RealFeatures features = train.realFeatures();
        int classes = Math.max(1, classNames.size());
        int perClass = Math.max(1, Math.min(IMAGES_PER_CLASS, MAX_IMAGES / classes));
        int[] taken = new int[classes];
        List<DatasetPreview.ImageSample> samples = new ArrayList<>();
        for (int i = 0; i < train.size() && samples.size() < MAX_IMAGES; i++) {
            int c = train.labels() instanceof ClassLabels labels ? labels.get(i) : 0;
            if (taken[c] >= perClass) {
                continue;
            }
            taken[c]++;
            float[] pixels = features.slice(i * size, (i + 1) * size).toArray();
            samples.add(new DatasetPreview.ImageSample(pixels, shape.dim(0), shape.dim(1), shape.dim(2),
                    classNames.isEmpty() ? "" : classNames.get(c)));
        }
        samples.sort(java.util.Comparator.comparingInt(s -> classNames.indexOf(s.label())));
        return samples;
    }

    /** The first rows of raw input values (at most 8 shown) and the label, for non-table data. */
    private static List<List<String>> valueRows(Examples train, List<String> classNames, List<String> columns) {
        int size = train.exampleSize();
        int shown = Math.min(size, MAX_COLUMNS);
        boolean tokens = train.features() instanceof TokenFeatures;
        for (int k = 0; k < shown; k++) {
            columns.add((tokens ? "t" : "x") + (k + 1));
        }
        if (size > shown) {
            columns.add("…");
        }
        columns.add(classNames.isEmpty() ? "target" : "label");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(ROWS, train.size()); i++) {
            List<String> row = new ArrayList<>();
            for (int k = 0; k < shown; k++) {
                row.add(tokens ? String.valueOf(((TokenFeatures) train.features()).get(i * size + k))
                        : String.format(Locale.ROOT, "%.2f", train.realFeatures().get(i * size + k)));
            }
            if (size > shown) {
                row.add("…");
            }
            if (train.labels() instanceof ClassLabels labels) {
                row.add(classNames.get(labels.get(i)));
            } else {
                row.add(String.format(Locale.ROOT, "%.2f", ((RegressionTargets) train.labels()).get(i, 0)));
            }
            rows.add(row);
        }
        return rows;
    }
}
