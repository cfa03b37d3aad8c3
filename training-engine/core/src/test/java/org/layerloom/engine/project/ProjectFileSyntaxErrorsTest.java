package org.layerloom.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.layerloom.engine.testing.TestProjects;

/** Files that are not well-formed JSON, or not text, or far too big. */
class ProjectFileSyntaxErrorsTest {

    @TempDir
    Path folder;

    @Test
    void truncated_file_reports_line_and_column() {
        String json = TestProjects.smallMlpJson();
        String cut = json.substring(0, json.indexOf("\"units\""));

        ProjectFileException error = LoadErrors.reading(cut);

        long lines = cut.lines().count();
        assertThat(error.location()).startsWith("line " + lines + ", column ");
        assertThat(error.problem()).isEqualTo("the file ends in the middle of the project; it may have been cut off"
                + " while saving. If you have a copy, open that instead.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"units\" : 10", "\"units\" : 1", "\"bias\" : tr", "\"bias\"", "\"bi", "{", "[ 784"})
    void a_file_cut_anywhere_is_reported_as_cut_off(String end) {
        String json = TestProjects.smallMlpJson();
        String cut = json.substring(0, json.indexOf(end) + end.length());

        assertThat(LoadErrors.reading(cut).problem()).startsWith("the file ends in the middle of the project");
    }

    @Test
    void trailing_garbage_is_reported_where_it_starts() {
        ProjectFileException error = LoadErrors.reading(TestProjects.smallMlpJson() + "\n{ \"format\" : 1 }\n");

        int lines = (int) TestProjects.smallMlpJson().lines().count();
        assertThat(error.location()).isEqualTo("line " + (lines + 2) + ", column 1");
        assertThat(error.problem()).contains("more text after the end of the project");
    }

    @Test
    void trailing_stray_characters_are_reported() {
        ProjectFileException error = LoadErrors.reading(TestProjects.smallMlpJson() + "oops");

        assertThat(error.location()).startsWith("line ");
        assertThat(error.problem()).contains("more text after the end of the project");
    }

    @Test
    void a_missing_comma_is_explained() {
        String json = TestProjects.smallMlpJson().replace("\"format\" : 1,", "\"format\" : 1");

        ProjectFileException error = LoadErrors.reading(json);

        assertThat(error.location()).isEqualTo("line 3, column 3");
        assertThat(error.problem()).contains("a comma is missing between two entries");
    }

    @Test
    void a_stray_character_is_reported_at_its_line() {
        String json = TestProjects.smallMlpJson().replace("\"epochs\" : 5,", "\"epochs\" : 5,,");

        ProjectFileException error = LoadErrors.reading(json);

        assertThat(error.location()).startsWith("line " + lineOf(json, "\"epochs\"") + ", column ");
        assertThat(error.problem()).contains("a name in double quotes was expected here");
    }

    @Test
    void nan_is_refused_by_the_parser() {
        String json = TestProjects.smallMlpJson().replace("\"validationSplit\" : 0.1", "\"validationSplit\" : NaN");

        ProjectFileException error = LoadErrors.reading(json);

        assertThat(error.location()).startsWith("line " + lineOf(json, "NaN") + ", column ");
        assertThat(error.problem()).contains("NaN is not a number a project file can hold");
    }

    @Test
    void empty_file_says_it_is_empty() throws Exception {
        Path file = Files.createFile(folder.resolve("empty.loom"));

        ProjectFileException error = LoadErrors.loading(file);

        assertThat(error.getMessage()).isEqualTo("empty.loom: the file is empty, so there is no project in it. It may"
                + " have been cut off while saving; if you have a copy, open that instead.");
        assertThat(error.location()).isEmpty();
        assertThat(LoadErrors.reading("  \n\t ").problem()).startsWith("the file is empty");
    }

    @Test
    void bytes_that_are_not_utf8_are_reported_with_their_offset() throws Exception {
        byte[] text = TestProjects.smallMlpJson().getBytes(StandardCharsets.UTF_8);
        text[40] = (byte) 0xFF;
        Path file = Files.write(folder.resolve("latin.loom"), text);

        ProjectFileException error = LoadErrors.loading(file);

        assertThat(error.location()).isEmpty();
        assertThat(error.problem()).startsWith("the file is not UTF-8 text: the byte at offset 40 ");
    }

    @Test
    void a_50_mb_file_is_refused_before_it_is_read() throws Exception {
        Path file = folder.resolve("huge.loom");
        try (RandomAccessFile huge = new RandomAccessFile(file.toFile(), "rw")) {
            huge.setLength(50L * 1024 * 1024);
        }

        ProjectFileException error = LoadErrors.loading(file);

        assertThat(error.getMessage()).isEqualTo("huge.loom: the file is 50.0 MB; a LayerLoom project is at most 16 MB."
                + " Is this really a .loom project?");
    }

    @Test
    void nesting_deeper_than_64_levels_is_refused() {
        String deep = "[".repeat(70) + "]".repeat(70);
        String json = TestProjects.smallMlpJson().replace("\"options\" : { }", "\"options\" : { \"x\" : " + deep + " }");

        ProjectFileException error = LoadErrors.reading(json);

        assertThat(error.location()).startsWith("line " + lineOf(json, "\"options\"") + ", column ");
        assertThat(error.problem()).contains("nested more than 64 levels deep");
    }

    @Test
    void duplicate_keys_are_refused_with_their_path() {
        String json = TestProjects.smallMlpJson().replace("\"name\" : \"Dense 1\",",
                "\"name\" : \"Dense 1\", \"name\" : \"Hidden\",");

        ProjectFileException error = LoadErrors.reading(json);

        assertThat(error.location()).isEqualTo("$.graph.nodes[1].name");
        assertThat(error.problem()).contains("appears twice in the same object");
    }

    @Test
    void a_list_instead_of_a_project_is_refused() {
        ProjectFileException error = LoadErrors.reading("[ 1, 2, 3 ]");

        assertThat(error.location()).isEmpty();
        assertThat(error.problem()).contains("holds a list [ ... ], not a LayerLoom project");
    }

    @Test
    void a_missing_file_is_reported_without_a_stack_trace() {
        ProjectFileException error = LoadErrors.loading(folder.resolve("gone.loom"));

        assertThat(error.getMessage()).isEqualTo("gone.loom: the file does not exist. It may have been moved, renamed"
                + " or deleted.");
    }

    @Test
    void a_folder_is_not_a_project() throws Exception {
        Path sub = Files.createDirectory(folder.resolve("digits.loom"));

        assertThat(LoadErrors.loading(sub).problem()).startsWith("this is a folder, not a project file");
    }

    private static int lineOf(String text, String needle) {
        return (int) text.substring(0, text.indexOf(needle)).chars().filter(c -> c == '\n').count() + 1;
    }
}
