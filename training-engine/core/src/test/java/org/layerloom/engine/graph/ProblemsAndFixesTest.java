package org.layerloom.engine.graph;

import org.layerloom.engine.testing.GraphBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.layerloom.engine.testing.GraphBuilder.layer;
import static org.layerloom.engine.graph.LayerKind.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each kind of mistake gets a message a student understands, naming the node, and its suggested
 * fixes make that problem go away.
 */
class ProblemsAndFixesTest {

    private final GraphValidator validator = GraphValidator.standard();

    private Problem problem(NetworkGraph graph, String phrase) {
        List<Problem> found = validator.validate(graph).problems().stream()
                .filter(p -> p.message().contains(phrase)).toList();
        assertThat(found).as("a problem saying \"%s\" in %s", phrase, validator.validate(graph).problems()).hasSize(1);
        return found.get(0);
    }

    private Fix fix(Problem problem, String labelPhrase) {
        return problem.fixes().stream().filter(f -> f.label().contains(labelPhrase)).findFirst()
                .orElseThrow(() -> new AssertionError("no fix \"" + labelPhrase + "\" among " + problem.fixes()));
    }

    /** Applies the fix and returns the validation of the repaired graph, after checking the problem is gone. */
    private ValidationReport applyAndRevalidate(NetworkGraph graph, Problem problem, Fix fix) {
        NetworkGraph repaired = fix.edit().applyTo(graph);
        ValidationReport after = validator.validate(repaired);
        assertThat(after.problems()).extracting(Problem::message).doesNotContain(problem.message());
        assertThat(fix.edit().inverted().applyTo(repaired)).as("the fix can be undone").isEqualTo(graph);
        return after;
    }

    private ValidationReport fixWith(NetworkGraph graph, String phrase, String fixLabel) {
        Problem problem = problem(graph, phrase);
        return applyAndRevalidate(graph, problem, fix(problem, fixLabel));
    }

    @Test
    void conv2d_fed_a_vector_suggests_a_reshape_to_an_image() {
        NetworkGraph graph = GraphBuilder.chainOf(new int[] {784}, "softmax_cross_entropy",
                layer(CONV2D, "filters", 8), layer(FLATTEN), layer(DENSE, "units", 10));
        Problem problem = problem(graph, "needs an input of shape (channels, height, width)");
        assertThat(problem.message()).isEqualTo("Conv2D 1 needs an input of shape (channels, height, width) but"
                + " receives 784 features. Insert a Reshape to (1, 28, 28) before it.");
        assertThat(problem.nodeId()).contains("conv2d1");
        assertThat(problem.severity()).isEqualTo(Severity.ERROR);
        ValidationReport after = applyAndRevalidate(graph, problem, fix(problem, "Insert a Reshape to (1, 28, 28)"));
        assertThat(after.problems()).isEmpty();
        assertThat(after.outputOf("conv2d1")).contains(TensorShape.of(8, 26, 26));
    }

    @Test
    void dense_fed_feature_maps_suggests_flatten_or_global_pooling() {
        NetworkGraph graph = GraphBuilder.chainOf(new int[] {1, 28, 28}, "softmax_cross_entropy",
                layer(CONV2D, "filters", 32), layer(MAX_POOL2D), layer(DENSE, "units", 10));
        Problem problem = problem(graph, "needs a vector of features but receives 32×13×13 feature maps");
        assertThat(problem.message()).contains("Insert a Flatten before it (it makes 5,408 features)");
        assertThat(applyAndRevalidate(graph, problem, fix(problem, "Flatten")).problems()).isEmpty();
        assertThat(applyAndRevalidate(graph, problem, fix(problem, "global average pooling")).problems()).isEmpty();
    }

    @Test
    void lstm_fed_a_vector_suggests_reading_the_features_as_steps() {
        NetworkGraph graph = GraphBuilder.chainOf(new int[] {64}, "mse", layer(LSTM, "units", 8), layer(DENSE, "units", 1));
        Problem problem = problem(graph, "reads a sequence (time steps × features) but receives 64 features");
        assertThat(applyAndRevalidate(graph, problem, fix(problem, "Reshape to (64, 1)")).problems()).isEmpty();
    }

    @Test
    void lstm_fed_token_ids_suggests_an_embedding() {
        GraphBuilder b = new GraphBuilder();
        String in = b.add(INPUT, "shape", new int[] {50}, "values", "token_ids");
        String lstm = b.add(LSTM, "units", 16);
        String dense = b.add(DENSE, "units", 1);
        String out = b.add(OUTPUT, "loss", "sigmoid_binary_cross_entropy");
        NetworkGraph graph = b.chain(in, lstm, dense, out).build();
        ValidationReport after = fixWith(graph, "needs a vector of numbers at every step, but receives a sequence"
                + " of 50 token ids", "Embedding");
        assertThat(after.problems()).isEmpty();
    }

