package org.layerloom.engine.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/** Writes small MNIST-format folders (and broken variants) for tests. */
final class IdxFixtures {

    static final int SIDE = 4;

    private IdxFixtures() {
    }

    /** Images file bytes: magic 2051, count, SIDE, SIDE, then pixel i of image k = (k * 16 + i) % 256. */
    static byte[] images(int count) {
        ByteBuffer b = ByteBuffer.allocate(16 + count * SIDE * SIDE);
        b.putInt(IdxFile.IMAGES_MAGIC).putInt(count).putInt(SIDE).putInt(SIDE);
        for (int k = 0; k < count; k++) {
            for (int i = 0; i < SIDE * SIDE; i++) {
                b.put((byte) ((k * 16 + i) % 256));
            }
        }
        return b.array();
    }

    /** Labels file bytes: magic 2049, count, then label k = k % 10. */
    static byte[] labels(int count) {
        ByteBuffer b = ByteBuffer.allocate(8 + count);
        b.putInt(IdxFile.LABELS_MAGIC).putInt(count);
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

    static byte[] cut(byte[] data, int length) {
        return Arrays.copyOf(data, length);
    }

    /** A complete gzip folder: 40 training and 20 test examples. */
    static Path writeFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        write(folder, "train-images-idx3-ubyte.gz", gzip(images(40)));
        write(folder, "train-labels-idx1-ubyte.gz", gzip(labels(40)));
        write(folder, "t10k-images-idx3-ubyte.gz", gzip(images(20)));
        write(folder, "t10k-labels-idx1-ubyte.gz", gzip(labels(20)));
        return folder;
    }

    static Path write(Path folder, String name, byte[] bytes) throws IOException {
        return Files.write(folder.resolve(name), bytes);
    }
}
