package org.layerloom.engine.data.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.layerloom.engine.testing.GraphBuilder.chainOf;
import static org.layerloom.engine.testing.GraphBuilder.layer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.TestRequests;
import org.layerloom.engine.graph.DataFacts;
import org.layerloom.engine.graph.DataFit;
import org.layerloom.engine.graph.Fix;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Problem;
import org.layerloom.engine.graph.ProblemCode;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.graph.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFitTest {

    private static final GraphValidator VALIDATOR = GraphValidator.standard();

    @TempDir
    Path dir;

    private static List<Problem> check(NetworkGraph graph, DataFacts facts) {
        ValidationReport report = VALIDATOR.validate(graph);
        return DataFit.problems(graph, report, facts);
    }

    /** Applies the fix and checks that the network is then valid and fits the data. */
    private static NetworkGraph applyAndRecheck(Fix fix, NetworkGraph graph, DataFacts facts) {
        NetworkGraph fixed = fix.edit().applyTo(graph);
        ValidationReport report = VALIDATOR.validate(fixed);
        assertThat(report.errors()).as("errors after '%s'", fix.label()).isEmpty();
        assertThat(DataFit.problems(fixed, report, facts)).as("data problems after '%s'", fix.label()).isEmpty();
        return fixed;
    }

    private DataFacts load(String source, Object... options) throws Exception {
        return DatasetFacts.of(TestRequests.load(source, dir, options));
    }

    @Test
    void moons_with_a_64_unit_last_layer_is_told_to_give_the_last_layer_2_units() throws Exception {
        DataFacts moons = load("moons");
        NetworkGraph graph = chainOf(new int[] {2}, "softmax_cross_entropy",
                layer(LayerKind.DENSE, "units", 16, "activation", "relu"), layer(LayerKind.DENSE, "units", 64));
        assertThat(VALIDATOR.validate(graph).isValid()).isTrue();

        List<Problem> problems = check(graph, moons);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.OUTPUT_DOES_NOT_FIT_DATA);
            assertThat(p.isError()).isTrue();
            assertThat(p.message()).contains("has 2 classes, but the network gives 64 scores");
            assertThat(p.nodeIds()).containsExactly("output1", "dense2");
            assertThat(p.fixes()).extracting(Fix::label).containsExactly("Give the last layer 2 units");
        });
        NetworkGraph fixed = applyAndRecheck(problems.get(0).fixes().get(0), graph, moons);
        assertThat(fixed.requireNode("dense2").params().intValue("units")).isEqualTo(2);
    }

    @Test
    void an_input_of_the_wrong_size_is_set_to_the_data_s_features() throws Exception {
        DataFacts moons = load("moons");
        NetworkGraph graph = chainOf(new int[] {1, 28, 28}, "softmax_cross_entropy",
                layer(LayerKind.FLATTEN), layer(LayerKind.DENSE, "units", 2));

        List<Problem> problems = check(graph, moons);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.INPUT_DOES_NOT_FIT_DATA);
            assertThat(p.message()).contains("gives examples of shape (2)", "expects (1, 28, 28)");
            assertThat(p.fixes()).extracting(Fix::label).containsExactly("Set the Input to 2 features");
        });
        applyAndRecheck(problems.get(0).fixes().get(0), graph, moons);
    }

    @Test
    void an_mlp_on_images_without_a_flatten_gets_the_image_shape_and_a_flatten() throws Exception {
        Dataset digits = TestRequests.load("digits", dir);
        DataFacts facts = DatasetFacts.of(digits);
        TensorShape image = digits.exampleShape();
        assertThat(image.rank()).isEqualTo(3);
        int classes = digits.classNames().size();
        NetworkGraph graph = chainOf(new int[] {(int) image.size()}, "softmax_cross_entropy",
                layer(LayerKind.DENSE, "units", 32, "activation", "relu"), layer(LayerKind.DENSE, "units", classes));

        List<Problem> problems = check(graph, facts);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.INPUT_DOES_NOT_FIT_DATA);
            assertThat(p.message()).contains("insert a Flatten after it");
            assertThat(p.fixes()).extracting(Fix::label).containsExactly(
                    "Set the Input to " + image + " images and insert a Flatten", "Set the Input to " + image + " images");
        });
        NetworkGraph fixed = applyAndRecheck(problems.get(0).fixes().get(0), graph, facts);
        assertThat(fixed.nodesOfKind(LayerKind.FLATTEN)).hasSize(1);
        assertThat(fixed.wiresFrom("input1")).singleElement()
                .satisfies(w -> assertThat(w.to().nodeId()).isEqualTo(fixed.nodesOfKind(LayerKind.FLATTEN).get(0).id()));
    }

    @Test
    void token_ids_of_a_text_csv_beyond_the_vocabulary_are_caught_with_the_size_to_set() throws Exception {
        StringBuilder rows = new StringBuilder("text,label\n");
        String[] words = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"};
        for (int i = 0; i < 60; i++) {
            rows.append(words[i % words.length]).append(' ').append(words[(i * 3) % words.length]).append(" film,")
                    .append(i % 2 == 0 ? "good" : "bad").append('\n');
        }
        Files.writeString(dir.resolve("reviews.csv"), rows.toString());
        Dataset texts = TestRequests.load("text", dir, "path", "reviews.csv", "length", 4);
        DataFacts facts = DatasetFacts.of(texts);
        assertThat(facts.vocabularyNeeded()).isGreaterThan(5);
        NetworkGraph graph = chainOf(TensorShape.tokens(4), "softmax_cross_entropy",
                layer(LayerKind.EMBEDDING, "vocabulary", 5, "dimension", 8), layer(LayerKind.FLATTEN),
                layer(LayerKind.DENSE, "units", 2));
        assertThat(VALIDATOR.validate(graph).isValid()).isTrue();

        List<Problem> problems = check(graph, facts);

        int needed = facts.vocabularyNeeded();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.TOKEN_IDS_BEYOND_VOCABULARY);
            assertThat(p.nodeIds()).containsExactly("embedding1");
            assertThat(p.message()).contains("token ids up to " + (needed - 1), "vocabulary of 5");
            assertThat(p.fixes()).extracting(Fix::label).containsExactly("Set the vocabulary to " + needed);
        });
        applyAndRecheck(problems.get(0).fixes().get(0), graph, facts);
    }

    @Test
    void sequence_patterns_with_more_symbols_than_the_vocabulary_are_caught() throws Exception {
        DataFacts facts = load("sequence-pattern", "symbols", 30);
        assertThat(facts.exampleShape().isTokenIds()).isTrue();
        assertThat(facts.vocabularyNeeded()).isEqualTo(30);
        NetworkGraph graph = chainOf(facts.exampleShape(), "softmax_cross_entropy",
                layer(LayerKind.EMBEDDING, "vocabulary", 10, "dimension", 8), layer(LayerKind.FLATTEN),
                layer(LayerKind.DENSE, "units", 2));

        List<Problem> problems = check(graph, facts);

        assertThat(problems).extracting(Problem::code).containsExactly(ProblemCode.TOKEN_IDS_BEYOND_VOCABULARY);
        assertThat(problems.get(0).fixes()).extracting(Fix::label).containsExactly("Set the vocabulary to 30");
        applyAndRecheck(problems.get(0).fixes().get(0), graph, facts);
        assertThat(check(graph, load("sequence-pattern", "symbols", 10))).isEmpty();
    }

    @Test
    void a_regression_trained_with_cross_entropy_gets_mean_squared_error() throws Exception {
        DataFacts curve = load("curve");
        NetworkGraph graph = chainOf(curve.exampleShape(), "softmax_cross_entropy",
                layer(LayerKind.DENSE, "units", 16, "activation", "tanh"), layer(LayerKind.DENSE, "units", 2));

        List<Problem> problems = check(graph, curve);

        assertThat(problems).extracting(Problem::code).containsExactly(ProblemCode.LOSS_DOES_NOT_FIT_DATA);
        assertThat(problems.get(0).fixes()).extracting(Fix::label).containsExactly("Use mean squared error");
        applyAndRecheck(problems.get(0).fixes().get(0), graph, curve);
    }

    @Test
    void ten_classes_with_one_sigmoid_unit_get_softmax_with_ten_units() throws Exception {
        Dataset digits = TestRequests.load("digits", dir);
        DataFacts facts = DatasetFacts.of(digits);
        int classes = digits.classNames().size();
        NetworkGraph graph = chainOf(digits.exampleShape(), "sigmoid_binary_cross_entropy", layer(LayerKind.FLATTEN),
                layer(LayerKind.DENSE, "units", 1));

        List<Problem> problems = check(graph, facts);

        assertThat(problems).extracting(Problem::code).containsExactly(ProblemCode.LOSS_DOES_NOT_FIT_DATA);
        assertThat(problems.get(0).fixes()).extracting(Fix::label)
                .containsExactly("Use softmax cross-entropy with " + classes + " units");
        applyAndRecheck(problems.get(0).fixes().get(0), graph, facts);
    }

    @Test
    void new_inputs_and_outputs_take_the_data_s_shape_and_task() throws Exception {
        DataFacts moons = load("moons");
        assertThat(DataFit.inputFor(moons).get("shape").display()).isEqualTo("(2)");
        assertThat(DataFit.outputFor(load("curve")).get("loss").display()).isEqualTo("mse");
        assertThat(DataFit.inputFor(load("sequence-pattern")).choice("values")).isEqualTo("token_ids");
    }

    @Test
    void an_empty_network_is_not_ready_to_train() {
        ValidationReport report = VALIDATOR.validate(NetworkGraph.empty());
        assertThat(report.isValid()).isFalse();
        assertThat(report.errors()).extracting(Problem::code).containsExactly(ProblemCode.EMPTY_NETWORK);
    }
}
