package org.layerloom.engine.imports.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.export.OnnxImportExportCases;
import org.layerloom.engine.export.onnx.OnnxImportTestGraphs;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.ValidationReport;
import org.layerloom.engine.graph.Wire;

/**
 * Every sample project and every synthetic export graph, exported to ONNX with seeded weights and imported
 * again, comes back as the same graph (node ids, kinds, parameters ONNX holds, wiring), with every weight
 * bit for bit, and computes the same outputs in the engine. The parameters ONNX cannot hold (dropout
 * rates, BatchNorm momentum, the L1/MSE choice) are named in the report and set to their defaults. Prints
 * one row per network.
 */
class OnnxImportRoundTripTest {

    /** The parameters ONNX cannot hold, by layer kind: only these may be reported lost. */
    private static final Map<LayerKind, Set<String>> MAY_BE_LOST = Map.of(
            LayerKind.DROPOUT, Set.of("rate"),
            LayerKind.SELF_ATTENTION, Set.of("dropout"),
            LayerKind.TRANSFORMER_ENCODER, Set.of("dropout"),
            LayerKind.BATCH_NORM, Set.of("momentum"),
            LayerKind.OUTPUT, Set.of("loss"));

    @Test
    void every_export_imports_back_to_the_same_graph_weights_and_outputs() throws Exception {
        Map<String, NetworkGraph> cases = new LinkedHashMap<>(OnnxImportExportCases.all());
        cases.putAll(OnnxImportTestGraphs.all());
        assertThat(cases).hasSizeGreaterThanOrEqualTo(18);
        SoftAssertions softly = new SoftAssertions();
        List<String> rows = new ArrayList<>();
        long seed = 17;
        for (Map.Entry<String, NetworkGraph> c : cases.entrySet()) {
            OnnxImportRoundTrip trip = OnnxImportRoundTrip.of(c.getKey(), c.getValue(), seed++);
            softly.assertThat(trip.imported.problems()).as(c.getKey() + " problems").isEmpty();
            if (!trip.imported.imported()) {
                rows.add(String.format("%-34s not imported: %s", c.getKey(), trip.imported.problems()));
                continue;
            }
            compareGraphs(softly, trip);
            softly.assertThat(trip.differingWeights()).as(c.getKey() + " weights that differ").isEmpty();
            double weights = trip.largestWeightDifference();
            double outputs = trip.largestOutputDifference(seed);
            softly.assertThat(outputs).as(c.getKey() + " largest output difference").isEqualTo(0.0);
            rows.add(String.format("%-34s %3d nodes %3d weights  weight diff %.1e  output diff %.1e  lost %d",
                    c.getKey(), trip.imported.graph().orElseThrow().nodes().size(), trip.imported.weights().size(),
                    weights, outputs, trip.imported.notes(OnnxImportNote.Kind.LOST).size()));
        }
        System.out.println("ONNX import round trips:\n  " + String.join("\n  ", rows));
        softly.assertAll();
    }

    private static void compareGraphs(SoftAssertions softly, OnnxImportRoundTrip trip) {
        NetworkGraph original = trip.report.graph();
        NetworkGraph imported = trip.imported.graph().orElseThrow();
        String name = trip.name;
        softly.assertThat(imported.nodes().stream().map(Node::id).toList()).as(name + " node ids")
                .containsExactlyInAnyOrderElementsOf(trip.exportedIds());
        for (String id : trip.exportedIds()) {
            Node before = original.requireNode(id);
            Node after = imported.node(id).orElse(null);
            if (after == null) {
                continue;
            }
            softly.assertThat(after.kind()).as(name + " kind of " + id).isEqualTo(before.kind());
            Set<String> lost = trip.lostParams(id);
            softly.assertThat(MAY_BE_LOST.getOrDefault(before.kind(), Set.of())).as(name + " lost params of " + id)
                    .containsAll(lost);
            for (Map.Entry<String, ParamValue> p : before.params().values().entrySet()) {
                String param = p.getKey();
                ParamValue expected = lost.contains(param) ? afterLoss(before.kind(), param) : p.getValue();
                ParamValue actual = after.params().has(param) ? after.params().get(param) : null;
                if (before.kind() == LayerKind.CONCATENATE && param.equals("axis")) {
                    expected = new ParamValue.Int(normalisedAxis(trip.report, id, ((ParamValue.Int) expected).value()));
                    actual = new ParamValue.Int(normalisedAxis(trip.report, id, ((ParamValue.Int) actual).value()));
                }
                softly.assertThat(actual).as(name + " " + id + "." + param).isEqualTo(expected);
            }
            softly.assertThat(sources(imported, id)).as(name + " wires into " + id).isEqualTo(sources(original, id));
        }
    }

    /** What a lost parameter reads after the import: the catalog default; a regression's loss reads MSE. */
    private static ParamValue afterLoss(LayerKind kind, String param) {
        return kind == LayerKind.OUTPUT ? new ParamValue.Choice("mse")
                : LayerCatalog.standard().type(kind).defaultParameters().get(param);
    }

    private static int normalisedAxis(ValidationReport report, String id, int axis) {
        int rank = report.outputOf(id).orElseThrow().rank();
        return axis < 0 ? axis + rank : axis;
    }

    private static List<String> sources(NetworkGraph graph, String id) {
        return graph.wiresInto(id).stream().map(Wire::from).map(p -> p.nodeId()).toList();
    }
}
