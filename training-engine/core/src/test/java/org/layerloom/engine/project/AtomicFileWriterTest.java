package org.layerloom.engine.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.testing.TestProjects;

class AtomicFileWriterTest {

    private static final byte[] OLD = "old content\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path folder;

    @Test
    void a_body_that_fails_half_way_leaves_the_old_file_and_no_temporary_file() throws Exception {
        Path target = Files.write(folder.resolve("digits.loom"), OLD);

        assertThatThrownBy(() -> AtomicFileWriter.write(target, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");

        assertThat(Files.readAllBytes(target)).isEqualTo(OLD);
        assertThat(filesIn(folder)).containsExactly("digits.loom");
    }

    @Test
    void a_body_that_throws_an_unchecked_exception_also_leaves_no_trace() throws Exception {
        Path target = Files.write(folder.resolve("digits.loom"), OLD);

        assertThatThrownBy(() -> AtomicFileWriter.write(target, out -> {
            out.write(1);
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(Files.readAllBytes(target)).isEqualTo(OLD);
        assertThat(filesIn(folder)).containsExactly("digits.loom");
    }

    @Test
    void a_successful_write_replaces_the_file_and_leaves_no_temporary_file() throws Exception {
        Path target = Files.write(folder.resolve("digits.loom"), OLD);

        AtomicFileWriter.write(target, "new\n".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(target)).isEqualTo("new\n");
        assertThat(filesIn(folder)).containsExactly("digits.loom");
    }

    @Test
    void saving_into_a_missing_folder_says_the_folder_does_not_exist() {
        Path target = folder.resolve("no such folder").resolve("digits.loom");

        assertThatThrownBy(() -> ProjectFiles.save(TestProjects.smallMlp(), target))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("no such folder: the folder does not exist, so digits.loom cannot be saved"
                        + " there. Choose a folder that exists.");
    }

    @Test
    void replacing_a_file_keeps_its_permissions() throws Exception {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        Path target = Files.write(folder.resolve("digits.loom"), OLD);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw-r--"));

        ProjectFiles.save(TestProjects.smallMlp(), target);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-rw-r--");
    }

    @Test
    void a_project_that_could_not_be_opened_again_is_not_saved() throws Exception {
        Path target = Files.write(folder.resolve("digits.loom"), OLD);
        Project broken = TestProjects.smallMlp().withTraining(new TrainingSettings(
                OptimizerSettings.adam(Double.NaN), TrainingSettings.defaults().schedule(), 0, 5, 0.1, 42,
                DeviceChoice.AUTO));

        assertThatThrownBy(() -> ProjectFiles.save(broken, target))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("LayerLoom did not save digits.loom because it could not open the result again");

        assertThat(Files.readAllBytes(target)).isEqualTo(OLD);
        assertThat(filesIn(folder)).containsExactly("digits.loom");
    }

    @Test
    void a_name_with_a_broken_character_is_not_saved() throws Exception {
        Project broken = new Project("half an emoji \uD83D", TestProjects.smallMlp().graph(),
                DatasetChoice.of("mnist"), TrainingSettings.defaults());

        assertThatThrownBy(() -> ProjectFiles.save(broken, folder.resolve("x.loom")))
                .isInstanceOf(IOException.class).hasMessageContaining("broken character");
        assertThat(filesIn(folder)).isEmpty();
    }

    private static java.util.List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
