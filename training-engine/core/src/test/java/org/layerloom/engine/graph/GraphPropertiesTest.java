package org.layerloom.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.layerloom.engine.graph.edit.GraphEdit;

/** Properties that must hold for every graph and every sequence of edits. */
class GraphPropertiesTest {

    private final GraphValidator validator = GraphValidator.standard();

    @Property(tries = 400)
    void any_graph_validates_to_shapes_or_problems_never_an_exception(@ForAll long seed) {
        NetworkGraph graph = new RandomGraphs(seed).graph(14);
        ValidationReport report = validator.validate(graph);

        assertThat(report.problems()).noneMatch(p -> p.message().contains("could not work out"));
        for (Node node : graph.nodes()) {
            NodeReport node1 = report.node(node.id()).orElseThrow();
            boolean explained = report.problems().stream().anyMatch(p -> p.concerns(node.id()));
            boolean upstreamBroken = graph.wiresInto(node.id()).stream()
                    .anyMatch(w -> report.outputOf(w.from().nodeId()).isEmpty());
            assertThat(node1.resolved() || explained || upstreamBroken || node.kind() == LayerKind.OUTPUT)
                    .as("node %s either has a shape or a reason", node.id()).isTrue();
        }
        if (report.isValid()) {
            assertThat(report.totalParameters()).isNotNegative();
        }
    }

    @Property(tries = 200)
    void every_offered_fix_applies_and_undoes(@ForAll long seed) {
        NetworkGraph graph = new RandomGraphs(seed).graph(10);
        for (Problem problem : validator.validate(graph).problems()) {
            for (Fix fix : problem.fixes()) {
                NetworkGraph fixed = fix.edit().applyTo(graph);
                assertThat(fix.edit().inverted().applyTo(fixed)).isEqualTo(graph);
                validator.validate(fixed);
            }
        }
    }

    @Property(tries = 300)
    void an_edit_followed_by_its_inverse_restores_the_graph(@ForAll long seed) {
        RandomGraphs random = new RandomGraphs(seed);
        NetworkGraph graph = random.graph(8);
        List<GraphEdit> done = new ArrayList<>();
        List<NetworkGraph> versions = new ArrayList<>(List.of(graph));
        for (int step = 0; step < 25; step++) {
            GraphEdit edit = random.action(graph);
            NetworkGraph next = edit.applyTo(graph);
            assertThat(edit.inverted().applyTo(next)).as("inverse of %s", edit.description()).isEqualTo(graph);
            assertThat(edit.inverted().inverted()).isEqualTo(edit);
            done.add(edit);
            versions.add(next);
            graph = next;
            validator.validate(graph);
        }
        for (int i = done.size() - 1; i >= 0; i--) {
            graph = done.get(i).inverted().applyTo(graph);
            assertThat(graph).isEqualTo(versions.get(i));
        }
    }
}
