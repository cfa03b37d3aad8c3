package org.layerloom.engine.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.layerloom.engine.project.LoadErrors.node;
import static org.layerloom.engine.project.LoadErrors.optimizer;
import static org.layerloom.engine.project.LoadErrors.params;
import static org.layerloom.engine.project.LoadErrors.reading;
import static org.layerloom.engine.project.LoadErrors.smallMlpWith;
import static org.layerloom.engine.project.LoadErrors.training;
import static org.layerloom.engine.project.LoadErrors.wire;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.layerloom.engine.testing.TestProjects;

/** Well-formed JSON that is not a project LayerLoom can open: each names the path and what to do. */
class ProjectFileContentErrorsTest {

    @Test
    void message_joins_source_path_and_problem() {
        ProjectFileException error = reading(smallMlpWith(p -> params(p, 1).put("units", "abc")));

        assertThat(error.getMessage()).isEqualTo("digits.loom: $.graph.nodes[1].params.units: expected a whole number"
                + " but found the text \"abc\". \"Units\" takes a whole number between 1 and 100,000.");
    }

    @Nested
    class WrongTypes {

        @Test
        void text_for_units() {
            ProjectFileException error = reading(smallMlpWith(p -> params(p, 1).put("units", "abc")));

            assertThat(error.location()).isEqualTo("$.graph.nodes[1].params.units");
            assertThat(error.problem()).startsWith("expected a whole number but found the text \"abc\"");
        }

        @Test
        void object_for_the_project_name() {
            ProjectFileException error = reading(smallMlpWith(p -> p.putObject("name")));

            assertThat(error.location()).isEqualTo("$.name");
            assertThat(error.problem()).startsWith("expected text in double quotes but found an object { ... }");
        }

        @Test
        void number_for_a_layer_kind() {
            ProjectFileException error = reading(smallMlpWith(p -> node(p, 0).put("kind", 5)));

            assertThat(error.location()).isEqualTo("$.graph.nodes[0].kind");
            assertThat(error.problem()).startsWith("expected text in double quotes but found the number 5");
        }

        @Test
        void fraction_for_a_whole_number() {
            ProjectFileException error = reading(smallMlpWith(p -> params(p, 2).put("units", 10.5)));

            assertThat(error.location()).isEqualTo("$.graph.nodes[2].params.units");
            assertThat(error.problem()).startsWith("expected a whole number but found the number 10.5");
        }

        @Test
        void text_for_a_flag() {
            ProjectFileException error = reading(smallMlpWith(p -> params(p, 1).put("bias", "yes")));

            assertThat(error.location()).isEqualTo("$.graph.nodes[1].params.bias");
            assertThat(error.problem()).isEqualTo("expected true or false but found the text \"yes\". \"Use bias\""
                    + " takes true or false.");
        }

        @Test
        void number_for_a_choice() {
            ProjectFileException error = reading(smallMlpWith(p -> params(p, 1).put("activation", 1)));

            assertThat(error.problem()).contains("found the number 1").contains("\"relu\"");
        }

        @Test
        void text_for_a_shape_and_text_inside_a_shape() {
            ProjectFileException whole = reading(smallMlpWith(p -> params(p, 0).put("shape", "784")));
            ProjectFileException inside = reading(smallMlpWith(p -> params(p, 0).putArray("shape").add(1).add("28")));

            assertThat(whole.location()).isEqualTo("$.graph.nodes[0].params.shape");
            assertThat(whole.problem()).startsWith("expected a list [ ... ] but found the text \"784\"");
            assertThat(inside.location()).isEqualTo("$.graph.nodes[0].params.shape[1]");
            assertThat(inside.problem()).startsWith("expected a whole number but found the text \"28\"");
        }

        @Test
        void null_for_a_position() {
            ProjectFileException error = reading(smallMlpWith(p -> ((ObjectNode) node(p, 3).get("position"))
                    .putNull("y")));

            assertThat(error.location()).isEqualTo("$.graph.nodes[3].position.y");
            assertThat(error.problem()).startsWith("expected a number but found null");
        }

        @Test
        void text_for_the_format() {
            ProjectFileException error = reading(smallMlpWith(p -> p.put("format", "1")));

            assertThat(error.location()).isEqualTo("$.format");
            assertThat(error.problem()).startsWith("expected a whole number but found the text \"1\"");
        }

        @Test
        void list_for_the_training_settings() {
            ProjectFileException error = reading(smallMlpWith(p -> p.putArray("training")));

            assertThat(error.location()).isEqualTo("$.training");
            assertThat(error.problem()).startsWith("expected an object { ... } but found a list [ ... ]");
        }
    }

    @Nested
    class UnknownNames {