    @Test
    void dense_fed_token_ids_explains_what_token_ids_are() {
        GraphBuilder b = new GraphBuilder();
        String in = b.add(INPUT, "shape", new int[] {20}, "values", "token_ids");
        String dense = b.add(DENSE, "units", 2);
        String out = b.add(OUTPUT);
        NetworkGraph graph = b.chain(in, dense, out).build();
        assertThat(problem(graph, "needs real numbers but receives a sequence of 20 token ids").message())
                .contains("whole-number word codes");
    }

    @Test
    void embedding_fed_real_numbers_offers_to_make_the_input_token_ids() {
        NetworkGraph graph = GraphBuilder.chainOf(new int[] {50}, "sigmoid_binary_cross_entropy",
                layer(EMBEDDING), layer(LSTM, "units", 8), layer(DENSE, "units", 1));
        ValidationReport after = fixWith(graph, "looks up token ids", "give token ids");
        assertThat(after.problems()).isEmpty();
    }

    @Test
    void a_loop_is_named_and_one_wire_of_it_removed() {
        GraphBuilder b = new GraphBuilder();
        String in = b.add(INPUT, "shape", new int[] {4});
        String d1 = b.add(DENSE, "units", 4);
        String add = b.add(ADD);
        String d2 = b.add(DENSE, "units", 4);
        String out = b.add(OUTPUT, "loss", "mse");
        b.chain(in, d1, add, d2, out).wire(d2, add);
        NetworkGraph graph = b.build();
        Problem problem = problem(graph, "form a loop");
        assertThat(problem.message()).startsWith("Add 1 and Dense 2 form a loop");
        assertThat(problem.nodeIds()).containsExactly(add, d2);
        ValidationReport after = applyAndRevalidate(graph, problem, fix(problem, "Remove the wire from Dense 2 to Add 1"));
        assertThat(after.problems()).extracting(Problem::message).anyMatch(m -> m.contains("only one wire arrives"));
    }

    @Test
    void a_node_wired_into_itself_is_a_loop() {
        GraphBuilder b = new GraphBuilder();
        String in = b.add(INPUT, "shape", new int[] {4});
        String add = b.add(ADD);
        String out = b.add(OUTPUT, "loss", "mse");
        b.chain(in, add, out).wire(add, add);
        assertThat(problem(b.build(), "is wired into itself").fixes()).hasSize(1);
    }

    @Test
    void an_unconnected_input_offers_the_one_layer_whose_output_goes_nowhere() {
        GraphBuilder b = new GraphBuilder();
        String in = b.add(INPUT, "shape", new int[] {4});
        String d1 = b.add(DENSE, "units", 3);
        String d2 = b.add(DENSE, "units", 3);
        String out = b.add(OUTPUT);
        b.chain(in, d1).chain(d2, out);
        NetworkGraph graph = b.build();
        Problem problem = problem(graph, "Dense 2 has nothing connected to its input");
        assertThat(applyAndRevalidate(graph, problem, fix(problem, "Connect Dense 1 to Dense 2")).problems()).isEmpty();
    }

    @Test
    void a_network_without_input_or_output_gets_them_added() {
        GraphBuilder b = new GraphBuilder();
        String dense = b.add(DENSE, "units", 3);
        NetworkGraph graph = b.build();
        ValidationReport report = validator.validate(graph);
        assertThat(report.problems()).extracting(Problem::message)
                .anyMatch(m -> m.startsWith("The network has no Input node"))
                .anyMatch(m -> m.startsWith("The network has no Output node"));
        NetworkGraph repaired = fix(problem(graph, "no Input node"), "Add an Input before Dense 1").edit().applyTo(graph);
        repaired = fix(problem(repaired, "no Output node"), "Add an Output after Dense 1").edit().applyTo(repaired);
        ValidationReport after = validator.validate(repaired);
        assertThat(after.problems()).isEmpty();
        assertThat(after.outputOf(dense)).contains(TensorShape.of(3));
    }

