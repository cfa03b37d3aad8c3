package org.layerloom.engine.data;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A header that announces about 2 GB the file does not hold is refused before memory is reserved for it. */
class HugeHeaderTest {

    @TempDir
    Path dir;

    private static byte[] labelsDeclaring(int count, int actual) {
        ByteBuffer b = ByteBuffer.allocate(8 + actual);
        b.putInt(IdxFile.LABELS_MAGIC).putInt(count);
        return b.array();
    }

    private DatasetException load(Path folder) {
        return org.assertj.core.api.Assertions.catchThrowableOfType(() -> new MnistSource(MnistVariant.DIGITS)
                .load(new DatasetRequest("mnist", DatasetOptions.of(Map.of("path", folder.toString())), dir, 1, 0.1,
                        OptionalInt.empty()), ProgressListener.none()), DatasetException.class);
    }

    @Test
    void a_plain_label_file_announcing_two_billion_labels_is_called_incomplete() throws Exception {
        Path folder = IdxFixtures.writeFolder(dir.resolve("plain"));
        IdxFixtures.write(folder, "train-labels-idx1-ubyte.gz", labelsDeclaring(2_000_000_000, 100));
        assertThatExceptionOfType(DatasetException.class).isThrownBy(() -> { throw load(folder); })
                .withMessageContaining("train-labels-idx1-ubyte.gz is incomplete")
                .withMessageContaining("2,000,000,000 labels").withMessageContaining("ends after 108 bytes");
    }

    @Test
    void a_gzip_label_file_announcing_two_billion_labels_is_caught_from_its_unpacked_length() throws Exception {
        Path folder = IdxFixtures.writeFolder(dir.resolve("gz"));
        IdxFixtures.write(folder, "train-labels-idx1-ubyte.gz", IdxFixtures.gzip(labelsDeclaring(2_000_000_000, 100)));
        assertThatExceptionOfType(DatasetException.class).isThrownBy(() -> { throw load(folder); })
                .withMessageContaining("is incomplete").withMessageContaining("2,000,000,000 labels")
                .withMessageContaining("108 bytes when unpacked");
    }
}