        @ParameterizedTest
        @ValueSource(strings = {"Dense2D", "dens", "Dnese"})
        void a_misspelt_layer_kind_suggests_the_nearest(String kind) {
            ProjectFileException error = reading(smallMlpWith(p -> node(p, 1).put("kind", kind)));

            assertThat(error.location()).isEqualTo("$.graph.nodes[1].kind");
            assertThat(error.problem()).startsWith("there is no layer kind \"" + kind + "\". Did you mean \"Dense\"?")
                    .contains("The kinds are Input, Output, Dense, Flatten").endsWith("Softmax.");
        }

        @Test
        void an_unknown_layer_kind_far_from_any_lists_them_all() {
            ProjectFileException error = reading(smallMlpWith(p -> node(p, 1).put("kind", "Banana")));

            assertThat(error.problem()).doesNotContain("Did you mean").contains("Conv2D", "LSTM", "Concatenate");
        }

        @Test
        void an_unknown_parameter_lists_the_parameters_of_the_kind() {
            ProjectFileException error = reading(smallMlpWith(p -> params(p, 1).put("unitz", 3)));

            assertThat(error.location()).isEqualTo("$.graph.nodes[1].params.unitz");
            assertThat(error.problem()).isEqualTo("Dense layers have no parameter \"unitz\". Did you mean \"units\"?"
                    + " Their parameters are \"units\", \"activation\", \"bias\".");
        }

        @Test
        void a_parameter_on_a_kind_without_parameters() {
            String json = TestProjects.smallMlpJson().replace("\"kind\" : \"Output\"", "\"kind\" : \"Flatten\"")
                    .replace("\"loss\" : \"softmax_cross_entropy\"", "\"units\" : 3");

            ProjectFileException error = reading(json);

            assertThat(error.location()).isEqualTo("$.graph.nodes[3].params.units");
            assertThat(error.problem()).startsWith("Flatten layers have no parameters");
        }

        @Test
        void an_unknown_entry_suggests_the_nearest_known_one() {
            ProjectFileException error = reading(smallMlpWith(p -> p.set("trainng", p.remove("training"))));

            assertThat(error.location()).isEqualTo("$.trainng");
            assertThat(error.problem()).contains("Did you mean \"training\"?");
        }

        @Test
        void an_unknown_optimizer_lists_the_optimizers() {
            ProjectFileException error = reading(smallMlpWith(p -> optimizer(p).put("kind", "adamm")));

            assertThat(error.location()).isEqualTo("$.training.optimizer.kind");
            assertThat(error.problem()).isEqualTo("there is no optimizer \"adamm\". Did you mean \"adam\"? The"
                    + " optimizers are \"sgd\", \"adam\", \"adamw\", \"rmsprop\", \"adagrad\".");
        }

        @Test
        void an_unknown_device_lists_the_devices() {
            ProjectFileException error = reading(smallMlpWith(p -> training(p).put("device", "tpu")));

            assertThat(error.location()).isEqualTo("$.training.device");
            assertThat(error.problem()).contains("\"auto\", \"cpu\", \"gpu\"");
        }

        @Test
        void an_unknown_schedule_is_refused() {
            ProjectFileException error = reading(smallMlpWith(p -> ((ObjectNode) training(p).get("schedule"))
                    .put("kind", "exponential")));

            assertThat(error.location()).isEqualTo("$.training.schedule.kind");
            assertThat(error.problem()).contains("\"fixed\", \"step\", \"cosine\", \"warmup\"");
        }
    }

    @Nested
    class MissingParts {

        @Test
        void format() {
            ProjectFileException error = reading(smallMlpWith(p -> p.remove("format")));

            assertThat(error.location()).isEqualTo("$.format");
            assertThat(error.problem()).startsWith("the entry \"format\" is missing.");
        }

        @Test
        void graph() {
            ProjectFileException error = reading(smallMlpWith(p -> p.remove("graph")));

            assertThat(error.location()).isEqualTo("$.graph");
            assertThat(error.problem()).startsWith("the entry \"graph\" is missing.");
        }

        @Test
        void nodes_of_the_graph() {
            ProjectFileException error = reading(smallMlpWith(p -> ((ObjectNode) p.get("graph")).remove("nodes")));

            assertThat(error.location()).isEqualTo("$.graph.nodes");
        }

        @Test
        void node_id() {
            ProjectFileException error = reading(smallMlpWith(p -> node(p, 2).remove("id")));

            assertThat(error.location()).isEqualTo("$.graph.nodes[2].id");
            assertThat(error.problem()).isEqualTo("the entry \"id\" is missing. Every layer needs an id, a short word"
                    + " such as \"dense1\" that wires refer to.");
        }

