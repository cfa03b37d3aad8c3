package org.layerloom.app.cli;

import static org.layerloom.app.cli.BadDataCorpusTest.imageNet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.layerloom.app.cli.BadDataCorpusTest.Case;
import org.layerloom.app.cli.BadDataCorpusTest.Expected;
import org.layerloom.app.cli.BadDataCorpusTest.Setup;
import org.layerloom.engine.project.DatasetChoice;

/** The corpus's MNIST (IDX) and CIFAR-10 (binary batches) folders. Test code only. */
final class BadStandardFiles {

    private static final int SIDE = 28;
    private static final int CIFAR_RECORD = 3073;

    private BadStandardFiles() {
    }

    static byte[] idxImages(int count) {
        ByteBuffer b = ByteBuffer.allocate(16 + count * SIDE * SIDE);
        b.putInt(2051).putInt(count).putInt(SIDE).putInt(SIDE);
        for (int k = 0; k < count * SIDE * SIDE; k++) {
            b.put((byte) (k * 7));
        }
        return b.array();
    }

    static byte[] idxLabels(int count) {
        ByteBuffer b = ByteBuffer.allocate(8 + count);
        b.putInt(2049).putInt(count);
        for (int k = 0; k < count; k++) {
            b.put((byte) (k % 10));
        }
        return b.array();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    /** An MNIST folder of plain IDX files: 60 training and 20 test images, with {@code trainImages} as given. */
    private static Setup mnist(Path f, byte[] trainImages) throws IOException {
        Path folder = Files.createDirectories(f.resolve("mnist"));
        Files.write(folder.resolve("train-images-idx3-ubyte"), trainImages);
        Files.write(folder.resolve("train-labels-idx1-ubyte"), idxLabels(60));
        Files.write(folder.resolve("t10k-images-idx3-ubyte"), idxImages(20));
        Files.write(folder.resolve("t10k-labels-idx1-ubyte"), idxLabels(20));
        return mnistChoice("mnist");
    }

    private static Setup mnistChoice(String path) {
        return new Setup(DatasetChoice.of("mnist").with("path", path), imageNet(1, SIDE, 10));
    }

    /** A CIFAR-10 binary folder with {@code records} records in each of the six batch files. */
    private static Setup cifar(Path f, int records, String suffix) throws IOException {
        Path folder = Files.createDirectories(f.resolve("cifar"));
        byte[] batch = new byte[records * CIFAR_RECORD];
        for (int r = 0; r < records; r++) {
            batch[r * CIFAR_RECORD] = (byte) (r % 10);
            for (int i = 1; i < CIFAR_RECORD; i++) {
                batch[r * CIFAR_RECORD + i] = (byte) (i * 13 + r);
            }
        }
        for (int i = 1; i <= 5; i++) {
            Files.write(folder.resolve("data_batch_" + i + suffix), batch);
        }
        Files.write(folder.resolve("test_batch" + suffix), batch);
        return new Setup(DatasetChoice.of("cifar-10").with("path", "cifar"), imageNet(3, 32, 10));
    }

    static List<Case> cases() {
        return List.of(
                new Case("real MNIST", "the four original gzip files from the shared datasets", f ->
                        new Setup(DatasetChoice.of("mnist").with("path", "/work/shared/datasets/mnist"),
                                imageNet(1, SIDE, 10)), Expected.trains(null, null, "examples used")),
                new Case("small MNIST folder", "plain IDX files: 60 training and 20 test images", f ->
                        mnist(f, idxImages(60)), Expected.trains(80, null, "80 examples used")),
                new Case("MNIST wrong magic number", "the training images file holds labels (magic 2049)", f ->
                        mnist(f, idxLabels(60)), Expected.refused("train-images-idx3-ubyte")),
                new Case("MNIST truncated IDX", "the training images file cut in the middle", f -> {
                    byte[] full = idxImages(60);
                    return mnist(f, Arrays.copyOf(full, full.length / 2));
                }, Expected.refused("train-images-idx3-ubyte")),
                new Case("MNIST truncated gzip", "the training images gzip cut short", f -> {
                    byte[] gz = gzip(idxImages(60));
                    Setup setup = mnist(f, idxImages(60));
                    Files.delete(f.resolve("mnist/train-images-idx3-ubyte"));
                    Files.write(f.resolve("mnist/train-images-idx3-ubyte.gz"), Arrays.copyOf(gz, gz.length / 2));
                    return setup;
                }, Expected.refused("train-images-idx3-ubyte.gz")),
                new Case("MNIST missing file", "the test labels are missing", f -> {
                    Setup setup = mnist(f, idxImages(60));
                    Files.delete(f.resolve("mnist/t10k-labels-idx1-ubyte"));
                    return setup;
                }, Expected.refused("Missing: the test labels")),
                new Case("MNIST path is a file", "the path names one IDX file, not the folder", f -> {
                    mnist(f, idxImages(60));
                    return mnistChoice("mnist/train-labels-idx1-ubyte");
                }, Expected.refused("is a file, not a folder")),
                new Case("MNIST empty file", "the training labels file has 0 bytes", f -> {
                    Setup setup = mnist(f, idxImages(60));
                    Files.write(f.resolve("mnist/train-labels-idx1-ubyte"), new byte[0]);
                    return setup;
                }, Expected.refused("train-labels-idx1-ubyte")),
                new Case("MNIST web page named gz", "an HTML error page saved as the training images", f -> {
                    Setup setup = mnist(f, idxImages(60));
                    Files.delete(f.resolve("mnist/train-images-idx3-ubyte"));
                    Files.writeString(f.resolve("mnist/train-images-idx3-ubyte.gz"),
                            "<!DOCTYPE html><html><body>404 Not Found</body></html>");
                    return setup;
                }, Expected.refused("train-images-idx3-ubyte.gz")),
                new Case("small CIFAR-10 folder", "six binary batches of 20 records", f -> cifar(f, 20, ".bin"),
                        Expected.trains(120, null, "120 examples used")),
                new Case("CIFAR-10 truncated batch", "data_batch_3.bin cut by 100 bytes", f -> {
                    Setup setup = cifar(f, 20, ".bin");
                    Path cut = f.resolve("cifar/data_batch_3.bin");
                    byte[] b = Files.readAllBytes(cut);
                    Files.write(cut, Arrays.copyOf(b, b.length - 100));
                    return setup;
                }, Expected.refused("data_batch_3.bin")),
                new Case("CIFAR-10 python version", "the batches without .bin (the Python pickles' names)", f ->
                        cifar(f, 20, ""), Expected.refused("It holds the Python version")));
    }
}
