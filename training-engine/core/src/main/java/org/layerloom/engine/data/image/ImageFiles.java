package org.layerloom.engine.data.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Which picture file each example of an image-folder dataset was read from, so that an export can load the
 * pictures again instead of copying their pixels: the folder the student chose, the files of each split in
 * the split's order, the size the pictures were scaled to and their channels (1 grey, 3 colour), and how many
 * augmented copies of each training picture follow the originals in the training split (they come from no file),
 * and which files were left out and why ({@link SkippedFiles}). Immutable; any thread.
 */
public record ImageFiles(Path folder, List<Path> train, List<Path> validation, List<Path> test, int width,
                         int height, int channels, int augmentedCopies, SkippedFiles skipped) {

    /** Files of a load that left nothing out. */
    public ImageFiles(Path folder, List<Path> train, List<Path> validation, List<Path> test, int width, int height,
                      int channels, int augmentedCopies) {
        this(folder, train, validation, test, width, height, channels, augmentedCopies, SkippedFiles.NONE);
    }

    public ImageFiles {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(skipped, "skipped");
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
    }
}