    @Test
    void two_inputs_or_two_outputs_are_explained() {
        GraphBuilder b = new GraphBuilder();
        String in1 = b.add(INPUT, "shape", new int[] {4});
        b.add(INPUT, "shape", new int[] {4});
        String out1 = b.add(OUTPUT, "loss", "mse");
        String out2 = b.add(OUTPUT, "loss", "mse");
        b.chain(in1, out1).wire(in1, out2);
        NetworkGraph graph = b.build();
        fixWith(graph, "2 Input nodes", "Delete the extra Input");
        fixWith(graph, "2 Output nodes", "Delete the extra Output");
    }

    @Test
    void add_of_different_shapes_offers_a_dense_to_match_them() {
        GraphBuilder b = new GraphBuilder();
        String in = b.add(INPUT, "shape", new int[] {10});
        String a = b.add(DENSE, "units", 64);
        String c = b.add(DENSE, "units", 32);
        String add = b.add(ADD);
        String out = b.add(OUTPUT, "loss", "mse");
        b.chain(in, a, add).chain(in, c, add).chain(add, out);
        NetworkGraph graph = b.build();
        Problem problem = problem(graph, "adds its inputs number by number");
        assertThat(problem.message()).contains("64 features from Dense 1 and 32 features from Dense 2");
        assertThat(applyAndRevalidate(graph, problem, fix(problem, "Insert a Dense of 64 units after Dense 2"))
                .problems()).isEmpty();
    }

    @Test
    void add_of_feature_maps_with_other_channel_counts_offers_a_1x1_convolution() {
        GraphBuilder b = new GraphBuilder();
        String in = b.add(INPUT, "shape", new int[] {3, 8, 8});
        String conv = b.add(CONV2D, "filters", 16, "padding", 1);
        String add = b.add(ADD);
        String pool = b.add(GLOBAL_AVG_POOL2D);
        String out = b.add(OUTPUT, "loss", "mse");
        b.chain(in, conv, add).wire(in, add).chain(add, pool, out);
        assertThat(fixWith(b.build(), "adds its inputs", "1×1 Conv2D with 16 filters").problems()).isEmpty();
    }

    @Test
    void a_parameter_out_of_range_is_refused_with_the_nearest_allowed_value() {
        NetworkGraph graph = GraphBuilder.chainOf(new int[] {4}, "mse", layer(DENSE, "units", 0));
        Problem problem = problem(graph, "Units must be between 1 and 100,000; it is 0");
        assertThat(problem.message()).startsWith("Dense 1: ");
        assertThat(applyAndRevalidate(graph, problem, fix(problem, "Set Units to 1")).problems()).isEmpty();
        NetworkGraph rate = GraphBuilder.chainOf(new int[] {4}, "mse", layer(DROPOUT, "rate", 1.0));
        assertThat(problem(rate, "Dropout rate must be at least 0 and below 1; it is 1").fixes()).hasSize(1);
    }

    @Test
    void softmax_cross_entropy_on_one_unit_offers_binary_cross_entropy_or_two_units() {
        NetworkGraph graph = GraphBuilder.chainOf(new int[] {4}, "softmax_cross_entropy", layer(DENSE, "units", 1));
        Problem problem = problem(graph, "Softmax cross-entropy picks one class out of several");
        assertThat(applyAndRevalidate(graph, problem, fix(problem, "Use sigmoid binary cross-entropy")).problems()).isEmpty();
        assertThat(applyAndRevalidate(graph, problem, fix(problem, "Change units of Dense 1 to 2")).problems()).isEmpty();
    }

    @Test
    void binary_cross_entropy_on_ten_units_offers_softmax_or_one_unit() {
        NetworkGraph graph = GraphBuilder.chainOf(new int[] {4}, "sigmoid_binary_cross_entropy", layer(DENSE, "units", 10));
        Problem problem = problem(graph, "needs exactly 1 output value, but the network gives 10");
        assertThat(applyAndRevalidate(graph, problem, fix(problem, "Use softmax cross-entropy")).problems()).isEmpty();
        assertThat(applyAndRevalidate(graph, problem, fix(problem, "Change units of Dense 1 to 1")).problems()).isEmpty();
    }

    @Test
    void a_sequence_into_a_classifier_output_offers_to_keep_only_the_last_step() {
        NetworkGraph graph = GraphBuilder.chainOf(new int[] {20, 3}, "softmax_cross_entropy",
                layer(LSTM, "units", 4, "return_sequences", true));
        Problem problem = problem(graph, "needs a vector of class scores");
        assertThat(problem.message()).contains("LSTM 1 returns a whole sequence");
        assertThat(applyAndRevalidate(graph, problem, fix(problem, "Turn off 'return sequences' of LSTM 1"))
                .problems()).isEmpty();
    }

