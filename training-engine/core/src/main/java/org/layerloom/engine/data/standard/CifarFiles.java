package org.layerloom.engine.data.standard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.layerloom.engine.data.DatasetException;

/**
 * The six files of CIFAR-10's binary version in a folder (or in its {@code cifar-10-batches-bin}
 * sub-folder, as the archive unpacks): {@code data_batch_1.bin} to {@code data_batch_5.bin} and
 * {@code test_batch.bin}. Immutable; any thread.
 */
record CifarFiles(List<Path> train, Path test) {

    static final List<String> TRAIN_NAMES = List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
            "data_batch_4.bin", "data_batch_5.bin");
    static final String TEST_NAME = "test_batch.bin";

    static boolean isWanted(String name) {
        return TRAIN_NAMES.contains(name) || TEST_NAME.equals(name) || name.equals("batches.meta.txt");
    }

    /** Whether {@code folder} holds all six files. */
    static boolean presentIn(Path folder) {
        return TRAIN_NAMES.stream().allMatch(n -> Files.isRegularFile(folder.resolve(n)))
                && Files.isRegularFile(folder.resolve(TEST_NAME));
    }

    static CifarFiles locate(Path folder) throws DatasetException {
        if (!Files.isDirectory(folder)) {
            throw DatasetException.inFile(folder, "The folder " + folder + " does not exist. Set the option 'path' "
                    + "of CIFAR-10 to the folder that holds data_batch_1.bin … data_batch_5.bin and test_batch.bin "
                    + "(the \"binary version\" of CIFAR-10).", null);
        }
        Path dir = folder;
        if (!presentIn(dir) && Files.isDirectory(folder.resolve("cifar-10-batches-bin"))) {
            dir = folder.resolve("cifar-10-batches-bin");
        }
        List<String> missing = new ArrayList<>();
        List<Path> train = new ArrayList<>();
        for (String name : TRAIN_NAMES) {
            if (Files.isRegularFile(dir.resolve(name))) {
                train.add(dir.resolve(name));
            } else {
                missing.add(name);
            }
        }
        if (!Files.isRegularFile(dir.resolve(TEST_NAME))) {
            missing.add(TEST_NAME);
        }
        if (!missing.isEmpty()) {
            boolean python = Files.isRegularFile(dir.resolve("data_batch_1"));
            throw DatasetException.inFile(dir, "The folder " + dir + " does not hold all the files of CIFAR-10's "
                    + "binary version. Missing: " + String.join(", ", missing) + "." + (python ? " It holds the "
                    + "Python version (data_batch_1 without .bin); LayerLoom reads the binary version "
                    + "(cifar-10-binary.tar.gz)." : ""), null);
        }
        return new CifarFiles(train, dir.resolve(TEST_NAME));
    }
}
