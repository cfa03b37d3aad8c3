package org.layerloom.engine.data.standard;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.layerloom.engine.data.ClassLabels;
import org.layerloom.engine.data.DataFiles;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.DatasetSource;
import org.layerloom.engine.data.DatasetTask;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.data.ProgressMeter;
import org.layerloom.engine.data.RealFeatures;
import org.layerloom.engine.data.Splitting;
import org.layerloom.engine.graph.TensorShape;

/**
 * Reads CIFAR-10's binary version from a folder (option "path"): records of one label byte and 3,072 pixel
 * bytes (1,024 red, then green, then blue, row by row), giving (3, 32, 32) images with values in [0, 1]. A file
 * whose length is not a whole number of records, or a label above 9, is an error naming the file and the
 * record. Stateless; any thread.
 */
public final class Cifar10Source implements DatasetSource {

    static final int RECORD = 1 + 3 * 32 * 32;
    static final List<String> CLASSES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog",
            "horse", "ship", "truck");
    private static final TensorShape SHAPE = TensorShape.of(3, 32, 32);

    @Override
    public Dataset load(DatasetRequest request, ProgressListener progress) throws DatasetException {
        request.options().requireKnown("CIFAR-10", List.of("path"));
        Path folder = DataFiles.require(request, "path", "CIFAR-10", "the folder of CIFAR-10's binary files");
        CifarFiles files = CifarFiles.locate(folder);
        long totalBytes = 0;
        for (Path p : files.train()) {
            totalBytes += checkedRecords(p) * (long) RECORD;
        }
        totalBytes += checkedRecords(files.test()) * (long) RECORD;
        ProgressMeter meter = new ProgressMeter(progress, totalBytes);
        int trainRecords = 0;
        for (Path p : files.train()) {
            trainRecords += checkedRecords(p);
        }
        int wanted = Splitting.trainingCount(request, trainRecords);
        Examples train = read(files.train(), wanted, meter);
        Examples test = read(List.of(files.test()), checkedRecords(files.test()), meter);
        meter.finish("Read CIFAR-10");
        return new Dataset("CIFAR-10", "Small colour photos (32×32) of 10 kinds of things: airplane, automobile, "
                + "bird, cat, deer, dog, frog, horse, ship and truck; 50,000 to train on and 10,000 to test. Much "
                + "harder than MNIST: a convolutional network is a must.", DatasetTask.classification(CLASSES), SHAPE,
                Splitting.withTest(train, test, request));
    }

    /** Number of records in {@code file}; fails if its length is not a whole number of records. */
    static int checkedRecords(Path file) throws DatasetException {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw DatasetException.inFile(file, "The file " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (size == 0 || size % RECORD != 0) {
            throw DatasetException.atByte(file, size - size % RECORD, String.format(Locale.ROOT, "The file %s is "
                    + "not a whole CIFAR-10 batch: it has %,d bytes, which is %,d records of %,d bytes and %,d "
                    + "bytes more (record %,d is cut off). Download or copy it again.", file, size, size / RECORD,
                    RECORD, size % RECORD, size / RECORD + 1));
        }
        if (size / RECORD > 1_000_000) {
            throw DatasetException.inFile(file, "The file " + file + " is far larger than a CIFAR-10 batch "
                    + "(10,000 records); it is not one.", null);
        }
        return (int) (size / RECORD);
    }

    private static Examples read(List<Path> files, int count, ProgressMeter meter) throws DatasetException {
        float[] pixels = new float[Math.multiplyExact(count, RECORD - 1)];
        int[] labels = new int[count];
        byte[] record = new byte[RECORD];
        int n = 0;
        for (Path file : files) {
            if (n >= count) {
                break;
            }
            try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                int inFile = 0;
                while (n < count && in.readNBytes(record, 0, RECORD) == RECORD) {
                    int label = record[0] & 0xFF;
                    if (label >= CLASSES.size()) {
                        throw DatasetException.atByte(file, (long) inFile * RECORD, String.format(Locale.ROOT,
                                "The file %s has the label %d in record %,d (byte %,d), but CIFAR-10 labels go "
                                        + "from 0 to 9. Is it a CIFAR-100 file?", file, label, inFile + 1,
                                (long) inFile * RECORD));
                    }
                    labels[n] = label;
                    int base = n * (RECORD - 1);
                    for (int k = 1; k < RECORD; k++) {
                        pixels[base + k - 1] = (record[k] & 0xFF) / 255f;
                    }
                    n++;
                    inFile++;
                    if (n % 1000 == 0) {
                        meter.advance("Reading " + file.getFileName(), 1000L * RECORD);
                    }
                }
            } catch (IOException e) {
                throw DatasetException.inFile(file, "The file " + file + " cannot be read: " + e.getMessage(), e);
            }
        }
        return Examples.of(RealFeatures.copyOf(pixels), SHAPE, ClassLabels.copyOf(labels, CLASSES.size()));
    }
}
