package org.layerloom.engine.export.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.project.ProjectFiles;

/**
 * The synthetic graphs of {@link OnnxTestGraphs}, exported to ONNX with seeded random weights, give at
 * every node what the engine gives; with the samples they use every layer kind as a node.
 */
class OnnxLayerKindExportTest {

    @Test
    void every_synthetic_graph_agrees_with_the_engine_at_every_node() throws Exception {
        List<OnnxAgreement.Result> results = new ArrayList<>();
        for (Map.Entry<String, NetworkGraph> e : OnnxTestGraphs.all().entrySet()) {
            results.add(OnnxAgreement.compare(e.getKey(), e.getValue(), 29));
        }
        OnnxDifferenceTable.print("synthetic graphs", results);
        for (OnnxAgreement.Result result : results) {
            assertThat(result.disagreeing()).as(result.name()).isEmpty();
        }
    }

    @Test
    void the_samples_and_synthetic_graphs_use_every_layer_kind() throws Exception {
        Set<LayerKind> used = EnumSet.noneOf(LayerKind.class);
        OnnxTestGraphs.all().values().forEach(g -> g.nodes().stream().map(Node::kind).forEach(used::add));
        try (Stream<Path> files = Files.list(Path.of("..", "..", "samples", "projects"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(ProjectFiles.EXTENSION)).toList()) {
                ProjectFiles.load(file).graph().nodes().stream().map(Node::kind).forEach(used::add);
            }
        }
        assertThat(used).containsExactlyInAnyOrder(LayerKind.values());
    }
}
