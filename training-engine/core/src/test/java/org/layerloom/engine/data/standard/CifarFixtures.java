package org.layerloom.engine.data.standard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small but real CIFAR-10 binary batches: records of a label byte and 3,072 pixel bytes. Tests only. */
final class CifarFixtures {

    private CifarFixtures() {
    }

    /** Five training batches and a test batch of {@code records} records each; pixel bytes encode the label. */
    static Path writeFolder(Path folder, int records) throws IOException {
        Files.createDirectories(folder);
        for (String name : CifarFiles.TRAIN_NAMES) {
            Files.write(folder.resolve(name), batch(records, 0));
        }
        Files.write(folder.resolve(CifarFiles.TEST_NAME), batch(records, 3));
        return folder;
    }

    static byte[] batch(int records, int shift) {
        byte[] bytes = new byte[records * Cifar10Source.RECORD];
        for (int r = 0; r < records; r++) {
            int label = (r + shift) % 10;
            int base = r * Cifar10Source.RECORD;
            bytes[base] = (byte) label;
            for (int k = 1; k < Cifar10Source.RECORD; k++) {
                bytes[base + k] = (byte) (k <= 1024 ? label * 25 : k <= 2048 ? 255 : 0);
            }
        }
        return bytes;
    }
}
