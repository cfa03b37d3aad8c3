package org.layerloom.engine.data.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.TestRequests;

/** Bad tables: each gives a sentence naming the file and, where it applies, the line. */
class CsvDefectsTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static String rows(int n) {
        StringBuilder s = new StringBuilder("a,b,label\n");
        for (int i = 0; i < n; i++) {
            s.append(i).append(',').append(i * 2).append(',').append(i % 2 == 0 ? "x" : "y").append('\n');
        }
        return s.toString();
    }

    private AbstractThrowableAssert<?, ? extends Throwable> failure(Object... options) {
        return assertThatThrownBy(() -> TestRequests.load("csv", dir, options)).isInstanceOf(DatasetException.class);
    }

    @Test
    void a_ragged_row_names_its_line_and_the_expected_count() throws Exception {
        write("ragged.csv", rows(5) + "7,8\n" + rows(3).substring(10));
        failure("path", "ragged.csv").hasMessageContaining("Line 7 of").hasMessageContaining("ragged.csv")
                .hasMessageContaining("2 value(s)").hasMessageContaining("names 3 columns")
                .satisfies(e -> assertThat(((DatasetException) e).line()).hasValue(7));
    }

    @Test
    void skipping_bad_rows_counts_them_in_the_report() throws Exception {
        write("ragged.csv", rows(20) + "7,8\n1,2,3,4\n");
        Dataset data = TestRequests.load("csv", dir, "path", "ragged.csv", "bad-rows", "skip");
        assertThat(data.splits().totalSize()).isEqualTo(20);
        assertThat(data.report().notes()).anyMatch(n -> n.contains("2 rows of ragged.csv") && n.contains("lines 22, 23"));
    }

    @Test
    void text_in_a_numeric_column_names_the_line_and_the_value() throws Exception {
        String text = rows(20).replace("\n13,26,", "\n13,twenty-six,");
        write("typo.csv", text);
        failure("path", "typo.csv").hasMessageContaining("column 'b'").hasMessageContaining("line 15")
                .hasMessageContaining("\"twenty-six\"");
    }

    @Test
    void an_empty_file_says_it_is_empty() throws Exception {
        write("empty.csv", "");
        failure("path", "empty.csv").hasMessageContaining("empty.csv is empty");
        write("header-only.csv", "a,b,label\n");
        failure("path", "header-only.csv").hasMessageContaining("no rows of data");
    }

    @Test
    void an_unclosed_quote_names_the_line_where_it_opens() throws Exception {
        write("quote.csv", "a,b,label\n1,2,x\n3,\"4,y\n5,6,x\n");
        failure("path", "quote.csv").hasMessageContaining("line 3").hasMessageContaining("never closed");
    }

    @Test
    void a_label_column_with_one_class_is_refused() throws Exception {
        write("one.csv", rows(10).replace(",y\n", ",x\n"));
        failure("path", "one.csv").hasMessageContaining("only one class").hasMessageContaining("\"x\"");
    }

    @Test
    void missing_values_can_be_an_error_naming_the_line() throws Exception {
        write("gap.csv", rows(10).replace("\n4,8,", "\n4,,"));
        failure("path", "gap.csv", "missing", "error").hasMessageContaining("Line 6").hasMessageContaining("'b'");
    }

    @Test
    void an_unknown_column_lists_the_columns_there_are() throws Exception {
        write("t.csv", rows(10));
        failure("path", "t.csv", "label", "species").hasMessageContaining("\"species\"")
                .hasMessageContaining("a, b, label");
    }

    @Test
    void a_missing_file_names_the_exact_path_looked_for_and_the_option() {
        failure("path", "data/iris.csv").hasMessageContaining(dir.resolve("data/iris.csv").toAbsolutePath().toString())
                .hasMessageContaining("'path' is \"data/iris.csv\"").hasMessageContaining("another computer")
                .satisfies(e -> assertThat(((DatasetException) e).file()).hasValue(dir.resolve("data/iris.csv")));
    }

    @Test
    void a_file_that_is_not_utf8_is_read_as_windows_1252_with_a_note() throws Exception {
        byte[] bytes = ("name,v,label\n" + "caf\u00e9,1,x\n".repeat(6) + "th\u00e9,2,y\n".repeat(6))
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        Files.write(dir.resolve("latin.csv"), bytes);
        Dataset data = TestRequests.load("csv", dir, "path", "latin.csv");
        assertThat(data.report().featureNames()).contains("name=caf\u00e9");
        assertThat(data.report().notes()).anyMatch(n -> n.contains("not UTF-8"));
    }

    @Test
    void lines_ending_with_the_delimiter_drop_the_empty_last_column_with_a_note() throws Exception {
        StringBuilder text = new StringBuilder("a,b,species,\n");
        for (int i = 0; i < 20; i++) {
            text.append(i).append(',').append(i * 3).append(',').append(i % 2 == 0 ? "x" : "y").append(",\n");
        }
        write("trailing.csv", text.toString());
        Dataset data = TestRequests.load("csv", dir, "path", "trailing.csv");
        assertThat(data.splits().totalSize()).isEqualTo(20);
        assertThat(data.report().notes()).anyMatch(n -> n.contains("end with a comma") && n.contains("left out"));
    }

    @Test
    void an_all_empty_named_column_is_left_out_with_a_note_or_refused_when_chosen() throws Exception {
        StringBuilder text = new StringBuilder("a,blank,b,label\n");
        for (int i = 0; i < 20; i++) {
            text.append(i).append(",,").append(i * 3).append(',').append(i % 2 == 0 ? "x" : "y").append('\n');
        }
        write("hole.csv", text.toString());
        Dataset data = TestRequests.load("csv", dir, "path", "hole.csv");
        assertThat(data.exampleShape().dim(0)).isEqualTo(2);
        assertThat(data.report().notes()).anyMatch(n -> n.contains("'blank'") && n.contains("empty in every row"));
        failure("path", "hole.csv", "features", "a,blank").hasMessageContaining("'blank'")
                .hasMessageContaining("empty in every row");
    }

    @Test
    void a_second_column_named_like_the_label_is_refused_naming_both() throws Exception {
        StringBuilder text = new StringBuilder("a,Species,b, species \n");
        for (int i = 0; i < 20; i++) {
            String c = i % 2 == 0 ? "x" : "y";
            text.append(i).append(',').append(c).append(',').append(i * 3).append(',').append(c).append('\n');
        }
        write("twins.csv", text.toString());
        failure("path", "twins.csv", "label", "species").hasMessageContaining("'Species' (column 2")
                .hasMessageContaining("'species' (column 4").hasMessageContaining("give the network the answer");
        assertThat(TestRequests.load("csv", dir, "path", "twins.csv", "label", "2", "features", "a,b")
                .exampleShape().dim(0)).isEqualTo(2);
    }
}
