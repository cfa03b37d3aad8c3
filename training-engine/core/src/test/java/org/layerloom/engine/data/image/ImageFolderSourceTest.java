package org.layerloom.engine.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.TestRequests;

class ImageFolderSourceTest {

    @TempDir
    Path dir;

    @Test
    void class_folders_of_png_jpeg_gif_and_bmp_become_colour_images_of_the_chosen_size() throws Exception {
        ImageFixtures.writeFolder(dir.resolve("pics"), 12);
        Dataset data = TestRequests.load("image-folder", dir, "path", "pics", "width", 16);
        assertThat(data.exampleShape().dims()).containsExactly(3, 16, 16);
        assertThat(data.classNames()).containsExactly("circle", "square");
        assertThat(data.splits().totalSize()).isEqualTo(24);
        float[] pixels = data.train().realFeatures().toArray();
        for (float v : pixels) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    @Test
    void grey_output_has_one_channel() throws Exception {
        ImageFixtures.writeFolder(dir.resolve("pics"), 6);
        Dataset data = TestRequests.load("image-folder", dir, "path", "pics", "width", 8, "height", 10, "channels", 1);
        assertThat(data.exampleShape().dims()).containsExactly(1, 10, 8);
    }

    @Test
    void a_corrupt_png_is_listed_in_the_report_and_the_rest_is_read() throws Exception {
        ImageFixtures.writeFolder(dir.resolve("pics"), 6);
        Files.write(dir.resolve("pics/circle/broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
        Files.writeString(dir.resolve("pics/square/readme.txt"), "not a picture");
        Dataset data = TestRequests.load("image-folder", dir, "path", "pics");
        assertThat(data.splits().totalSize()).isEqualTo(12);
        assertThat(data.report().notes()).anyMatch(n -> n.startsWith("1 damaged or truncated picture(s) left out")
                && n.contains("circle/broken.png"));
        assertThat(data.report().notes()).anyMatch(n -> n.startsWith("1 file(s) that are not pictures left out")
                && n.contains("square/readme.txt"));
        SkippedFiles skipped = data.imageFiles().orElseThrow().skipped();
        assertThat(skipped.count(SkipReason.DAMAGED)).isEqualTo(1);
        assertThat(skipped.count(SkipReason.NOT_A_PICTURE)).isEqualTo(1);
        assertThat(skipped.total()).isEqualTo(2);
    }

    @Test
    void many_skipped_files_are_all_counted_and_the_first_five_named() throws Exception {
        ImageFixtures.writeFolder(dir.resolve("pics"), 4);
        for (int i = 0; i < 7; i++) {
            Files.write(dir.resolve("pics/square/empty" + i + ".png"), new byte[0]);
        }
        Dataset data = TestRequests.load("image-folder", dir, "path", "pics");
        SkippedFiles skipped = data.imageFiles().orElseThrow().skipped();
        assertThat(skipped.count(SkipReason.EMPTY_FILE)).isEqualTo(7);
        assertThat(skipped.first().get(SkipReason.EMPTY_FILE)).hasSize(5)
                .allSatisfy(s -> assertThat(s.detail()).isEqualTo("0 bytes"));
        assertThat(data.report().notes()).containsExactly(
                "7 file(s) below pics were left out: 7 empty file(s) (0 bytes).",
                "7 empty file(s) (0 bytes) left out: square/empty0.png (0 bytes); square/empty1.png (0 bytes); "
                        + "square/empty2.png (0 bytes); square/empty3.png (0 bytes); square/empty4.png (0 bytes); "
                        + "and 2 more. Copy the pictures again; these hold nothing.");
    }

    @Test
    void a_class_without_a_readable_picture_is_refused_naming_its_folder_and_what_was_left_out() throws Exception {
        ImageFixtures.writeFolder(dir.resolve("pics"), 4);
        Files.createDirectories(dir.resolve("pics/dog/indoor"));
        Files.write(dir.resolve("pics/dog/indoor/a.webp"), new byte[] {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B',
                'P'});
        assertThatThrownBy(() -> TestRequests.load("image-folder", dir, "path", "pics"))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("The class folder 'dog' (" + dir.resolve("pics/dog") + ") holds no picture")
                .hasMessageContaining("left out there: 1 picture(s) in a format LayerLoom cannot read")
                .hasMessageContaining("sub-folders are read too")
                .satisfies(e -> assertThat(((DatasetException) e).file()).contains(dir.resolve("pics/dog")));
    }

    @Test
    void a_folder_with_only_one_class_is_refused_with_advice() throws Exception {
        ImageFixtures.write(dir.resolve("one/cats/a.png"), true, 1, "png");
        assertThatThrownBy(() -> TestRequests.load("image-folder", dir, "path", "one"))
                .isInstanceOf(DatasetException.class).hasMessageContaining("only one class folder (cats)")
                .hasMessageContaining("at least two classes");
    }

    @Test
    void train_and_test_folders_give_the_test_split() throws Exception {
        ImageFixtures.writeFolder(dir.resolve("set/train"), 8);
        ImageFixtures.writeFolder(dir.resolve("set/test"), 3);
        Dataset data = TestRequests.load("image-folder", dir, "path", "set");
        assertThat(data.test().size()).isEqualTo(6);
        assertThat(data.train().size() + data.validation().size()).isEqualTo(16);
    }

    @Test
    void each_example_knows_its_picture_file_in_given_and_held_out_test_splits() throws Exception {
        ImageFixtures.writeFolder(dir.resolve("set/train"), 8);
        ImageFixtures.writeFolder(dir.resolve("set/test"), 3);
        ImageFixtures.writeFolder(dir.resolve("pics"), 9);
        for (Dataset data : new Dataset[] {TestRequests.load("image-folder", dir, "path", "set", "width", 10),
                TestRequests.load("image-folder", dir, "path", "pics", "width", 10, "augment-flip", true)}) {
            ImageFiles files = data.imageFiles().orElseThrow();
            assertThat(files.augmentedCopies()).isEqualTo(data.train().size() == files.train().size() ? 0 : 1);
            assertThat(files.validation()).hasSize(data.validation().size()).isNotEmpty();
            assertThat(files.test()).hasSize(data.test().size());
            assertSamePictures(files.train(), data.train());
            assertSamePictures(files.validation(), data.validation());
            assertSamePictures(files.test(), data.test());
        }
    }

    /** The first examples of {@code part} are the pictures of {@code files}, in order, with their class. */
    private static void assertSamePictures(java.util.List<Path> files, org.layerloom.engine.data.Examples part)
            throws Exception {
        float[] all = part.realFeatures().toArray();
        int size = part.exampleSize();
        for (int i = 0; i < files.size(); i++) {
            float[] again = Pixels.toFloats(javax.imageio.ImageIO.read(files.get(i).toFile()), 10, 10, 3);
            assertThat(again).containsExactly(java.util.Arrays.copyOfRange(all, i * size, (i + 1) * size));
            assertThat(files.get(i).getParent().getFileName().toString())
                    .isEqualTo(part.classLabels().get(i) == 0 ? "circle" : "square");
        }
    }

    @Test
    void augmentation_adds_changed_copies_to_the_training_split_only() throws Exception {
        ImageFixtures.writeFolder(dir.resolve("pics"), 10);
        Dataset plain = TestRequests.load("image-folder", dir, "path", "pics");
        Dataset augmented = TestRequests.load("image-folder", dir, "path", "pics", "augment-flip", true,
                "augment-shift", 2, "augment-rotate", 15, "augment-noise", 0.05, "augment-copies", 2);
        assertThat(augmented.train().size()).isEqualTo(3 * plain.train().size());
        assertThat(augmented.test().size()).isEqualTo(plain.test().size());
        assertThat(augmented.validation().size()).isEqualTo(plain.validation().size());
        Dataset again = TestRequests.load("image-folder", dir, "path", "pics", "augment-flip", true,
                "augment-shift", 2, "augment-rotate", 15, "augment-noise", 0.05, "augment-copies", 2);
        assertThat(again.train().realFeatures().toArray()).containsExactly(augmented.train().realFeatures().toArray());
    }

    @Test
    void a_flip_mirrors_left_and_right() {
        float[] image = {1, 0, 0, 0, 0, 0};
        Augmentation flip = new Augmentation(true, 0, 0, 0, 1);
        Random random = new Random(1);
        float[] out;
        do {
            out = flip.apply(image, 1, 2, 3, random);
        } while (out[0] == 1);
        assertThat(out).containsExactly(0, 0, 1, 0, 0, 0);
    }
}
