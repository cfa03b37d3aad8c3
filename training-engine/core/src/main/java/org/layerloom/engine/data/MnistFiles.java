package org.layerloom.engine.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The four IDX files of an MNIST-format dataset found in one folder, under their usual names
 * ({@code train-images-idx3-ubyte}, also spelled {@code train-images.idx3-ubyte}; each optionally ending in
 * {@code .gz}). Immutable; any thread.
 */
record MnistFiles(Path trainImages, Path trainLabels, Path testImages, Path testLabels) {

    /** Finds the files in {@code folder}, or fails with a message listing what was looked for and where. */
    static MnistFiles locate(Path folder, String datasetName) throws DatasetException {
        if (!Files.isDirectory(folder)) {
            throw DatasetException.inFile(folder, (Files.exists(folder) ? "The path " + folder + " is a file, not "
                    + "a folder." : "The folder " + folder + " does not exist.") + " Set the option 'path' of "
                    + datasetName + " to the folder that holds its four IDX files.", null);
        }
        List<String> missing = new ArrayList<>();
        Path trainImages = find(folder, "train-images", "idx3-ubyte", "training images", missing);
        Path trainLabels = find(folder, "train-labels", "idx1-ubyte", "training labels", missing);
        Path testImages = find(folder, "t10k-images", "idx3-ubyte", "test images", missing);
        Path testLabels = find(folder, "t10k-labels", "idx1-ubyte", "test labels", missing);
        if (!missing.isEmpty()) {
            throw DatasetException.inFile(folder, "The folder " + folder + " does not hold all the files of "
                    + datasetName + ". Missing: " + String.join("; ", missing) + ".", null);
        }
        return new MnistFiles(trainImages, trainLabels, testImages, testLabels);
    }

    /** Total size of the four files in bytes, for progress. */
    long totalBytes() {
        long total = 0;
        for (Path p : List.of(trainImages, trainLabels, testImages, testLabels)) {
            try {
                total += Files.size(p);
            } catch (IOException e) {
                return 0; // unknown; reading the file will report the problem
            }
        }
        return total;
    }

    private static Path find(Path folder, String stem, String type, String what, List<String> missing) {
        List<String> names = List.of(stem + "-" + type + ".gz", stem + "-" + type, stem + "." + type + ".gz",
                stem + "." + type);
        for (String name : names) {
            Path candidate = folder.resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        missing.add("the " + what + " (looked for " + String.join(", ", names) + ")");
        return null;
    }
}