    @Test
    void feature_maps_into_a_classifier_output_offer_a_flatten() {
        NetworkGraph graph = GraphBuilder.chainOf(new int[] {2, 3, 3}, "softmax_cross_entropy", layer(RELU));
        assertThat(fixWith(graph, "needs a vector of class scores", "Flatten").problems()).isEmpty();
    }

    @Test
    void heads_that_do_not_divide_the_features_get_the_nearest_divisor() {
        NetworkGraph graph = GraphBuilder.chainOf(new int[] {10, 50}, "mse", layer(SELF_ATTENTION, "heads", 4));
        Problem problem = problem(graph, "does not divide into 4 heads");
        assertThat(applyAndRevalidate(graph, problem, fix(problem, "Set heads to 2")).problems()).isEmpty();
    }

    @Test
    void a_kernel_larger_than_its_input_offers_a_smaller_kernel_or_padding() {
        NetworkGraph graph = GraphBuilder.chainOf(new int[] {1, 3, 3}, "mse",
                layer(CONV2D, "filters", 2, "kernel", 5), layer(FLATTEN));
        Problem problem = problem(graph, "is 5 wide, larger than the 3 pixels of height");
        assertThat(applyAndRevalidate(graph, problem, fix(problem, "Set kernel to 3")).problems()).isEmpty();
        assertThat(applyAndRevalidate(graph, problem, fix(problem, "Set padding to 1")).problems()).isEmpty();
    }

    @Test
    void pooling_padding_beyond_half_the_window_is_refused() {
        NetworkGraph graph = GraphBuilder.chainOf(new int[] {1, 8, 8}, "mse",
                layer(MAX_POOL2D, "pool", 2, "padding", 2), layer(FLATTEN));
        assertThat(fixWith(graph, "can be at most half its pool size", "Set padding to 1").problems()).isEmpty();
    }

    @Test
    void a_reshape_that_changes_the_number_of_values_offers_shapes_that_fit() {
        NetworkGraph graph = GraphBuilder.chainOf(new int[] {100}, "mse",
                layer(RESHAPE, "target", new int[] {1, 28, 28}), layer(FLATTEN));
        Problem problem = problem(graph, "needs 784 values per example but receives 100");
        assertThat(applyAndRevalidate(graph, problem, fix(problem, "Reshape to (1, 10, 10)")).problems()).isEmpty();
        assertThat(applyAndRevalidate(graph, problem, fix(problem, "Reshape to (100)")).problems()).isEmpty();
    }

    @Test
    void softmax_before_cross_entropy_is_a_warning_with_a_removal() {
        NetworkGraph graph = GraphBuilder.chainOf(new int[] {4}, "softmax_cross_entropy",
                layer(DENSE, "units", 3), layer(SOFTMAX));
        ValidationReport report = validator.validate(graph);
        assertThat(report.isValid()).isTrue();
        Problem warning = problem(graph, "squashes the scores twice");
        assertThat(warning.severity()).isEqualTo(Severity.WARNING);
        ValidationReport after = applyAndRevalidate(graph, warning, fix(warning, "Remove Softmax 1"));
        assertThat(after.problems()).isEmpty();
    }

    @Test
    void an_output_that_goes_nowhere_is_a_warning_with_a_deletion() {
        GraphBuilder b = new GraphBuilder();
        String in = b.add(INPUT, "shape", new int[] {4});
        String d1 = b.add(DENSE, "units", 3);
        b.add(DENSE, "units", 3);
        String out = b.add(OUTPUT, "loss", "mse");
        b.chain(in, d1, out);
        NetworkGraph graph = b.build();
        assertThat(validator.validate(graph).errors()).extracting(Problem::message)
                .anyMatch(m -> m.contains("Dense 2 has nothing connected"));
        Problem problem = problem(graph, "The output of Dense 2 goes nowhere");
        assertThat(applyAndRevalidate(graph, problem, fix(problem, "Delete Dense 2")).problems()).isEmpty();
    }

    @Test
    void token_ids_must_be_one_sequence() {
        NetworkGraph graph = GraphBuilder.chainOf(new int[] {5, 10}, "mse", layer(EMBEDDING, "dimension", 4), layer(FLATTEN));
        NetworkGraph tokens = graph.withReplacedNode(graph.nodesOfKind(INPUT).get(0)
                .withParam("values", new ParamValue.Choice("token_ids")));
        assertThat(fixWith(tokens, "must be a single length", "Set the shape to (50)").problems()).isEmpty();
    }

