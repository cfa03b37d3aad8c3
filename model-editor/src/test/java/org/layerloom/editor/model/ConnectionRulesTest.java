package org.layerloom.editor.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.layerloom.engine.testing.GraphBuilder.node;
import static org.layerloom.engine.testing.GraphBuilder.wires;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.PortRef;

/** The cheap check refuses a wire that would close a loop, whichever way round the loop is. */
class ConnectionRulesTest {

    private final ConnectionRules rules = new ConnectionRules(LayerCatalog.standard());

    /** input1 → dense1 → add1 → dense2 → output1. */
    private final NetworkGraph graph = new NetworkGraph(List.of(
            node("input1", LayerKind.INPUT, 0, 0),
            node("dense1", LayerKind.DENSE, 200, 0),
            node("add1", LayerKind.ADD, 400, 0),
            node("dense2", LayerKind.DENSE, 600, 0),
            node("output1", LayerKind.OUTPUT, 800, 0)),
            wires("input1", "dense1", "add1", "dense2", "output1"));

    @Test
    void a_wire_from_downstream_back_into_a_merge_would_make_a_loop() {
        assertThat(rules.cheapCheck(graph, PortRef.out("dense2"), PortRef.in("add1")))
                .hasValueSatisfying(why -> assertThat(why).contains("would make a loop"));
    }

    @Test
    void a_skip_wire_forward_into_a_merge_is_allowed() {
        assertThat(rules.cheapCheck(graph, PortRef.out("input1"), PortRef.in("add1"))).isEmpty();
    }
}
