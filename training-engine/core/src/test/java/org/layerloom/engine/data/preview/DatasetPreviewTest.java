package org.layerloom.engine.data.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.data.ClassLabels;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetTask;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.RealFeatures;
import org.layerloom.engine.data.SharedDatasets;
import org.layerloom.engine.data.Splits;
import org.layerloom.engine.data.TestRequests;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.testing.GraphBuilder;

class DatasetPreviewTest {

    @TempDir
    Path dir;

    @Test
    void an_image_dataset_previews_a_sample_grid_per_class_and_counts_per_split() throws Exception {
        Dataset shapes = TestRequests.load("shapes", dir, "samples", 200);
        DatasetPreview preview = DatasetPreviews.of(shapes);
        assertThat(preview.hasImages()).isTrue();
        assertThat(preview.images()).hasSize(16);
        assertThat(preview.images().get(0).label()).isEqualTo("circle");
        assertThat(preview.images().get(0).pixels()).hasSize(784);
        assertThat(preview.inputDescription()).isEqualTo("28×28 grey images");
        assertThat(preview.splits()).extracting(DatasetPreview.SplitSummary::name)
                .containsExactly("train", "validation", "test");
        assertThat(preview.splits().get(2).classCounts()).containsExactly(10, 10, 10, 10);
        assertThat(preview.warnings()).isEmpty();
    }

    @Test
    void two_dimensional_points_come_with_a_scatter_of_the_training_split() throws Exception {
        DatasetPreview spirals = DatasetPreviews.of(TestRequests.load("spirals", dir, "samples", 300, "classes", 3));
        assertThat(spirals.points()).hasSize(spirals.splits().get(0).size());
        assertThat(spirals.points()).extracting(DatasetPreview.Point::label).containsOnly(0, 1, 2);
        assertThat(spirals.columns()).containsExactly("x1", "x2", "label");
        assertThat(DatasetPreviews.of(TestRequests.load("shapes", dir, "samples", 40)).points()).isEmpty();
    }

    @Test
    void a_table_previews_its_first_rows_and_a_text_its_sentences() throws Exception {
        DatasetPreview iris = DatasetPreviews.of(TestRequests.load("csv", dir, "path",
                SharedDatasets.folder().resolve("iris/iris.csv").toString()));
        assertThat(iris.columns()).hasSize(5);
        assertThat(iris.rows()).hasSize(8);
        assertThat(iris.inputDescription()).isEqualTo("4 numbers per example");
        DatasetPreview yelp = DatasetPreviews.of(TestRequests.load("text", dir, "path",
                SharedDatasets.folder().resolve("sentiment-labelled-sentences/yelp_labelled.txt").toString()));
        assertThat(yelp.texts()).hasSize(10);
        assertThat(yelp.inputDescription()).contains("32 token ids");
    }

    @Test
    void iris_duplicates_between_train_and_test_are_found() throws Exception {
        // iris.csv has a few identical rows (e.g. 4.9,3.1,1.5,0.1 three times); some end up on both sides
        Path file = dir.resolve("dups.csv");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            text.append(i % 10).append(',').append(i % 2).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        Files.writeString(file, text);
        DatasetPreview preview = DatasetPreviews.of(TestRequests.load("csv", dir, "path", "dups.csv"));
        assertThat(preview.warnings()).anyMatch(w -> w.level() == DataWarning.Level.WARNING
                && w.message().contains("of the 12 test examples also appear in the training split"));
    }

    @Test
    void strong_imbalance_and_constant_columns_are_warned_about() throws Exception {
        Path file = dir.resolve("skewed.csv");
        StringBuilder text = new StringBuilder("size,flag,kind\n");
        for (int i = 0; i < 100; i++) {
            text.append(i).append(",1,").append(i % 10 == 0 ? "rare" : "common").append('\n');
        }
        Files.writeString(file, text);
        DatasetPreview preview = DatasetPreviews.of(TestRequests.load("csv", dir, "path", "skewed.csv"));
        assertThat(preview.warnings()).anyMatch(w -> w.message().startsWith("The classes are out of balance: "
                + "'common' has 58 training examples but 'rare' only 6 (10 times fewer)"));
        assertThat(preview.warnings()).anyMatch(w -> w.message().contains("same value everywhere in 'flag'"));
    }

    @Test
    void ten_classes_into_one_sigmoid_unit_is_a_problem_named_for_the_student() throws Exception {
        Dataset digits = TestRequests.load("digits", dir, "samples", 100);
        NetworkGraph graph = GraphBuilder.chainOf(new int[] {1, 28, 28}, "sigmoid_binary_cross_entropy",
                GraphBuilder.layer(LayerKind.FLATTEN), GraphBuilder.layer(LayerKind.DENSE, "units", 1));
        Optional<OutputExpectation> expectation = OutputExpectation.from(graph, GraphValidator.standard().validate(graph));
        DatasetPreview preview = DatasetPreviews.of(digits, expectation);
        assertThat(preview.warnings()).anyMatch(w -> w.level() == DataWarning.Level.PROBLEM
                && w.message().contains("Digits has 10 classes") && w.message().contains("sigmoid binary cross-entropy")
                && w.message().contains("softmax cross-entropy with 10 units"));
    }

    @Test
    void an_input_of_the_wrong_shape_and_too_few_units_are_problems() throws Exception {
        Dataset digits = TestRequests.load("digits", dir, "samples", 100);
        NetworkGraph graph = GraphBuilder.chainOf(new int[] {784}, "softmax_cross_entropy",
                GraphBuilder.layer(LayerKind.DENSE, "units", 5));
        DatasetPreview preview = DatasetPreviews.of(digits, OutputExpectation.from(graph,
                GraphValidator.standard().validate(graph)));
        assertThat(preview.count(DataWarning.Level.PROBLEM)).isEqualTo(2);
        assertThat(preview.warnings()).anyMatch(w -> w.message().contains("expects (784)"));
        assertThat(preview.warnings()).anyMatch(w -> w.message().contains("gives 5 scores"));
    }

    @Test
    void a_class_without_training_examples_is_a_problem() {
        Examples train = Examples.of(RealFeatures.copyOf(new float[40]), TensorShape.of(1),
                ClassLabels.copyOf(new int[40], 2));
        Dataset data = new Dataset("d", "d", DatasetTask.classification(java.util.List.of("a", "b")), TensorShape.of(1),
                new Splits(train, train.slice(0, 0), train.slice(0, 0)));
        assertThat(DataDoctor.examine(data, Optional.empty())).anyMatch(w -> w.message().contains("'b' has no training"))
                .anyMatch(w -> w.message().contains("test split is empty"));
    }
}