    @Test
    void concatenate_of_mismatched_maps_names_both_shapes() {
        GraphBuilder b = new GraphBuilder();
        String in = b.add(INPUT, "shape", new int[] {1, 8, 8});
        String a = b.add(CONV2D, "filters", 4);
        String c = b.add(CONV2D, "filters", 4, "kernel", 1);
        String concat = b.add(CONCATENATE, "axis", 0);
        String out = b.add(OUTPUT, "loss", "mse");
        b.chain(in, a, concat).chain(in, c, concat).chain(concat, out);
        assertThat(problem(b.build(), "so all other sizes must match").message())
                .contains("4×6×6 from Conv2D 1 and 4×8×8 from Conv2D 2");
    }

    @Test
    void two_wires_into_a_one_input_layer_suggest_a_merge() {
        GraphBuilder b = new GraphBuilder();
        String in = b.add(INPUT, "shape", new int[] {4});
        String a = b.add(DENSE, "units", 4);
        String c = b.add(DENSE, "units", 4);
        String out = b.add(OUTPUT, "loss", "mse");
        b.chain(in, a, out).chain(in, c).wire(c, out);
        NetworkGraph graph = b.build();
        assertThat(problem(graph, "takes one input, but 2 wires arrive").message()).contains("Add or Concatenate");
        assertThat(fixWith(graph, "takes one input", "Remove the wire from Dense 2 to Output 1").errors()).isEmpty();
    }

    @Test
    void a_wire_into_an_input_node_is_removed() {
        GraphBuilder b = new GraphBuilder();
        String in = b.add(INPUT, "shape", new int[] {4});
        String d = b.add(DENSE, "units", 4);
        String out = b.add(OUTPUT, "loss", "mse");
        b.chain(in, d, out);
        NetworkGraph graph = b.build().withWire(2, new Wire(PortRef.out(d), PortRef.in(in)));
        assertThat(fixWith(graph, "no wire can lead into it", "Remove the wire").problems()).isEmpty();
    }

    @Test
    void problems_downstream_of_a_mistake_are_not_repeated() {
        NetworkGraph graph = GraphBuilder.chainOf(new int[] {784}, "softmax_cross_entropy",
                layer(CONV2D), layer(MAX_POOL2D), layer(FLATTEN), layer(DENSE, "units", 10));
        ValidationReport report = validator.validate(graph);
        assertThat(report.problems()).hasSize(1);
        assertThat(report.outputOf("dense1")).isEmpty();
    }

    @Test
    void messages_name_a_renamed_node_with_its_layer_kind() {
        NetworkGraph graph = GraphBuilder.chainOf(new int[] {10, 50}, "mse", layer(SELF_ATTENTION, "heads", 4));
        assertThat(problem(graph, "does not divide").message()).startsWith("Self-attention 1 splits");
        NetworkGraph renamed = graph.withReplacedNode(graph.nodesOfKind(SELF_ATTENTION).get(0).withName("Mixer"));
        assertThat(problem(renamed, "does not divide").message()).startsWith("Mixer (Self-attention) splits");
    }

    @Test
    void an_absurdly_large_input_is_refused_instead_of_overflowing() {
        NetworkGraph huge = GraphBuilder.chainOf(new int[] {65536, 65536, 65536, 65536}, "mse", layer(FLATTEN));
        assertThat(problem(huge, "more values than a computer can count").message())
                .contains("LayerLoom takes at most 100,000,000");
        NetworkGraph big = GraphBuilder.chainOf(new int[] {1000, 1000, 1000}, "mse", layer(FLATTEN));
        assertThat(problem(big, "has 1,000,000,000 values per example").severity()).isEqualTo(Severity.ERROR);
        assertThat(TensorShape.of(65536, 65536, 65536, 65536).size()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void token_ids_on_two_axes_into_an_embedding_are_flattened_first() {
        GraphBuilder b = new GraphBuilder();
        String in = b.add(INPUT, "shape", new int[] {50}, "values", "token_ids");
        String reshape = b.add(RESHAPE, "target", new int[] {2, 25});
        String embedding = b.add(EMBEDDING, "vocabulary", 20, "dimension", 4);
        String flatten = b.add(FLATTEN);
        String out = b.add(OUTPUT, "loss", "mse");
        NetworkGraph graph = b.chain(in, reshape, embedding, flatten, out).build();
        ValidationReport after = fixWith(graph, "reads one sequence of token ids per example", "Insert a Flatten");
        assertThat(after.problems()).isEmpty();
        assertThat(after.outputOf(embedding)).contains(TensorShape.of(50, 4));
    }
}
