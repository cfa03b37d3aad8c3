package org.layerloom.engine.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.PortRef;
import org.layerloom.engine.graph.Position;
import org.layerloom.engine.graph.ValidationReport;
import org.layerloom.engine.graph.Wire;
import org.layerloom.engine.testing.TestProjects;

class ProjectRoundTripTest {

    /** The example of the file format, with the Flatten node its wire leads to. */
    static final String GOLDEN = """
            {
              "format" : 1,
              "name" : "Handwritten digits MLP",
              "graph" : {
                "nodes" : [ {
                  "id" : "input1",
                  "kind" : "Input",
                  "name" : "Input 1",
                  "position" : { "x" : 40.0, "y" : 200.0 },
                  "params" : { "shape" : [ 1, 28, 28 ], "values" : "real" }
                }, {
                  "id" : "flatten1",
                  "kind" : "Flatten",
                  "name" : "Flatten 1",
                  "position" : { "x" : 220.0, "y" : 200.0 },
                  "params" : { }
                } ],
                "wires" : [ { "from" : { "node" : "input1", "port" : "out" }, "to" : { "node" : "flatten1", "port" : "in" } } ]
              },
              "dataset" : { "source" : "mnist", "options" : { } },
              "training" : {
                "optimizer" : { "kind" : "adam", "learningRate" : 0.001, "momentum" : 0.9, "nesterov" : false, "beta1" : 0.9, "beta2" : 0.999, "epsilon" : 1.0E-8, "weightDecay" : 0.0, "gradientClip" : 0.0 },
                "schedule" : { "kind" : "fixed", "stepEpochs" : 10, "gamma" : 0.1, "warmupEpochs" : 1, "minLearningRate" : 0.0 },
                "batchSize" : 64, "epochs" : 5, "validationSplit" : 0.1, "seed" : 42, "device" : "auto"
              }
            }
            """;

    /** What LayerLoom writes for {@link #GOLDEN}. */
    static final String GOLDEN_AS_SAVED = """
            {
              "format" : 1,
              "name" : "Handwritten digits MLP",
              "graph" : {
                "nodes" : [ {
                  "id" : "input1",
                  "kind" : "Input",
                  "name" : "Input 1",
                  "position" : { "x" : 40.0, "y" : 200.0 },
                  "params" : { "shape" : [ 1, 28, 28 ], "values" : "real" }
                }, {
                  "id" : "flatten1",
                  "kind" : "Flatten",
                  "name" : "Flatten 1",
                  "position" : { "x" : 220.0, "y" : 200.0 },
                  "params" : { }
                } ],
                "wires" : [ {
                  "from" : { "node" : "input1", "port" : "out" },
                  "to" : { "node" : "flatten1", "port" : "in" }
                } ]
              },
              "dataset" : { "source" : "mnist", "options" : { } },
              "training" : {
                "optimizer" : { "kind" : "adam", "learningRate" : 0.001, "momentum" : 0.9, "nesterov" : false, "beta1" : 0.9, "beta2" : 0.999, "epsilon" : 1.0E-8, "weightDecay" : 0.0, "gradientClip" : 0.0 },
                "schedule" : { "kind" : "fixed", "stepEpochs" : 10, "gamma" : 0.1, "warmupEpochs" : 1, "minLearningRate" : 0.0 },
                "batchSize" : 64,
                "epochs" : 5,
                "validationSplit" : 0.1,
                "seed" : 42,
                "device" : "auto"
              }
            }
            """;

    @TempDir
    Path folder;

    @Test
    void every_layer_kind_with_non_default_parameters_survives_save_and_load() throws Exception {
        Project project = TestProjects.everything();
        Path file = folder.resolve("everything.loom");

        ProjectFiles.save(project, file);
        Project loaded = ProjectFiles.load(file);

        assertThat(loaded).isEqualTo(project);
        assertThat(loaded.graph().nodes()).extracting(Node::kind).containsExactly(LayerKind.values());
    }

