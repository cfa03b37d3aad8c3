package org.layerloom.engine.data.preview;

import java.util.List;
import java.util.Objects;
import org.layerloom.engine.data.LoadReport;
import org.layerloom.engine.graph.TensorShape;

/**
 * Everything the data preview shows before training, as plain values: the dataset's name, description and
 * task; the input shape and a description of it; class names and counts per split; a few sample images
 * (images), the first rows of a table (tables, sequences) or sample sentences (texts); training points to
 * plot when each example is two numbers; and the data doctor's findings. Immutable; any thread.
 */
public record DatasetPreview(String name, String description, String task, TensorShape inputShape,
                             String inputDescription, List<String> classNames, List<SplitSummary> splits,
                             List<ImageSample> images, List<String> columns, List<List<String>> rows,
                             List<LoadReport.TextSample> texts, List<Point> points, List<DataWarning> warnings) {

    public DatasetPreview {
        Objects.requireNonNull(name, "name");
        classNames = List.copyOf(classNames);
        splits = List.copyOf(splits);
        images = List.copyOf(images);
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        texts = List.copyOf(texts);
        points = List.copyOf(points);
        warnings = List.copyOf(warnings);
    }

    /** One split ("train", "validation", "test"): its size and, for classes, the count of each class. */
    public record SplitSummary(String name, int size, List<Integer> classCounts) {
        public SplitSummary {
            classCounts = List.copyOf(classCounts);
        }
    }

    /**
     * One example picture: {@code pixels} holds channels × height × width values in [0, 1] (channel-first),
     * {@code label} its class name.
     */
    public record ImageSample(float[] pixels, int channels, int height, int width, String label) {
        public ImageSample {
            pixels = pixels.clone();
        }

        @Override
        public float[] pixels() {
            return pixels.clone();
        }

        /** The value of channel {@code c} at row {@code y}, column {@code x}. */
        public float at(int c, int y, int x) {
            return pixels[(c * height + y) * width + x];
        }
    }

    /** One training example of two numbers (x, y) and its class index (0 for a regression), for a scatter plot. */
    public record Point(float x, float y, int label) {
    }

    /** True when the inputs are pictures, so the preview shows a sample grid. */
    public boolean hasImages() {
        return !images.isEmpty();
    }

    /** The number of findings at {@code level}. */
    public long count(DataWarning.Level level) {
        return warnings.stream().filter(w -> w.level() == level).count();
    }
}
