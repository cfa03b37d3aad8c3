package org.layerloom.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.layerloom.engine.graph.LayerKind.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.testing.GraphBuilder;

/** The flow order, its ties, what a loop leaves out, the loops and reachability. */
class GraphTopologyTest {

    private final GraphBuilder nodes = new GraphBuilder();
    private final List<Wire> wires = new ArrayList<>();

    private void wire(String from, String to) {
        wires.add(Wire.between(from, to));
    }

    private NetworkGraph graph() {
        NetworkGraph graph = nodes.build();
        for (Wire w : wires) {
            graph = graph.withWire(graph.wires().size(), w);
        }
        return graph;
    }

    @Test
    void every_node_comes_after_the_nodes_that_feed_it() {
        String out = nodes.add(OUTPUT);
        String dense = nodes.add(DENSE);
        String in = nodes.add(INPUT);
        wire(dense, out);
        wire(in, dense);

        GraphTopology topology = GraphTopology.of(graph());

        assertThat(topology.order()).containsExactly(in, dense, out);
        assertThat(topology.arrivalOrder()).containsExactly(in, dense, out);
        assertThat(topology.isAcyclic()).isTrue();
        assertThat(topology.leftOut()).isEmpty();
        assertThat(topology.loops()).isEmpty();
    }

    @Test
    void ready_nodes_go_in_the_order_they_were_added_but_arrival_order_follows_the_wires() {
        String in = nodes.add(INPUT);
        String first = nodes.add(DENSE);
        String second = nodes.add(DENSE);
        String add = nodes.add(ADD);
        wire(in, second);   // the wire to the later node was drawn first
        wire(in, first);
        wire(first, add);
        wire(second, add);

        GraphTopology topology = GraphTopology.of(graph());

        assertThat(topology.order()).containsExactly(in, first, second, add);
        assertThat(topology.arrivalOrder()).containsExactly(in, second, first, add);
    }

    @Test
    void a_node_waits_for_every_wire_even_two_from_the_same_node() {
        String in = nodes.add(INPUT);
        String add = nodes.add(ADD);
        String late = nodes.add(DENSE);
        wires.add(new Wire(PortRef.out(in), new PortRef(add, "a")));
        wires.add(new Wire(PortRef.out(in), new PortRef(add, "b")));
        wire(late, add);

        GraphTopology topology = GraphTopology.of(graph());

        assertThat(topology.order()).containsExactly(in, late, add);
        assertThat(topology.targetsOf(in)).containsExactly(add, add);
        assertThat(topology.sourcesOf(add)).containsExactly(in, in, late);
    }

    @Test
    void a_loop_and_what_follows_it_are_left_out_and_the_loop_is_found() {
        String in = nodes.add(INPUT);
        String a = nodes.add(DENSE);
        String b = nodes.add(RELU);
        String after = nodes.add(OUTPUT);
        String self = nodes.add(DENSE);
        wire(in, a);
        wire(a, b);
        wire(b, a);
        wire(b, after);
        wire(self, self);

        GraphTopology topology = GraphTopology.of(graph());

        assertThat(topology.order()).containsExactly(in);
        assertThat(topology.isAcyclic()).isFalse();
        assertThat(topology.leftOut()).containsExactly(a, b, after, self);
        assertThat(topology.flowOrder()).containsExactly(in, a, b, after, self);
        assertThat(topology.loops()).containsExactly(List.of(a, b), List.of(self));
    }

    @Test
    void reachability_runs_along_the_wires_both_ways_and_includes_the_node() {
        String in = nodes.add(INPUT);
        String a = nodes.add(DENSE);
        String side = nodes.add(DENSE);
        String out = nodes.add(OUTPUT);
        wire(in, a);
        wire(a, out);
        wire(in, side);

        GraphTopology topology = GraphTopology.of(graph());

        assertThat(topology.downstreamOf(a)).containsExactlyInAnyOrder(a, out);
        assertThat(topology.downstreamOf(in)).containsExactlyInAnyOrder(in, a, side, out);
        assertThat(topology.upstreamOf(out)).containsExactlyInAnyOrder(out, a, in);
        assertThat(topology.upstreamOf(side)).containsExactlyInAnyOrder(side, in);
        assertThatThrownBy(() -> topology.downstreamOf("nobody")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reachability_ends_on_a_loop() {
        String a = nodes.add(DENSE);
        String b = nodes.add(DENSE);
        wire(a, b);
        wire(b, a);

        GraphTopology topology = GraphTopology.of(graph());

        assertThat(topology.downstreamOf(a)).containsExactlyInAnyOrder(a, b);
        assertThat(topology.upstreamOf(a)).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void a_topology_over_some_wires_ignores_the_others() {
        String in = nodes.add(INPUT);
        String a = nodes.add(DENSE);
        wire(a, in);
        wire(in, a);
        NetworkGraph graph = graph();

        assertThat(GraphTopology.of(graph).loops()).containsExactly(List.of(in, a));
        GraphTopology some = GraphTopology.of(graph, List.of(Wire.between(in, a)));
        assertThat(some.order()).containsExactly(in, a);
        assertThat(some.wires()).containsExactly(Wire.between(in, a));
    }

    @Test
    void the_validation_report_exposes_the_topology_of_its_usable_wires() {
        String in = nodes.add(INPUT);
        String dense = nodes.add(DENSE);
        wire(in, dense);
        wires.add(new Wire(PortRef.out(dense), new PortRef(in, "in"))); // no wire can lead into an Input

        ValidationReport report = GraphValidator.standard().validate(graph());

        assertThat(report.topology().wires()).containsExactly(Wire.between(in, dense));
        assertThat(report.topology().order()).containsExactly(in, dense);
    }

    @Test
    void on_random_graphs_the_order_is_a_topological_order_and_ties_go_to_the_earliest_node() {
        for (long seed = 0; seed < 500; seed++) {
            NetworkGraph graph = new RandomGraphs(seed).graph(10);
            GraphTopology topology = GraphTopology.of(graph);
            List<String> order = topology.order();
            assertThat(topology.arrivalOrder()).containsExactlyInAnyOrderElementsOf(order);
            assertThat(topology.flowOrder()).hasSize(graph.nodes().size()).doesNotHaveDuplicates();
            for (Wire w : graph.wires()) {
                if (order.contains(w.to().nodeId())) {
                    assertThat(order.indexOf(w.from().nodeId())).as("seed %d: %s", seed, w)
                            .isGreaterThanOrEqualTo(0).isLessThan(order.indexOf(w.to().nodeId()));
                }
            }
            // greedy smallest index: at each step no earlier-added node was ready
            for (int k = 0; k + 1 < order.size(); k++) {
                List<String> placed = order.subList(0, k);
                String chosen = order.get(k);
                for (String later : order.subList(k + 1, order.size())) {
                    boolean ready = graph.wiresInto(later).stream().allMatch(w -> placed.contains(w.from().nodeId()));
                    if (ready) {
                        assertThat(graph.indexOfNode(later)).as("seed %d", seed).isGreaterThan(graph.indexOfNode(chosen));
                    }
                }
            }
        }
    }
}
