package org.layerloom.engine.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.layerloom.engine.graph.edit.GraphEdit;
import org.layerloom.engine.graph.edit.GraphEdits;

/** Random graphs and random user actions for property tests, reproducible from a seed. */
final class RandomGraphs {

    private static final LayerKind[] KINDS = LayerKind.values();
    private final Random random;

    RandomGraphs(long seed) {
        this.random = new Random(seed);
    }

    /** Any graph the document can hold: random kinds and values (some out of range), wires, loops, bad ports. */
    NetworkGraph graph(int maxNodes) {
        NetworkGraph graph = NetworkGraph.empty();
        int n = 1 + random.nextInt(maxNodes);
        for (int i = 0; i < n; i++) {
            LayerKind kind = i == 0 ? LayerKind.INPUT : KINDS[random.nextInt(KINDS.length)];
            Node node = GraphEdits.newNode(graph, kind, new Position(random.nextInt(800), random.nextInt(600)),
                    randomParams(kind));
            graph = GraphEdits.addNode(graph, node).applyTo(graph);
        }
        int wires = random.nextInt(n * 2 + 1);
        for (int i = 0; i < wires; i++) {
            Node from = graph.nodes().get(random.nextInt(n));
            Node to = graph.nodes().get(random.nextInt(n));
            boolean forward = random.nextInt(5) > 0;
            if (forward && graph.indexOfNode(from.id()) >= graph.indexOfNode(to.id())) {
                Node t = from;
                from = to;
                to = t;
            }
            String fromPort = random.nextInt(20) == 0 ? "bogus" : PortRef.OUT;
            String toPort = random.nextInt(20) == 0 ? "other" : PortRef.IN;
            Wire wire = new Wire(new PortRef(from.id(), fromPort), new PortRef(to.id(), toPort));
            if (!graph.wires().contains(wire)) {
                graph = graph.withWire(graph.wires().size(), wire);
            }
        }
        return graph;
    }

    Parameters randomParams(LayerKind kind) {
        Parameters params = Parameters.empty();
        for (ParamSpec spec : LayerCatalog.standard().type(kind).parameters()) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            params = params.with(spec.name(), randomValue(spec));
        }
        return params;
    }

    ParamValue randomValue(ParamSpec spec) {
        boolean wild = random.nextInt(10) == 0;
        switch (spec.type()) {
            case INTEGER: {
                int lo = (int) spec.range().min();
                int span = (int) Math.min(64, spec.range().max() - lo + 1);
                return new ParamValue.Int(wild ? random.nextInt(2001) - 1000 : lo + random.nextInt(span));
            }
            case REAL:
                return new ParamValue.Real(wild ? random.nextGaussian() * 10 : random.nextDouble()
                        * Math.min(spec.range().max(), 1) * 0.99 + Math.max(spec.range().min(), 0) + 1e-6);
            case FLAG:
                return new ParamValue.Flag(random.nextBoolean());
            case CHOICE:
                return new ParamValue.Choice(wild ? "nonsense"
                        : spec.choices().get(random.nextInt(spec.choices().size())).id());
            case DIMS: {
                int rank = wild ? random.nextInt(6) : 1 + random.nextInt(3);
                List<Integer> dims = new ArrayList<>();
                for (int i = 0; i < rank; i++) {
                    dims.add(wild ? random.nextInt(5) : 1 + random.nextInt(40));
                }
                return new ParamValue.Dims(dims);
            }
            default:
                throw new IllegalStateException();
        }
    }

    /** A random user action on {@code graph}, as the editor would build it. */
    GraphEdit action(NetworkGraph graph) {
        List<Node> nodes = graph.nodes();
        int choice = nodes.isEmpty() ? 0 : random.nextInt(9);
        Node some = nodes.isEmpty() ? null : nodes.get(random.nextInt(nodes.size()));
        switch (choice) {
            case 1:
                return GraphEdits.removeNodes(graph, List.of(some.id()));
            case 2: {
                Node other = nodes.get(random.nextInt(nodes.size()));
                PortRef from = PortRef.out(some.id());
                PortRef to = PortRef.in(other.id());
                if (!graph.wires().contains(new Wire(from, to))) {
                    return GraphEdits.connect(graph, from, to);
                }
                return GraphEdits.move(graph, some.id(), new Position(random.nextInt(500), random.nextInt(500)));
            }
            case 3:
                if (!graph.wires().isEmpty()) {
                    return GraphEdits.disconnect(graph, graph.wires().get(random.nextInt(graph.wires().size())));
                }
                return GraphEdits.rename(graph, some.id(), "renamed " + random.nextInt(100));
            case 4: {
                List<ParamSpec> specs = LayerCatalog.standard().type(some.kind()).parameters().stream()
                        .filter(s -> some.params().has(s.name())).toList();
                if (!specs.isEmpty()) {
                    ParamSpec spec = specs.get(random.nextInt(specs.size()));
                    return GraphEdits.setParameter(graph, some.id(), spec.name(), randomValue(spec));
                }
                return GraphEdits.rename(graph, some.id(), "named " + random.nextInt(100));
            }
            case 5:
                return GraphEdits.move(graph, some.id(), new Position(random.nextInt(900), random.nextInt(900)));
            case 6:
                return GraphEdits.rename(graph, some.id(), "layer " + random.nextInt(100));
            case 7:
                if (!graph.wires().isEmpty()) {
                    return GraphEdits.insertOnWire(graph, graph.wires().get(random.nextInt(graph.wires().size())),
                            KINDS[random.nextInt(KINDS.length)], Parameters.empty(), "Insert");
                }
                return GraphEdits.addNode(graph, KINDS[random.nextInt(KINDS.length)], Position.ORIGIN);
            case 8:
                return GraphEdits.removeAndBridge(graph, some.id(), "Remove and bridge");
            default:
                return GraphEdits.addNode(graph, KINDS[random.nextInt(KINDS.length)],
                        new Position(random.nextInt(900), random.nextInt(900)));
        }
    }
}
