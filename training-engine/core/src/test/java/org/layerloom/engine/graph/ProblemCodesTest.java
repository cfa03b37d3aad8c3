package org.layerloom.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.layerloom.engine.graph.LayerKind.*;
import static org.layerloom.engine.testing.GraphBuilder.layer;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.graph.edit.CompositeEdit;
import org.layerloom.engine.testing.GraphBuilder;

/**
 * Every problem carries a stable code next to its message, each kind of mistake its own, and the
 * validator attaches fixes by code, not by searching the message.
 */
class ProblemCodesTest {

    private static final Set<ProblemCode> WARNINGS =
            EnumSet.of(ProblemCode.SHAPE_ADVICE, ProblemCode.OUTPUT_GOES_NOWHERE);

    private final GraphValidator validator = GraphValidator.standard();

    private List<ProblemCode> codes(NetworkGraph graph) {
        return validator.validate(graph).problems().stream().map(Problem::code).toList();
    }

    @Test
    void every_problem_on_random_graphs_has_a_code_and_warnings_have_warning_codes() {
        Set<ProblemCode> seen = EnumSet.noneOf(ProblemCode.class);
        for (long seed = 0; seed < 1500; seed++) {
            NetworkGraph graph = new RandomGraphs(seed).graph(9);
            for (Problem problem : validator.validate(graph).problems()) {
                assertThat(problem.code()).as("seed %d: %s", seed, problem.message()).isNotNull();
                assertThat(problem.isError()).as("seed %d: %s", seed, problem.code())
                        .isEqualTo(!WARNINGS.contains(problem.code()));
                seen.add(problem.code());
            }
        }
        assertThat(seen).as("random graphs make most kinds of problem")
                .contains(ProblemCode.LOOP, ProblemCode.NOTHING_CONNECTED, ProblemCode.NO_SUCH_INPUT,
                        ProblemCode.NO_SUCH_OUTPUT, ProblemCode.SEVERAL_OUTPUT_NODES, ProblemCode.SHAPE_REJECTED,
                        ProblemCode.OUTPUT_GOES_NOWHERE);
    }

    @Test
    void graph_level_mistakes_get_their_codes() {
        GraphBuilder b = new GraphBuilder();
        String d = b.add(DENSE, "units", 3);
        assertThat(codes(b.build())).contains(ProblemCode.NO_INPUT_NODE, ProblemCode.NO_OUTPUT_NODE,
                ProblemCode.NOTHING_CONNECTED);

        GraphBuilder two = new GraphBuilder();
        String in1 = two.add(INPUT, "shape", new int[] {4});
        String in2 = two.add(INPUT, "shape", new int[] {4});
        String o1 = two.add(OUTPUT, "loss", "mse");
        String o2 = two.add(OUTPUT, "loss", "mse");
        two.chain(in1, o1).chain(in2, o2);
        assertThat(codes(two.build())).contains(ProblemCode.SEVERAL_INPUT_NODES, ProblemCode.SEVERAL_OUTPUT_NODES);
        assertThat(d).isNotEmpty();
    }

    @Test
    void wire_and_node_mistakes_get_their_codes() {
        GraphBuilder b = new GraphBuilder();
        String in = b.add(INPUT, "shape", new int[] {4});
        String d1 = b.add(DENSE, "units", 4);
        String d2 = b.add(DENSE, "units", 4);
        String out = b.add(OUTPUT, "loss", "mse");
        b.chain(in, d1, d2, out);
        NetworkGraph graph = b.build();
        assertThat(codes(graph)).isEmpty();

        assertThat(codes(graph.withWire(0, Wire.between(d2, d1)))).contains(ProblemCode.LOOP);
        assertThat(codes(graph.withWire(0, Wire.between(d1, d1)))).contains(ProblemCode.LOOP);
        assertThat(codes(graph.withWire(0, Wire.between(in, d2)))).containsExactly(ProblemCode.TOO_MANY_WIRES);
        assertThat(codes(graph.withWire(0, new Wire(PortRef.out(d1), new PortRef(in, PortRef.IN)))))
                .containsExactly(ProblemCode.WIRE_INTO_INPUT);
        assertThat(codes(graph.withWire(0, new Wire(PortRef.out(d1), new PortRef(d2, "other")))))
                .containsExactly(ProblemCode.NO_SUCH_INPUT);
        assertThat(codes(graph.withWire(0, new Wire(PortRef.out(out), PortRef.in(d2)))))
                .containsExactly(ProblemCode.NO_SUCH_OUTPUT);
    }

    @Test
    void parameter_and_shape_mistakes_get_their_codes() {
        NetworkGraph vectorIntoConv = GraphBuilder.chainOf(new int[] {784}, "softmax_cross_entropy",
                layer(CONV2D, "filters", 8), layer(FLATTEN), layer(DENSE, "units", 10));
        assertThat(codes(vectorIntoConv)).containsExactly(ProblemCode.SHAPE_REJECTED);

        NetworkGraph noUnits = GraphBuilder.chainOf(new int[] {4}, "mse", layer(DENSE, "units", 0));
        assertThat(codes(noUnits)).containsExactly(ProblemCode.PARAMETER_NOT_ALLOWED);

        NetworkGraph graph = GraphBuilder.chainOf(new int[] {4}, "mse", layer(DENSE, "units", 2));
        Node dense = graph.nodesOfKind(DENSE).get(0);
        NetworkGraph unset = graph.withReplacedNode(
                new Node(dense.id(), dense.kind(), dense.name(), Parameters.empty(), dense.position()));
        assertThat(codes(unset)).contains(ProblemCode.MISSING_PARAMETER);
    }

    @Test
    void the_connect_fix_goes_to_the_problem_coded_nothing_connected() {
        GraphBuilder b = new GraphBuilder();
        String in = b.add(INPUT, "shape", new int[] {4});
        String d1 = b.add(DENSE, "units", 3);
        String d2 = b.add(DENSE, "units", 3);
        String out = b.add(OUTPUT);
        NetworkGraph graph = b.chain(in, d1).chain(d2, out).build();

        List<Problem> withConnect = validator.validate(graph).problems().stream()
                .filter(p -> p.fixes().stream().anyMatch(f -> f.label().equals("Connect Dense 1 to Dense 2"))).toList();

        assertThat(withConnect).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.NOTHING_CONNECTED);
            assertThat(p.nodeIds()).containsExactly(d2);
        });
    }

    @Test
    void on_random_graphs_only_nothing_connected_problems_get_a_connect_fix() {
        for (long seed = 0; seed < 1500; seed++) {
            for (Problem problem : validator.validate(new RandomGraphs(seed).graph(9)).problems()) {
                if (problem.fixes().stream().anyMatch(f -> f.label().startsWith("Connect "))) {
                    assertThat(problem.code()).as("seed %d", seed).isEqualTo(ProblemCode.NOTHING_CONNECTED);
                }
            }
        }
    }

    @Test
    void a_problem_with_other_fixes_keeps_its_code_and_message() {
        Problem p = Problem.error(ProblemCode.NOTHING_CONNECTED, "n", "text", List.of());
        Problem fixed = p.withFixes(List.of(new Fix("label", new CompositeEdit("label", List.of()))));
        assertThat(fixed.code()).isEqualTo(ProblemCode.NOTHING_CONNECTED);
        assertThat(fixed.message()).isEqualTo("text");
        assertThat(fixed.fixes()).hasSize(1);
        assertThat(fixed.is(ProblemCode.NOTHING_CONNECTED)).isTrue();
    }
}