        @Test
        void node_kind() {
            ProjectFileException error = reading(smallMlpWith(p -> node(p, 2).remove("kind")));

            assertThat(error.location()).isEqualTo("$.graph.nodes[2].kind");
            assertThat(error.problem()).contains("Every layer needs a kind, such as \"Dense\".");
        }

        @Test
        void node_name_and_position() {
            assertThat(reading(smallMlpWith(p -> node(p, 0).remove("name"))).location())
                    .isEqualTo("$.graph.nodes[0].name");
            assertThat(reading(smallMlpWith(p -> node(p, 0).remove("position"))).location())
                    .isEqualTo("$.graph.nodes[0].position");
            assertThat(reading(smallMlpWith(p -> ((ObjectNode) node(p, 0).get("position")).remove("x"))).location())
                    .isEqualTo("$.graph.nodes[0].position.x");
        }

        @Test
        void wire_ends() {
            assertThat(reading(smallMlpWith(p -> wire(p, 1).remove("from"))).location())
                    .isEqualTo("$.graph.wires[1].from");
            assertThat(reading(smallMlpWith(p -> wire(p, 1).remove("to"))).location())
                    .isEqualTo("$.graph.wires[1].to");
            assertThat(reading(smallMlpWith(p -> ((ObjectNode) wire(p, 2).get("from")).remove("node"))).location())
                    .isEqualTo("$.graph.wires[2].from.node");
            assertThat(reading(smallMlpWith(p -> ((ObjectNode) wire(p, 0).get("to")).remove("port"))).problem())
                    .startsWith("the entry \"port\" is missing.");
        }
    }

    @Nested
    class AbsurdNumbers {

        @Test
        void units_beyond_32_bits() {
            ProjectFileException error = reading(smallMlpWith(p -> params(p, 1).put("units", 1_000_000_000_000L)));

            assertThat(error.location()).isEqualTo("$.graph.nodes[1].params.units");
            assertThat(error.problem()).startsWith("1000000000000 is far too large (at most 2,147,483,647).");
        }

        @Test
        void units_far_below_zero() {
            ProjectFileException error = reading(smallMlpWith(p -> params(p, 1).put("units", -3_000_000_000L)));

            assertThat(error.problem()).startsWith("-3000000000 is far too small (at least -2,147,483,648).");
        }

        @Test
        void batch_size_zero() {
            ProjectFileException error = reading(smallMlpWith(p -> training(p).put("batchSize", 0)));

            assertThat(error.location()).isEqualTo("$.training.batchSize");
            assertThat(error.problem()).isEqualTo("the batch size must be between 1 and 65,536, but it is 0."
                    + " LayerLoom's default is 64.");
        }

        @Test
        void learning_rate_of_a_billion() {
            ProjectFileException error = reading(smallMlpWith(p -> optimizer(p).put("learningRate", 1e9)));

            assertThat(error.location()).isEqualTo("$.training.optimizer.learningRate");
            assertThat(error.problem()).isEqualTo("the learning rate must be greater than 0 and at most 10, but it is"
                    + " 1,000,000,000. LayerLoom's default is 0.001.");
        }

        @Test
        void negative_epochs() {
            ProjectFileException error = reading(smallMlpWith(p -> training(p).put("epochs", -5)));

            assertThat(error.location()).isEqualTo("$.training.epochs");
            assertThat(error.problem()).startsWith("the number of epochs must be between 1 and 100,000, but it is -5.");
        }

        @Test
        void a_seed_beyond_64_bits() {
            ProjectFileException error = reading(smallMlpWith(p -> training(p)
                    .put("seed", new BigInteger("99999999999999999999"))));

            assertThat(error.location()).isEqualTo("$.training.seed");
            assertThat(error.problem()).startsWith("99999999999999999999 is far too large (at most"
                    + " 9,223,372,036,854,775,807).");
        }

