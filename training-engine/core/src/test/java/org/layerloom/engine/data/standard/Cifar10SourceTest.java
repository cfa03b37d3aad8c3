package org.layerloom.engine.data.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.TestRequests;

class Cifar10SourceTest {

    @TempDir
    Path dir;

    @Test
    void binary_batches_give_colour_images_channel_first_with_the_cifar_classes() throws Exception {
        CifarFixtures.writeFolder(dir.resolve("cifar"), 20);
        Dataset cifar = TestRequests.load("cifar-10", dir, "path", "cifar");
        assertThat(cifar.exampleShape().dims()).containsExactly(3, 32, 32);
        assertThat(cifar.classNames()).startsWith("airplane", "automobile").hasSize(10);
        assertThat(cifar.test().size()).isEqualTo(20);
        assertThat(cifar.train().size() + cifar.validation().size()).isEqualTo(100);
        float[] first = cifar.test().realFeatures().slice(0, 3072).toArray();
        int label = cifar.test().classLabels().get(0);
        assertThat(first[0]).isCloseTo(label * 25 / 255f, within(1e-6f));
        assertThat(first[1024]).isEqualTo(1f);
        assertThat(first[2048]).isEqualTo(0f);
    }

    @Test
    void the_extracted_sub_folder_of_the_archive_is_found_too() throws Exception {
        CifarFixtures.writeFolder(dir.resolve("download/cifar-10-batches-bin"), 10);
        assertThat(TestRequests.load("cifar-10", dir, "path", "download").test().size()).isEqualTo(10);
    }

    @Test
    void a_batch_cut_off_in_the_middle_of_a_record_names_the_file_and_the_record() throws Exception {
        Path folder = CifarFixtures.writeFolder(dir.resolve("cifar"), 10);
        byte[] bytes = Files.readAllBytes(folder.resolve("data_batch_3.bin"));
        Files.write(folder.resolve("data_batch_3.bin"), Arrays.copyOf(bytes, bytes.length - 100));
        assertThatThrownBy(() -> TestRequests.load("cifar-10", dir, "path", "cifar"))
                .isInstanceOf(DatasetException.class).hasMessageContaining("data_batch_3.bin")
                .hasMessageContaining("record 10 is cut off");
    }

    @Test
    void a_label_above_nine_is_reported_with_its_record() throws Exception {
        Path folder = CifarFixtures.writeFolder(dir.resolve("cifar"), 10);
        byte[] bytes = Files.readAllBytes(folder.resolve("test_batch.bin"));
        bytes[2 * Cifar10Source.RECORD] = 42;
        Files.write(folder.resolve("test_batch.bin"), bytes);
        assertThatThrownBy(() -> TestRequests.load("cifar-10", dir, "path", "cifar"))
                .isInstanceOf(DatasetException.class).hasMessageContaining("label 42 in record 3")
                .hasMessageContaining("CIFAR-100");
    }

    @Test
    void a_missing_batch_and_the_python_version_are_explained() throws Exception {
        Path folder = dir.resolve("python");
        Files.createDirectories(folder);
        Files.write(folder.resolve("data_batch_1"), new byte[10]);
        assertThatThrownBy(() -> TestRequests.load("cifar-10", dir, "path", "python"))
                .isInstanceOf(DatasetException.class).hasMessageContaining("Missing: data_batch_1.bin")
                .hasMessageContaining("Python version");
    }
}
