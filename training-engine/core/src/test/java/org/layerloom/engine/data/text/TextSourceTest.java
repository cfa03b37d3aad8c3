package org.layerloom.engine.data.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.SharedDatasets;
import org.layerloom.engine.data.TestRequests;
import org.layerloom.engine.data.TokenFeatures;

class TextSourceTest {

    @TempDir
    Path dir;

    static Path yelp() {
        return SharedDatasets.folder().resolve("sentiment-labelled-sentences/yelp_labelled.txt");
    }

    @Test
    void the_yelp_sentences_become_token_ids_in_two_balanced_classes() throws Exception {
        Dataset yelp = TestRequests.load("text", dir, "path", yelp().toString(), "length", 20, "vocabulary", 2000);
        assertThat(yelp.exampleShape().isTokenIds()).isTrue();
        assertThat(yelp.exampleShape().dims()).containsExactly(20);
        assertThat(yelp.classNames()).containsExactly("0", "1");
        assertThat(yelp.splits().totalSize()).isEqualTo(1000);
        assertThat(yelp.test().classLabels().counts()).containsExactly(100, 100);
        assertThat(yelp.report().texts()).hasSize(10).allSatisfy(t -> assertThat(t.label()).isIn("0", "1"));
        int max = 0;
        TokenFeatures ids = (TokenFeatures) yelp.train().features();
        for (int i = 0; i < ids.length(); i++) {
            max = Math.max(max, ids.get(i));
        }
        assertThat(max).isLessThan(2000);
        assertThat(yelp.description()).contains("vocabulary of 2,000");
        assertThat(yelp.report().notes()).anyMatch(n -> n.contains("of the words in the test texts are not in"));
    }

    @Test
    void a_typed_sentence_is_encoded_as_the_dataset_encodes_its_texts() throws Exception {
        Dataset yelp = TestRequests.load("text", dir, "path", yelp().toString(), "length", 20, "vocabulary", 2000);
        TextEncoding encoding = yelp.textEncoding().orElseThrow();
        String first = yelp.report().texts().get(0).text();
        int[] typed = encoding.encode(first);
        TokenFeatures ids = (TokenFeatures) yelp.train().features();
        int[] stored = new int[20];
        for (int i = 0; i < 20; i++) {
            stored[i] = ids.get(i);
        }
        assertThat(typed).containsExactly(stored);
        int[] food = encoding.encode("The FOOD was great");
        assertThat(food).hasSize(20);
        assertThat(food[0]).isEqualTo(Vocabulary.PAD_ID);
        assertThat(encoding.word(food[19])).isEqualTo("great");
        assertThat(encoding.word(food[17])).isEqualTo("food");
        assertThat(encoding.word(encoding.encode("zzqx")[19])).isEqualTo(Vocabulary.OOV);
    }

    @Test
    void imdb_with_c1_characters_splits_on_line_feeds_only() throws Exception {
        Path imdb = SharedDatasets.folder().resolve("sentiment-labelled-sentences/imdb_labelled.txt");
        Dataset data = TestRequests.load("text", dir, "path", imdb.toString());
        assertThat(data.splits().totalSize()).isEqualTo(1000);
    }

    @Test
    void tokenizer_lowercases_and_keeps_apostrophes_inside_words() {
        assertThat(new Tokenizer(true).tokens("Don't STOP -- it's GREAT!!")).containsExactly("don't", "stop", "it's",
                "great");
    }

    @Test
    void vocabulary_keeps_the_most_frequent_words_and_maps_the_rest_to_unknown() {
        Vocabulary v = Vocabulary.build(List.of(List.of("a", "b", "a"), List.of("c", "a", "b")), 4);
        assertThat(v.size()).isEqualTo(4);
        assertThat(v.id("a")).isEqualTo(2);
        assertThat(v.id("b")).isEqualTo(3);
        assertThat(v.id("c")).isEqualTo(Vocabulary.OOV_ID);
        assertThat(v.word(0)).isEqualTo(Vocabulary.PAD);
    }

    @Test
    void a_folder_of_class_folders_with_txt_files_is_read() throws Exception {
        Path root = dir.resolve("reviews");
        for (String c : List.of("good", "bad")) {
            Files.createDirectories(root.resolve(c));
            for (int i = 0; i < 15; i++) {
                Files.writeString(root.resolve(c).resolve(i + ".txt"), "This film was " + c + " number " + i);
            }
        }
        Files.writeString(root.resolve("good").resolve("notes.md"), "ignored");
        Dataset data = TestRequests.load("text", dir, "path", "reviews", "length", 8);
        assertThat(data.classNames()).containsExactly("bad", "good");
        assertThat(data.splits().totalSize()).isEqualTo(30);
        assertThat(data.report().notes()).anyMatch(n -> n.contains("1 not ending in .txt (good/notes.md)"));
        assertThat(data.report().use().orElseThrow().sentence())
                .isEqualTo("30 of 31 texts used; 1 left out: 1 not ending in .txt (good/notes.md).");
    }

    @Test
    void a_folder_with_one_class_is_refused() throws Exception {
        Files.createDirectories(dir.resolve("one/only"));
        Files.writeString(dir.resolve("one/only/a.txt"), "hello");
        assertThatThrownBy(() -> TestRequests.load("text", dir, "path", "one")).isInstanceOf(DatasetException.class)
                .hasMessageContaining("only one sub-folder (only)");
    }

    @Test
    void the_uci_folder_reads_all_three_files_and_skips_the_readme() throws Exception {
        Path folder = SharedDatasets.folder().resolve("sentiment-labelled-sentences");
        Dataset all = TestRequests.load("text", dir, "path", folder.toString());
        assertThat(all.splits().totalSize()).isEqualTo(3000);
        assertThat(all.classNames()).containsExactly("0", "1");
        assertThat(all.report().notes()).anyMatch(n -> n.contains("Read 3000 texts from 3 files"));
    }

    @Test
    void short_texts_are_padded_at_the_start_so_the_last_step_is_the_last_word() throws Exception {
        Path table = dir.resolve("tiny.tsv");
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            rows.append("good film\t1\nbad film\t0\n");
        }
        Files.writeString(table, rows.toString());
        TokenFeatures start = (TokenFeatures) TestRequests.load("text", dir, "path", "tiny.tsv", "length", 4)
                .train().features();
        TokenFeatures end = (TokenFeatures) TestRequests.load("text", dir, "path", "tiny.tsv", "length", 4,
                "padding", "end").train().features();
        assertThat(new int[] {start.get(0), start.get(1), start.get(2), start.get(3)})
                .startsWith(0, 0).doesNotContain(1);
        assertThat(start.get(2)).isPositive();
        assertThat(new int[] {end.get(0), end.get(1), end.get(2), end.get(3)}).endsWith(0, 0);
        assertThat(end.get(0)).isPositive();
    }
}
