package org.layerloom.engine.data.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.data.DataUse;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.LeftOut;
import org.layerloom.engine.data.LeftOutReason;
import org.layerloom.engine.data.TestRequests;

/** Labelled texts never leave a row or a file out in silence (issue 21). */
class TextLeftOutTest {

    @TempDir
    Path dir;

    private Path classes(String... classNames) throws Exception {
        Path root = dir.resolve("reviews");
        for (String c : classNames) {
            Files.createDirectories(root.resolve(c));
            for (int i = 0; i < 6; i++) {
                Files.writeString(root.resolve(c).resolve(i + ".txt"), "a " + c + " review number " + i);
            }
        }
        return root;
    }

    @Test
    void rows_without_a_label_or_a_text_are_counted_with_their_lines() throws Exception {
        StringBuilder rows = new StringBuilder("text\tlabel\n");
        for (int i = 0; i < 20; i++) {
            rows.append("good film ").append(i).append("\t1\nbad film ").append(i).append("\t0\n");
        }
        rows.append("no label here\t\n").append("\t1\n").append("also unlabelled\t \n");
        Files.writeString(dir.resolve("films.tsv"), rows);

        Dataset data = TestRequests.load("text", dir, "path", "films.tsv");

        DataUse use = data.report().use().orElseThrow();
        assertThat(use.used()).isEqualTo(40);
        assertThat(use.leftOut()).containsExactly(new LeftOut(LeftOutReason.UNLABELLED_TEXT, 3,
                List.of("films.tsv line 42", "films.tsv line 43", "films.tsv line 44")));
        assertThat(use.sentence()).isEqualTo("40 of 43 texts used; 3 left out: 3 without a text or without a label "
                + "(films.tsv lines 42, 43, 44).");
        assertThat(data.report().notes()).anyMatch(n -> n.contains("3 row(s) of films.tsv had no text (column "
                + "'text') or no label (column 'label') and were left out (lines 42, 43, 44)."));
    }

    @Test
    void a_table_where_no_row_has_a_label_is_refused_naming_the_file_and_lines() throws Exception {
        Files.writeString(dir.resolve("unlabelled.tsv"), "text\tlabel\nfirst\t\nsecond\t\nthird\t\n");
        assertThatThrownBy(() -> TestRequests.load("text", dir, "path", "unlabelled.tsv"))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("unlabelled.tsv has both a text (column 'text') and a label (column 'label')")
                .hasMessageContaining("all 3 rows miss one (lines 2, 3, 4)");
    }

    @Test
    void empty_and_foreign_files_in_class_folders_are_counted_by_reason_and_named() throws Exception {
        Path root = classes("good", "bad");
        Files.writeString(root.resolve("good/empty.txt"), "");
        Files.writeString(root.resolve("bad/blank.txt"), "  \n\n ");
        Files.writeString(root.resolve("bad/photo.jpg"), "not text");
        Files.writeString(root.resolve("stray.txt"), "a text outside any class");
        Files.writeString(root.resolve("good/.hidden.txt"), "hidden files are no examples");

        Dataset data = TestRequests.load("text", dir, "path", "reviews");

        DataUse use = data.report().use().orElseThrow();
        assertThat(use.used()).isEqualTo(12);
        assertThat(use.leftOut()).containsExactly(
                new LeftOut(LeftOutReason.EMPTY_FILE, 2, List.of("bad/blank.txt", "good/empty.txt")),
                new LeftOut(LeftOutReason.NOT_A_TEXT_FILE, 1, List.of("bad/photo.jpg")),
                new LeftOut(LeftOutReason.OUTSIDE_CLASS, 1, List.of("stray.txt")));
        assertThat(data.report().notes().get(0)).isEqualTo("4 file(s) below reviews were left out: 2 empty "
                + "(bad/blank.txt, good/empty.txt), 1 not ending in .txt (bad/photo.jpg), 1 outside any class folder "
                + "(stray.txt).");
    }

    @Test
    void a_binary_file_named_txt_is_left_out_as_unreadable_with_the_reason() throws Exception {
        Path root = classes("good", "bad");
        Files.write(root.resolve("good/zip.txt"), new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 1, 2, 0, 0, 0, 7});

        Dataset data = TestRequests.load("text", dir, "path", "reviews");

        assertThat(data.report().use().orElseThrow().leftOut())
                .containsExactly(new LeftOut(LeftOutReason.UNREADABLE_FILE, 1, List.of("good/zip.txt")));
        assertThat(data.report().notes()).anyMatch(n -> n.startsWith("The file good/zip.txt was left out: "));
    }

    @Test
    void a_class_folder_with_only_empty_files_is_refused_naming_the_folder() throws Exception {
        Path root = classes("good", "bad");
        Files.createDirectories(root.resolve("meh"));
        Files.writeString(root.resolve("meh/a.txt"), "");
        Files.writeString(root.resolve("meh/b.doc"), "word file");

        assertThatThrownBy(() -> TestRequests.load("text", dir, "path", "reviews"))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("The class folder " + root.resolve("meh") + " gives no text to learn from: "
                        + "1 empty (meh/a.txt), 1 not ending in .txt (meh/b.doc), so nothing is left.");
    }

    @Test
    void an_empty_class_folder_is_refused_naming_the_folder() throws Exception {
        Path root = classes("good", "bad");
        Files.createDirectories(root.resolve("meh"));

        assertThatThrownBy(() -> TestRequests.load("text", dir, "path", "reviews"))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("The class folder " + root.resolve("meh") + " gives no text to learn from: it "
                        + "holds no .txt files.");
    }

    @Test
    void a_table_read_with_bad_rows_skipped_is_not_counted_as_complete() throws Exception {
        StringBuilder rows = new StringBuilder("text\tlabel\n");
        for (int i = 0; i < 10; i++) {
            rows.append("good film\t1\nbad film\t0\n");
        }
        rows.append("one\ttwo\tthree\n");
        Files.writeString(dir.resolve("ragged.tsv"), rows);

        Dataset data = TestRequests.load("text", dir, "path", "ragged.tsv", "bad-rows", "skip");

        assertThat(data.report().use()).isEmpty();
        assertThat(data.report().notes()).anyMatch(n -> n.contains("ragged.tsv") && n.contains("skipped"));
    }
}
