package org.layerloom.engine.data.image;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.layerloom.engine.data.ClassLabels;
import org.layerloom.engine.data.DataFiles;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.DatasetOptions;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.DatasetSource;
import org.layerloom.engine.data.DatasetTask;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.DataUse;
import org.layerloom.engine.data.LoadReport;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.data.ProgressMeter;
import org.layerloom.engine.data.RealFeatures;
import org.layerloom.engine.data.Splits;
import org.layerloom.engine.data.Splitting;
import org.layerloom.engine.graph.TensorShape;

/**
 * The student's own pictures (id "image-folder"): "path" is a folder with one sub-folder per class (the
 * folder names are the class names; pictures in their sub-folders count too), or with "train" and "test" folders that each hold such class folders
 * (then the test split is given; "test-path" names a separate test folder too; otherwise "test-ratio", default
 * 0.2, is held out, stratified). Pictures are scaled to "width" × "height" (default 32 × 32) with "channels" 1
 * (grey) or 3 (colour; default: colour when the first pictures have colour). {@link Augmentation} options add
 * changed copies of the training pictures. The dataset records which file each example came from
 * ({@link ImageFiles}), for exports that read the pictures again, and which files were left out and why, also as
 * notes. A class folder without a readable picture, or fewer than two class folders, refuse the dataset.
 * Stateless; any thread.
 */
public final class ImageFolderSource implements DatasetSource {

    private static final List<String> BASE_OPTIONS = List.of("path", "test-path", "test-ratio", "width", "height",
            "channels");

    @Override
    public Dataset load(DatasetRequest request, ProgressListener progress) throws DatasetException {
        DatasetOptions options = request.options();
        List<String> known = new ArrayList<>(BASE_OPTIONS);
        known.addAll(Augmentation.OPTIONS);
        options.requireKnown("Image folder", known);
        int width = options.integer("width", 32, 4, 512);
        int height = options.integer("height", width, 4, 512);
        double testRatio = options.number("test-ratio", 0.2, 0, 0.9);
        Augmentation augmentation = Augmentation.of(options);
        Path folder = DataFiles.require(request, "path", "An image dataset", "the folder of class folders");
        Path trainFolder = folder;
        Path testFolder = null;
        if (options.text("test-path").isPresent()) {
            testFolder = DataFiles.require(request, "test-path", "An image dataset", "the folder of test pictures");
        } else if (Files.isDirectory(folder.resolve("train")) && Files.isDirectory(folder.resolve("test"))) {
            trainFolder = folder.resolve("train");
            testFolder = folder.resolve("test");
        }
        List<String> notes = new ArrayList<>();
        SkipLog log = new SkipLog(folder);
        List<Path> classFolders = ImageFolderReader.classFolders(trainFolder, log);
        if (classFolders.size() < 2) {
            throw DatasetException.inFile(trainFolder, "The folder " + trainFolder + " has " + (classFolders.isEmpty()
                    ? "no class folders" : "only one class folder (" + classFolders.get(0).getFileName() + ")")
                    + ". Put the pictures of each class in a sub-folder of its own, named after the class; a "
                    + "classifier needs at least two classes.", null);
        }
        List<String> classNames = classFolders.stream().map(p -> p.getFileName().toString()).toList();
        List<List<Path>> files = ImageFolderReader.pictureFiles(classFolders, log);
        List<Path> testClasses = null;
        List<List<Path>> testFiles = null;
        if (testFolder != null) {
            testClasses = new ArrayList<>();
            for (String name : classNames) {
                testClasses.add(testFolder.resolve(name));
            }
            List<String> missing = testClasses.stream().filter(p -> !Files.isDirectory(p))
                    .map(p -> p.getFileName().toString()).toList();
            if (!missing.isEmpty()) {
                throw DatasetException.inFile(testFolder, "The test folder " + testFolder + " lacks the class "
                        + "folder(s) " + String.join(", ", missing) + " that the training folder has.", null);
            }
            testFiles = ImageFolderReader.pictureFiles(testClasses, log);
        }
        int channels = options.has("channels") ? options.integer("channels", 3, 1, 3)
                : (ImageFolderReader.anyColour(files) ? 3 : 1);
        if (channels == 2) {
            throw new DatasetException("The option 'channels' must be 1 (grey) or 3 (colour), not 2.");
        }
        int total = files.stream().mapToInt(List::size).sum()
                + (testFiles == null ? 0 : testFiles.stream().mapToInt(List::size).sum());
        ProgressMeter meter = new ProgressMeter(progress, total);
        TensorShape shape = TensorShape.of(channels, height, width);
        ImageFolderReader.Decoded decoded = ImageFolderReader.decode(files, width, height, channels, meter, log);
        requireEveryClass(classFolders, decoded, log);
        ImageFolderReader.Decoded test = testFiles == null ? null
                : ImageFolderReader.decode(testFiles, width, height, channels, meter, log);
        if (test != null) {
            requireEveryClass(testClasses, test, log);
        }
        notes.addAll(log.notes(ImageFolderReader.readableFormats()));
        Examples all = Examples.of(RealFeatures.copyOf(decoded.pixels()), shape,
                ClassLabels.copyOf(decoded.labels(), classNames.size()));
        Splits splits;
        Splits order; // the same division of the files' indices
        List<Path> read = new ArrayList<>(decoded.files());
        if (test != null) {
            Examples testSet = Examples.of(RealFeatures.copyOf(test.pixels()), shape,
                    ClassLabels.copyOf(test.labels(), classNames.size()));
            splits = Splitting.withTest(all, testSet, request);
            order = Splitting.withTest(indices(all, 0), indices(testSet, all.size()), request);
            read.addAll(test.files());
        } else {
            splits = Splitting.byRatio(all, testRatio, request);
            order = Splitting.byRatio(indices(all, 0), testRatio, request);
        }
        meter.finish("Read the pictures");
        if (augmentation.isActive()) {
            splits = new Splits(augment(splits.train(), augmentation, channels, height, width,
                    Splitting.seed(request, "augment")), splits.validation(), splits.test());
            notes.add("Augmentation added " + augmentation.copies() + " changed cop" + (augmentation.copies() == 1
                    ? "y" : "ies") + " of each training picture (validation and test pictures are unchanged).");
        }
        String name = folder.getFileName().toString();
        String description = String.format(Locale.ROOT, "Pictures from the folder %s in %d classes (%s), scaled "
                + "to %d×%d %s.", name, classNames.size(), String.join(", ", classNames), width, height,
                channels == 1 ? "grey" : "colour");
        ImageFiles origin = new ImageFiles(folder, files(order.train(), read), files(order.validation(), read),
                files(order.test(), read), width, height, channels, augmentation.copies(), log.result());
        return new Dataset(name, description, DatasetTask.classification(classNames), shape, splits,
                LoadReport.ofNotes(notes).withUse(DataUse.counted("file", read.size(), log.leftOut())))
                .withImageFiles(origin);
    }

