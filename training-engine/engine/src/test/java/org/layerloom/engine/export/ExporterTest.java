package org.layerloom.engine.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.layerloom.engine.graph.LayerKind.*;
import static org.layerloom.engine.testing.GraphBuilder.layer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.export.pytorch.PyTorchWriter;
import org.layerloom.engine.export.support.ExportTarget;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.ProblemCode;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.testing.GraphBuilder;

class ExporterTest {

    private static final NetworkGraph MLP = GraphBuilder.chainOf(TensorShape.of(4), "mse",
            layer(DENSE, "units", 3, "activation", "relu"), layer(DENSE, "units", 2));

    @TempDir
    Path tmp;

    @Test
    void an_export_writes_model_and_weights_and_leaves_no_staging_folder() throws Exception {
        Path out = tmp.resolve("mlp-export");
        Exporter.export(network(MLP), new PyTorchWriter(), out);
        assertThat(names(out)).containsExactlyInAnyOrder("model.py", "weights.npz");
        assertThat(names(tmp)).containsExactly("mlp-export");
        assertThat(Files.readString(out.resolve("model.py"))).contains("self.dense1 = LinearWithActivation(4, 3,"
                + " bias=True, activation=\"relu\")", "self.dense2 = nn.Linear(3, 2, bias=True)",
                "dense1 = self.dense1(input1)", "return dense2");
    }

    @Test
    void a_refused_node_stops_the_export_before_anything_is_written() throws Exception {
        NetworkGraph renamed = GraphBuilder.renamed(MLP, "dense2", "out-layer");
        Path out = tmp.resolve("never");
        ExportedNetwork network = network(renamed);
        assertThatThrownBy(() -> Exporter.export(network, new PyTorchWriter(), out))
                .isInstanceOfSatisfying(ExportRefusedException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.code()).isEqualTo(ProblemCode.NOT_EXPORTABLE);
                        assertThat(p.nodeIds()).containsExactly("out-layer");
                    });
                    assertThat(e.getMessage()).startsWith("The network cannot be exported to PyTorch: out-layer (Dense)");
                });
        assertThat(names(tmp)).isEmpty();
    }

    @Test
    void a_failing_writer_leaves_nothing_behind_and_an_earlier_export_untouched() throws Exception {
        Path out = tmp.resolve("export");
        Exporter.export(network(MLP), new PyTorchWriter(), out);
        byte[] before = Files.readAllBytes(out.resolve("weights.npz"));
        TargetWriter failing = new TargetWriter() {
            @Override
            public ExportTarget target() {
                return ExportTarget.PYTORCH;
            }

            @Override
            public Set<String> fileNames() {
                return Set.of("model.py", "weights.npz");
            }

            @Override
            public void write(ExportedNetwork network, Path folder) throws IOException {
                Files.writeString(folder.resolve("model.py"), "half");
                throw new IOException("disk full");
            }
        };
        assertThatThrownBy(() -> Exporter.export(network(MLP), failing, out)).hasMessage("disk full");
        assertThat(names(tmp)).containsExactly("export");
        assertThat(Files.readAllBytes(out.resolve("weights.npz"))).isEqualTo(before);
        assertThat(Files.readString(out.resolve("model.py"))).contains("class Network");
    }

    @Test
    void an_earlier_export_is_replaced_but_a_folder_with_other_files_is_not() throws Exception {
        Path out = tmp.resolve("export");
        Exporter.export(network(MLP), new PyTorchWriter(), out);
        Files.writeString(out.resolve("model.py"), "stale");
        Exporter.export(network(MLP), new PyTorchWriter(), out);
        assertThat(Files.readString(out.resolve("model.py"))).contains("class Network");
        assertThat(names(tmp)).containsExactly("export");

        Files.writeString(out.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> Exporter.export(network(MLP), new PyTorchWriter(), out))
                .isInstanceOf(IOException.class).hasMessageContaining("already holds other files (notes.txt)");
        assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("mine");
        assertThat(names(tmp)).containsExactly("export");
    }

    @Test
    void every_target_has_a_writer_for_itself() {
        for (ExportTarget target : ExportTarget.values()) {
            assertThat(TargetWriters.of(target).target()).isEqualTo(target);
        }
    }

    @Test
    void weights_come_in_running_order_under_state_dict_names() throws Exception {
        ExportedNetwork network = network(MLP);
        assertThat(network.weights()).extracting(NpyArray::name)
                .containsExactly("dense1.weight", "dense1.bias", "dense2.weight", "dense2.bias");
        assertThat(network.weights().get(0).shape()).containsExactly(3, 4);
        assertThat(network.nodeIds()).containsExactly("input1", "dense1", "dense2", "output1");
    }

    private static ExportedNetwork network(NetworkGraph graph) throws Exception {
        try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager()) {
            var report = GraphValidator.standard().validate(graph);
            var block = org.layerloom.engine.compile.GraphCompiler.standard().compile(report);
            block.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, 4));
            return ExportedNetwork.of("mlp", report, block);
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