    @Test
    void saving_a_loaded_project_gives_the_same_bytes() throws Exception {
        Path first = folder.resolve("first.loom");
        Path second = folder.resolve("second.loom");
        ProjectFiles.save(TestProjects.everything(), first);

        ProjectFiles.save(ProjectFiles.load(first), second);

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void wires_into_a_merge_keep_their_order() throws Exception {
        Project loaded = ProjectFiles.fromJson(ProjectFiles.toJson(TestProjects.everything()), "x.loom");

        assertThat(loaded.graph().wiresInto("add1")).extracting(w -> w.from().nodeId())
                .containsExactly("relu1", "dense1", "gelu1");
    }

    @Test
    void saved_text_is_utf8_with_lf_line_ends_and_a_final_newline() throws Exception {
        Path file = folder.resolve("digits.loom");
        ProjectFiles.save(TestProjects.everything(), file);

        String text = Files.readString(file, StandardCharsets.UTF_8);

        assertThat(text).doesNotContain("\r").endsWith("}\n").doesNotEndWith("\n\n");
        assertThat(text).contains("\"name\" : \"Everything – Ünïcode \\\"quoted\\\" \\\\ name\"");
        assertThat(text).startsWith("{\n  \"format\" : 1,\n  \"name\" : ");
    }

    @Test
    void the_documented_example_parses() throws Exception {
        Project project = ProjectFiles.fromJson(GOLDEN, "digits.loom");

        assertThat(project.name()).isEqualTo("Handwritten digits MLP");
        Node input = project.graph().requireNode("input1");
        assertThat(input.kind()).isEqualTo(LayerKind.INPUT);
        assertThat(input.position()).isEqualTo(new Position(40, 200));
        assertThat(input.params().dims("shape")).containsExactly(1, 28, 28);
        assertThat(project.graph().wires()).containsExactly(Wire.between("input1", "flatten1"));
        assertThat(project.dataset()).isEqualTo(DatasetChoice.of("mnist"));
        assertThat(project.training()).isEqualTo(TrainingSettings.defaults());
    }

    @Test
    void the_documented_example_is_written_in_the_stable_layout() throws Exception {
        assertThat(ProjectFiles.toJson(ProjectFiles.fromJson(GOLDEN, "digits.loom"))).isEqualTo(GOLDEN_AS_SAVED);
    }

    @Test
    void left_out_optional_parts_take_their_defaults() throws Exception {
        String json = """
                { "format" : 1,
                  "graph" : { "nodes" : [
                    { "id" : "dense1", "kind" : "Dense", "name" : "Hidden", "position" : { "x" : 1, "y" : 2 },
                      "params" : { "units" : 12 } } ] } }
                """;

        Project project = ProjectFiles.fromJson(json, "My net.loom");

        assertThat(project.name()).isEqualTo("My net");
        assertThat(project.dataset()).isEqualTo(DatasetChoice.of("none"));
        assertThat(project.training()).isEqualTo(TrainingSettings.defaults());
        assertThat(project.graph().wires()).isEmpty();
        Node dense = project.graph().requireNode("dense1");
        assertThat(dense.params()).isEqualTo(LayerCatalog.standard().type(LayerKind.DENSE).defaultParameters()
                .with("units", new ParamValue.Int(12)));
        assertThat(dense.position()).isEqualTo(new Position(1.0, 2.0));
    }

    @Test
    void training_settings_may_be_given_in_part() throws Exception {
        String json = """
                { "format" : 1, "graph" : { "nodes" : [ ] },
                  "training" : { "epochs" : 9, "optimizer" : { "learningRate" : 0.01 }, "schedule" : { "kind" : "COSINE" } } }
                """;

        TrainingSettings training = ProjectFiles.fromJson(json, "t.loom").training();

        TrainingSettings defaults = TrainingSettings.defaults();
        assertThat(training.epochs()).isEqualTo(9);
        assertThat(training.optimizer()).isEqualTo(defaults.optimizer().withLearningRate(0.01));
        assertThat(training.schedule().kind()).isEqualTo(ScheduleKind.COSINE);
        assertThat(training.batchSize()).isEqualTo(defaults.batchSize());
    }

    @Test
    void a_weight_average_is_read_written_and_left_out_when_off() throws Exception {
        String json = """
                { "format" : 1, "graph" : { "nodes" : [ ] }, "training" : { "weightAverage" : 0.999 } }
                """;

        Project project = ProjectFiles.fromJson(json, "t.loom");

        assertThat(project.training()).isEqualTo(TrainingSettings.defaults().withWeightAverage(0.999));
        String saved = ProjectFiles.toJson(project);
        assertThat(saved).contains("\"weightAverage\" : 0.999");
        assertThat(ProjectFiles.fromJson(saved, "t.loom").training().weightAverage()).isEqualTo(0.999);
        Project off = new Project(project.name(), project.graph(), project.dataset(), TrainingSettings.defaults());
        assertThat(ProjectFiles.toJson(off)).doesNotContain("weightAverage");
        assertThatThrownBy(() -> ProjectFiles.fromJson(json.replace("0.999", "1.5"), "t.loom"))
                .isInstanceOf(ProjectFileException.class).hasMessageContaining("weight average");
    }

    @Test
    void a_real_parameter_accepts_a_whole_number() throws Exception {
        String json = """
                { "format" : 1, "graph" : { "nodes" : [ { "id" : "d", "kind" : "Dropout", "name" : "D",
                  "position" : { "x" : 0, "y" : 0 }, "params" : { "rate" : 0 } } ] } }
                """;

        Node dropout = ProjectFiles.fromJson(json, "x").graph().requireNode("d");

        assertThat(dropout.params().get("rate")).isEqualTo(new ParamValue.Real(0.0));
    }

    @Test
    void values_the_validator_can_fix_are_loaded_as_they_are() throws Exception {
        String json = TestProjects.smallMlpJson()
                .replace("\"units\" : 10", "\"units\" : 0")
                .replace("\"activation\" : \"relu\"", "\"activation\" : \"swish\"")
                .replace("\"to\" : { \"node\" : \"output1\", \"port\" : \"in\" }",
                        "\"to\" : { \"node\" : \"output1\", \"port\" : \"side\" }");

        Project project = ProjectFiles.fromJson(json, "x.loom");
        ValidationReport report = GraphValidator.standard().validate(project.graph());

        assertThat(project.graph().requireNode("dense2").params().intValue("units")).isZero();
        assertThat(project.graph().requireNode("dense1").params().choice("activation")).isEqualTo("swish");
        assertThat(project.graph().wires()).contains(new Wire(PortRef.out("dense2"), new PortRef("output1", "side")));
        assertThat(report.errors()).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(problem -> assertThat(problem.fixes()).isNotEmpty());
    }

    @Test
    void a_leading_byte_order_mark_is_ignored() throws Exception {
        Path file = folder.resolve("bom.loom");
        byte[] text = TestProjects.smallMlpJson().getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        Files.write(file, withBom);

        assertThat(ProjectFiles.load(file)).isEqualTo(TestProjects.smallMlp());
    }

    @Test
    void layer_kinds_and_setting_ids_are_read_without_regard_to_case() throws Exception {
        String json = TestProjects.smallMlpJson().replace("\"Dense\"", "\"dense\"").replace("\"adam\"", "\"Adam\"");

        Project project = ProjectFiles.fromJson(json, "x.loom");

        assertThat(project.graph().nodesOfKind(LayerKind.DENSE)).hasSize(2);
        assertThat(project.training().optimizer().kind()).isEqualTo(OptimizerKind.ADAM);
        assertThat(List.of(ProjectFiles.toJson(project))).containsExactly(TestProjects.smallMlpJson());
    }
}
