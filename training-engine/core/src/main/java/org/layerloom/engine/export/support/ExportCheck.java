package org.layerloom.engine.export.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.NodeReport;
import org.layerloom.engine.graph.Problem;
import org.layerloom.engine.graph.ProblemCode;
import org.layerloom.engine.graph.ShapeContext;
import org.layerloom.engine.graph.ValidationReport;

/**
 * The check an export runs before it writes anything: the network's validation errors, then every node the
 * export would write (those the Output depends on, as the compiler keeps them) through the target's
 * {@link NodeSupport}, each refusal an error naming the node in the validator's words. Nodes whose output
 * goes nowhere are not exported and get a warning saying so. The export may go ahead when the result has no
 * errors. Stateless; any thread.
 */
public final class ExportCheck {

    private ExportCheck() {
    }

    /** The problems of exporting the validated network to {@code target}. */
    public static List<Problem> problems(ValidationReport report, ExportTarget target) {
        return problems(report, target.displayName(), target.support());
    }

    /**
     * The problems of exporting the validated network with {@code support}.
     *
     * @param targetName how messages name the target ("PyTorch")
     */
    public static List<Problem> problems(ValidationReport report, String targetName, NodeSupport support) {
        List<Problem> problems = new ArrayList<>(report.errors());
        NetworkGraph graph = report.graph();
        List<Node> outputs = graph.nodesOfKind(LayerKind.OUTPUT);
        Set<String> exported = outputs.size() == 1 && report.topology().isAcyclic()
                ? report.topology().upstreamOf(outputs.get(0).id()) : Set.of();
        for (Node node : graph.nodes()) {
            String who = ShapeContext.describe(node, LayerCatalog.standard().type(node.kind()));
            if (!exported.isEmpty() && !exported.contains(node.id())) {
                problems.add(Problem.warning(ProblemCode.OUTPUT_GOES_NOWHERE, node.id(), who + " is left out of the"
                        + " export: its output goes nowhere, so it does not change the prediction.", List.of()));
                continue;
            }
            NodeReport nodeReport = report.node(node.id())
                    .orElse(new NodeReport(node.id(), List.of(), Optional.empty(), 0));
            support.refusal(node, nodeReport).ifPresent(reason -> problems.add(Problem.error(
                    ProblemCode.NOT_EXPORTABLE, node.id(), who + " cannot be exported to " + targetName + ": " + reason,
                    List.of())));
        }
        return List.copyOf(problems);
    }

    /** Whether {@code problems} let the export go ahead (warnings only). */
    public static boolean allowsExport(List<Problem> problems) {
        return problems.stream().noneMatch(Problem::isError);
    }
}
