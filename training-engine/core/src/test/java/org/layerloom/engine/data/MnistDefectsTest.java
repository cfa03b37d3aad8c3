package org.layerloom.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.layerloom.engine.data.IdxFixtures.cut;
import static org.layerloom.engine.data.IdxFixtures.gzip;
import static org.layerloom.engine.data.IdxFixtures.images;
import static org.layerloom.engine.data.IdxFixtures.labels;
import static org.layerloom.engine.data.IdxFixtures.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.graph.TensorShape;

/** Broken or misnamed IDX files give a clear {@link DatasetException} that names the file. */
class MnistDefectsTest {

    @TempDir
    Path dir;

    private final MnistSource source = new MnistSource(MnistVariant.FASHION);

    private Dataset load(Path folder) throws DatasetException {
        return source.load(new DatasetRequest("fashion-mnist", DatasetOptions.of(Map.of("path", folder.toString())),
                dir, 5, 0.25, OptionalInt.empty()), ProgressListener.none());
    }

    private ThrowableAssertAlternative<DatasetException> failure(Path folder) {
        return org.assertj.core.api.Assertions.assertThatExceptionOfType(DatasetException.class)
                .isThrownBy(() -> load(folder));
    }

    @Test
    void a_well_formed_folder_loads_with_its_shape_classes_and_split() throws Exception {
        Dataset dataset = load(IdxFixtures.writeFolder(dir.resolve("ok")));
        assertThat(dataset.name()).isEqualTo("Fashion-MNIST");
        assertThat(dataset.exampleShape()).isEqualTo(TensorShape.of(1, 4, 4));
        assertThat(((DatasetTask.Classification) dataset.task()).classNames()).hasSize(10)
                .startsWith("T-shirt/top").endsWith("Ankle boot");
        assertThat(dataset.train().size()).isEqualTo(30);
        assertThat(dataset.validation().size()).isEqualTo(10);
        assertThat(dataset.test().size()).isEqualTo(20);
        assertThat(dataset.test().realFeatures().get(17)).isEqualTo(17 / 255f); // image 1, pixel 1
        assertThat(dataset.test().classLabels().toArray()).startsWith(0, 1, 2, 3);
    }