    /**
     * Refuses the dataset when a class folder gave no picture: a class without examples cannot be learnt,
     * and accuracy over the others would look perfect.
     */
    private static void requireEveryClass(List<Path> classFolders, ImageFolderReader.Decoded decoded, SkipLog log)
            throws DatasetException {
        for (int c = 0; c < classFolders.size(); c++) {
            if (decoded.perClass()[c] == 0) {
                Path folder = classFolders.get(c);
                String name = folder.getFileName().toString();
                String skipped = log.within(folder);
                throw DatasetException.inFile(folder, "The class folder '" + name + "' (" + folder + ") holds no "
                        + "picture LayerLoom can read" + (skipped.isEmpty() ? "" : "; left out there: " + skipped)
                        + ". A class without pictures cannot be learnt, and the accuracy would be meaningless. Put "
                        + "pictures of " + name + " in it (" + ImageFolderReader.readableFormats() + "; sub-folders "
                        + "are read too), or remove the folder if " + name + " is not a class.", null);
            }
        }
    }

    /** Examples whose one feature is their index ({@code first} + i), with the labels of {@code examples}. */
    private static Examples indices(Examples examples, int first) {
        float[] index = new float[examples.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = first + i;
        }
        return Examples.of(RealFeatures.copyOf(index), TensorShape.of(1), examples.labels());
    }

    /** The files of examples made by {@link #indices}, in their order. */
    private static List<Path> files(Examples indices, List<Path> read) {
        List<Path> out = new ArrayList<>(indices.size());
        for (int i = 0; i < indices.size(); i++) {
            out.add(read.get((int) indices.realFeatures().get(i)));
        }
        return out;
    }

    /** The training examples followed by {@code copies} augmented copies of each, seeded. */
    static Examples augment(Examples train, Augmentation augmentation, int channels, int height, int width,
                            long seed) {
        int n = train.size();
        int size = train.exampleSize();
        float[] original = train.realFeatures().toArray();
        int copies = augmentation.copies();
        float[] out = new float[Math.multiplyExact(n * (copies + 1), size)];
        System.arraycopy(original, 0, out, 0, original.length);
        int[] labels = new int[n * (copies + 1)];
        ClassLabels classes = train.classLabels();
        Random random = new Random(seed);
        for (int k = 0; k <= copies; k++) {
            for (int i = 0; i < n; i++) {
                labels[k * n + i] = classes.get(i);
                if (k > 0) {
                    float[] image = java.util.Arrays.copyOfRange(original, i * size, (i + 1) * size);
                    System.arraycopy(augmentation.apply(image, channels, height, width, random), 0, out,
                            (k * n + i) * size, size);
                }
            }
        }
        return Examples.of(RealFeatures.copyOf(out), train.exampleShape(), ClassLabels.copyOf(labels,
                classes.classCount()));
    }
}