        @Test
        void every_training_range_is_checked() {
            assertThat(reading(smallMlpWith(p -> training(p).put("validationSplit", 0.95))).problem())
                    .startsWith("the validation split").contains("must be between 0 and 0.9, but it is 0.95");
            assertThat(reading(smallMlpWith(p -> optimizer(p).put("momentum", 1.0))).problem())
                    .startsWith("the momentum must be at least 0 and below 1, but it is 1.");
            assertThat(reading(smallMlpWith(p -> optimizer(p).put("beta2", -0.5))).location())
                    .isEqualTo("$.training.optimizer.beta2");
            assertThat(reading(smallMlpWith(p -> optimizer(p).put("epsilon", 0))).problem())
                    .startsWith("epsilon must be greater than 0 and at most 1");
            assertThat(reading(smallMlpWith(p -> optimizer(p).put("weightDecay", -1e-4))).problem())
                    .startsWith("the weight decay must be at least 0, but it is -1.0E-4.");
            assertThat(reading(smallMlpWith(p -> optimizer(p).put("gradientClip", new java.math.BigDecimal("1e999")))).problem())
                    .contains("far too large");
            assertThat(reading(smallMlpWith(p -> ((ObjectNode) training(p).get("schedule")).put("stepEpochs", 0)))
                    .problem()).startsWith("the number of epochs between two steps must be at least 1");
            assertThat(reading(smallMlpWith(p -> ((ObjectNode) training(p).get("schedule")).put("gamma", 0)))
                    .location()).isEqualTo("$.training.schedule.gamma");
            assertThat(reading(smallMlpWith(p -> ((ObjectNode) training(p).get("schedule")).put("warmupEpochs", -1)))
                    .location()).isEqualTo("$.training.schedule.warmupEpochs");
            assertThat(reading(smallMlpWith(p -> ((ObjectNode) training(p).get("schedule"))
                    .put("minLearningRate", -0.1))).location()).isEqualTo("$.training.schedule.minLearningRate");
        }

        @Test
        void more_than_ten_thousand_layers() {
            ProjectFileException error = reading(smallMlpWith(p -> {
                ArrayNode nodes = (ArrayNode) p.path("graph").path("nodes");
                for (int i = 0; i < 10_000; i++) {
                    nodes.add(((ObjectNode) nodes.get(1)).deepCopy().put("id", "extra" + i));
                }
            }));

            assertThat(error.location()).isEqualTo("$.graph.nodes");
            assertThat(error.problem()).isEqualTo("the network has 10,004 layers; LayerLoom opens networks of at most"
                    + " 10,000 layers.");
        }
    }

    @Nested
    class Structure {

        @Test
        void a_newer_format_asks_to_update() {
            ProjectFileException error = reading(smallMlpWith(p -> p.put("format", 7)));

            assertThat(error.location()).isEmpty();
            assertThat(error.problem()).isEqualTo("this project was saved by a newer LayerLoom (format 7); this version"
                    + " reads up to format 1. Update LayerLoom to open it.");
        }

        @Test
        void duplicate_node_ids() {
            ProjectFileException error = reading(smallMlpWith(p -> node(p, 2).put("id", "dense1")));

            assertThat(error.location()).isEqualTo("$.graph.nodes[2].id");
            assertThat(error.problem()).isEqualTo("two layers have the id \"dense1\" (the other one is"
                    + " $.graph.nodes[1]). Every layer needs an id of its own; change this one.");
        }

        @Test
        void a_wire_to_a_missing_node() {
            ProjectFileException error = reading(smallMlpWith(p -> ((ObjectNode) wire(p, 2).get("to"))
                    .put("node", "output2")));

            assertThat(error.location()).isEqualTo("$.graph.wires[2].to.node");
            assertThat(error.problem()).startsWith("there is no layer with the id \"output2\". Did you mean"
                    + " \"output1\"?");
        }

        @Test
        void the_same_wire_twice() {
            ProjectFileException error = reading(smallMlpWith(p -> ((ArrayNode) p.path("graph").path("wires"))
                    .add(wire(p, 0).deepCopy())));

            assertThat(error.location()).isEqualTo("$.graph.wires[3]");
            assertThat(error.problem()).isEqualTo("this wire from input1.out to dense1.in is the same as"
                    + " $.graph.wires[0]. Delete one of them.");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "dense 1", "dense.1", "ünï"})
        void ids_other_than_letters_digits_underscore_and_dash(String id) {
            ProjectFileException error = reading(smallMlpWith(p -> node(p, 0).put("id", id)));

            assertThat(error.location()).isEqualTo("$.graph.nodes[0].id");
            assertThat(error.problem()).startsWith("the id ");
        }

        @Test
        void an_id_longer_than_100_characters() {
            ProjectFileException error = reading(smallMlpWith(p -> node(p, 0).put("id", "a".repeat(101))));

            assertThat(error.problem()).startsWith("the id is 101 characters long; an id has at most 100.");
        }

        @Test
        void a_dataset_option_that_is_an_object() {
            ProjectFileException error = reading(smallMlpWith(p -> ((ObjectNode) p.path("dataset").path("options"))
                    .putObject("split").put("train", 0.8)));

            assertThat(error.location()).isEqualTo("$.dataset.options.split");
            assertThat(error.problem()).startsWith("expected text, a number, or true or false but found an object");
        }

        @Test
        void a_dataset_option_that_is_a_list() {
            ProjectFileException error = reading(smallMlpWith(p -> ((ObjectNode) p.path("dataset").path("options"))
                    .putArray("my columns")));

            assertThat(error.location()).isEqualTo("$.dataset.options['my columns']");
        }
    }
}
