package org.layerloom.engine.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.layerloom.engine.graph.TensorShape;

/**
 * Loads MNIST or Fashion-MNIST from a folder holding the four original IDX files (option "path", relative to
 * the request's base folder). Pixels become floats in [0, 1], or with option "normalize" = true are
 * standardised by the dataset's mean and standard deviation. Examples have shape (1, 28, 28). The validation
 * split is chosen from the labels first, so the training images are decoded straight into place with no extra
 * copy. Stateless; {@code load} runs on a background thread and may be cancelled.
 */
public final class MnistSource implements DatasetSource {

    private static final List<String> OPTIONS = List.of("path", "normalize");

    private final MnistVariant variant;

    public MnistSource(MnistVariant variant) {
        this.variant = variant;
    }

    @Override
    public Dataset load(DatasetRequest request, ProgressListener progress) throws DatasetException {
        DatasetOptions options = request.options();
        options.requireKnown(variant.title(), OPTIONS);
        String path = options.text("path").orElseThrow(() -> new DatasetException(variant.title()
                + " needs the folder that holds its four IDX files: set the option 'path'."));
        float[] lookup = lookup(options.flag("normalize", false));
        MnistFiles files = MnistFiles.locate(request.resolve(path), variant.title());
        ProgressMeter meter = new ProgressMeter(progress, files.totalBytes());
        meter.checkCancelled();

        LabelFile trainLabels = readLabels(files.trainLabels(), request.limitTraining(Integer.MAX_VALUE), meter);
        SplitPlan plan = SplitPlan.stratified(trainLabels.labels(), request.validationRatio(),
                Seeds.derive(request.seed(), "validation"));
        Examples trainingSet = readImages(files.trainImages(), trainLabels, plan, lookup, null, meter);

        LabelFile testLabels = readLabels(files.testLabels(), Integer.MAX_VALUE, meter);
        Examples test = readImages(files.testImages(), testLabels, null, lookup, trainingSet.exampleShape(), meter);

        meter.finish("Read " + variant.title());
        Splits splits = new Splits(trainingSet.slice(0, plan.keptCount()),
                trainingSet.slice(plan.keptCount(), trainingSet.size()), test);
        return new Dataset(variant.title(), variant.description(), DatasetTask.classification(variant.classNames()),
                trainingSet.exampleShape(), splits);
    }

    /** The first labels of a label file (at most {@code limit}), and how many the file declares. */
    private record LabelFile(Path file, int declared, ClassLabels labels) {
    }

    private LabelFile readLabels(Path file, int limit, ProgressMeter meter) throws DatasetException {
        try (IdxFile idx = IdxFile.open(file, meter)) {
            int declared = idx.readLabelHeader();
            int classes = variant.classNames().size();
            return new LabelFile(file, declared, ClassLabels.owning(idx.readLabels(Math.min(declared, limit),
                    classes), classes));
        }
    }

    /**
     * Reads one image per label. With a {@code plan}, image i goes to its place in the plan's order (labels are
     * reordered to match); without, images keep file order. Checks that the image and label files agree in
     * count, and that the image size equals {@code expectedShape} when given.
     */
    private static Examples readImages(Path file, LabelFile labels, SplitPlan plan, float[] lookup,
                                       TensorShape expectedShape, ProgressMeter meter) throws DatasetException {
        try (IdxFile idx = IdxFile.open(file, meter)) {
            int[] dims = idx.readImageHeader();
            if (dims[0] != labels.declared()) {
                throw DatasetException.inFile(file, String.format(Locale.ROOT, "The file %s holds %,d images, but "
                        + "%s holds %,d labels; the two files must belong together.", file, dims[0],
                        labels.file().getFileName(), labels.declared()), null);
            }
            TensorShape shape = TensorShape.of(1, dims[1], dims[2]);
            if (expectedShape != null && !expectedShape.equals(shape)) {
                throw DatasetException.inFile(file, "The file " + file + " holds images of " + dims[1] + "×"
                        + dims[2] + " pixels, but the training images are " + expectedShape.dim(1) + "×"
                        + expectedShape.dim(2) + ".", null);
            }
            int count = labels.labels().size();
            float[] pixels = new float[count * dims[1] * dims[2]];
            idx.readImages(count, lookup, pixels, plan == null ? null : plan.positions());
            ClassLabels ordered = plan == null ? labels.labels() : labels.labels().gather(plan.order());
            return Examples.of(RealFeatures.owning(pixels), shape, ordered);
        }
    }

    /** Pixel byte → float: scaled to [0, 1], then standardised if asked. */
    private float[] lookup(boolean normalize) {
        float[] table = new float[256];
        for (int b = 0; b < 256; b++) {
            double x = b / 255.0;
            table[b] = (float) (normalize ? (x - variant.mean()) / variant.std() : x);
        }
        return table;
    }
}
