package org.layerloom.app;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A small MNIST folder for tests, made from the real files in the shared datasets folder: the first
 * {@code train} training and {@code test} test images with their labels, as the four uncompressed IDX files
 * under their usual names. Written under target/ by the test that needs it; never part of the product.
 */
final class MnistSubset {

    private MnistSubset() {
    }

    /** The shared folder with the four original MNIST files. */
    static Path realMnist() {
        String property = System.getProperty("layerloom.datasets");
        Path folder = property == null || property.isBlank() || property.contains("${")
                ? Path.of("../../shared/datasets") : Path.of(property);
        return folder.resolve("mnist").toAbsolutePath().normalize();
    }

    /** Writes the subset into {@code target} (created, or emptied first) and returns it. */
    static Path write(Path target, int train, int test) throws IOException {
        Path source = realMnist();
        if (Files.exists(target)) {
            try (var files = Files.list(target)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(target);
        copy(source.resolve("train-images-idx3-ubyte.gz"), target.resolve("train-images-idx3-ubyte"), train);
        copy(source.resolve("train-labels-idx1-ubyte.gz"), target.resolve("train-labels-idx1-ubyte"), train);
        copy(source.resolve("t10k-images-idx3-ubyte.gz"), target.resolve("t10k-images-idx3-ubyte"), test);
        copy(source.resolve("t10k-labels-idx1-ubyte.gz"), target.resolve("t10k-labels-idx1-ubyte"), test);
        return target;
    }

    /** Copies the IDX header with the count set to {@code count}, then the first {@code count} records. */
    private static void copy(Path gz, Path target, int count) throws IOException {
        try (InputStream raw = new GZIPInputStream(Files.newInputStream(gz));
             DataInputStream in = new DataInputStream(raw);
             OutputStream file = Files.newOutputStream(target);
             DataOutputStream out = new DataOutputStream(file)) {
            int magic = in.readInt();
            int dims = magic & 0xff;
            int declared = in.readInt();
            if (count > declared) {
                throw new IOException(gz + " holds only " + declared + " records");
            }
            out.writeInt(magic);
            out.writeInt(count);
            int recordSize = 1;
            for (int d = 1; d < dims; d++) {
                int size = in.readInt();
                out.writeInt(size);
                recordSize *= size;
            }
            out.write(in.readNBytes(count * recordSize));
        }
    }
}