    @Test
    void plain_files_with_dotted_names_load_too() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("plain"));
        write(folder, "train-images.idx3-ubyte", images(40));
        write(folder, "train-labels.idx1-ubyte", labels(40));
        write(folder, "t10k-images.idx3-ubyte", images(20));
        write(folder, "t10k-labels.idx1-ubyte", labels(20));
        assertThat(load(folder).test().size()).isEqualTo(20);
    }

    @Test
    void an_uncompressed_file_named_gz_is_still_read() throws Exception {
        Path folder = IdxFixtures.writeFolder(dir.resolve("raw-gz"));
        write(folder, "t10k-images-idx3-ubyte.gz", images(20));
        assertThat(load(folder).test().size()).isEqualTo(20);
    }

    @Test
    void a_missing_folder_is_named() {
        Path folder = dir.resolve("nowhere");
        failure(folder).withMessageContaining(folder.toString()).withMessageContaining("does not exist")
                .withMessageContaining("'path'");
    }

    @Test
    void a_missing_path_option_says_which_option_to_set() {
        assertThatThrownBy(() -> source.load(new DatasetRequest("fashion-mnist", DatasetOptions.empty(), dir, 1, 0,
                OptionalInt.empty()), ProgressListener.none()))
                .isInstanceOf(DatasetException.class).hasMessageContaining("'path'");
    }

    @Test
    void a_missing_file_lists_the_names_looked_for_and_where() throws Exception {
        Path folder = IdxFixtures.writeFolder(dir.resolve("three"));
        Files.delete(folder.resolve("t10k-labels-idx1-ubyte.gz"));
        failure(folder).withMessageContaining(folder.toString()).withMessageContaining("test labels")
                .withMessageContaining("t10k-labels-idx1-ubyte.gz, t10k-labels-idx1-ubyte, "
                        + "t10k-labels.idx1-ubyte.gz, t10k-labels.idx1-ubyte")
                .withMessageNotContaining("training images");
    }

    @Test
    void a_truncated_plain_file_reports_expected_and_actual_bytes() throws Exception {
        Path folder = IdxFixtures.writeFolder(dir.resolve("cut"));
        Files.delete(folder.resolve("train-images-idx3-ubyte.gz"));
        Path file = write(folder, "train-images-idx3-ubyte", cut(images(40), 100));
        DatasetException e = catchLoad(folder);
        assertThat(e).hasMessageContaining(file.toString()).hasMessageContaining("incomplete")
                .hasMessageContaining("40 images of 4×4 pixels").hasMessageContaining("656 bytes")
                .hasMessageContaining("ends after 100 bytes");
        assertThat(e.file()).contains(file);
        assertThat(e.byteOffset()).hasValue(100);
    }

    @Test
    void a_truncated_gzip_file_is_reported_as_incomplete() throws Exception {
        Path folder = IdxFixtures.writeFolder(dir.resolve("cut-gz"));
        byte[] whole = gzip(images(40));
        Path file = write(folder, "train-images-idx3-ubyte.gz", cut(whole, whole.length / 2));
        failure(folder).withMessageContaining(file.toString()).withMessageContaining("incomplete")
                .withMessageContaining("656 bytes when unpacked");
    }

    @Test
    void gzip_data_that_unpacks_short_is_reported_with_both_sizes() throws Exception {
        Path folder = IdxFixtures.writeFolder(dir.resolve("short-gz"));
        Path file = write(folder, "t10k-images-idx3-ubyte.gz", gzip(cut(images(20), 200)));
        failure(folder).withMessageContaining(file.toString()).withMessageContaining("336 bytes when unpacked")
                .withMessageContaining("ends after 200 bytes");
    }

    @Test
    void a_wrong_magic_number_is_reported_with_the_expected_one() throws Exception {
        Path folder = IdxFixtures.writeFolder(dir.resolve("magic"));
        byte[] bad = images(40);
        bad[3] = 0x04;
        Path file = write(folder, "train-images-idx3-ubyte.gz", gzip(bad));
        failure(folder).withMessageContaining(file.toString()).withMessageContaining("magic number 2051")
                .withMessageContaining("00 00 08 04");
    }

    @Test
    void swapped_image_and_label_files_are_recognised() throws Exception {
        Path folder = IdxFixtures.writeFolder(dir.resolve("swapped"));
        Path file = write(folder, "train-labels-idx1-ubyte.gz", gzip(images(40)));
        failure(folder).withMessageContaining(file.toString()).withMessageContaining("holds images, not labels");
    }

    @Test
    void a_label_count_mismatch_names_both_files() throws Exception {
        Path folder = IdxFixtures.writeFolder(dir.resolve("counts"));
        write(folder, "train-labels-idx1-ubyte.gz", gzip(labels(39)));
        failure(folder).withMessageContaining("train-images-idx3-ubyte.gz holds 40 images")
                .withMessageContaining("train-labels-idx1-ubyte.gz holds 39 labels");
    }

    @Test
    void a_label_out_of_range_is_reported_at_its_byte() throws Exception {
        Path folder = IdxFixtures.writeFolder(dir.resolve("label"));
        byte[] bad = labels(20);
        bad[8 + 5] = 12;
        Path file = write(folder, "t10k-labels-idx1-ubyte.gz", gzip(bad));
        DatasetException e = catchLoad(folder);
        assertThat(e).hasMessageContaining(file.toString()).hasMessageContaining("label 12 at byte 13");
        assertThat(e.byteOffset()).hasValue(13);
    }

    @Test
    void a_web_page_named_gz_is_neither_gzip_nor_idx() throws Exception {
        Path folder = IdxFixtures.writeFolder(dir.resolve("html"));
        Path file = write(folder, "train-labels-idx1-ubyte.gz",
                "<!DOCTYPE html><html><body>Not found</body></html>".getBytes(StandardCharsets.US_ASCII));
        failure(folder).withMessageContaining(file.toString()).withMessageContaining("not gzip-compressed")
                .withMessageContaining("web page");
    }

    @Test
    void a_damaged_gzip_header_is_reported() throws Exception {
        Path folder = IdxFixtures.writeFolder(dir.resolve("bad-gz"));
        Path file = write(folder, "train-labels-idx1-ubyte.gz", new byte[] {0x1f, (byte) 0x8b, 9, 9, 9});
        failure(folder).withMessageContaining(file.toString()).withMessageContaining("cannot be unpacked");
    }

    private DatasetException catchLoad(Path folder) {
        try {
            load(folder);
        } catch (DatasetException e) {
            return e;
        }
        throw new AssertionError("expected a DatasetException");
    }
}
