package org.layerloom.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.layerloom.app.check.NodeRow;
import org.layerloom.app.check.NodeRows;
import org.layerloom.app.check.ProjectCheck;
import org.layerloom.engine.graph.Fix;
import org.layerloom.engine.graph.Problem;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.graph.ValidationReport;

/**
 * Writes the outcome of {@code layerloom validate --json} as one JSON document: the nodes in data-flow
 * order with shapes and parameter counts, and the problems, or the reason a file is unreadable.
 * Any thread.
 */
final class ValidationJson {

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    String checked(ProjectCheck.Checked check) {
        ValidationReport report = check.report();
        ObjectNode root = mapper.createObjectNode();
        root.put("file", check.file().toString());
        root.put("valid", report.isValid());
        root.put("totalParameters", report.totalParameters());
        if (!check.dataCheck().isEmpty()) {
            root.put("dataCheck", check.dataCheck());
        }
        ArrayNode nodes = root.putArray("nodes");
        for (NodeRow row : NodeRows.of(report)) {
            ObjectNode node = nodes.addObject();
            node.put("id", row.id());
            node.put("name", row.name());
            node.put("kind", row.kind().id());
            if (row.output().isPresent()) {
                TensorShape shape = row.output().get();
                ArrayNode dims = node.putArray("output");
                shape.dims().forEach(dims::add);
                node.put("elements", shape.elements().name().toLowerCase(Locale.ROOT));
            } else {
                node.putNull("output");
                node.putNull("elements");
            }
            node.put("parameters", row.parameters());
        }
        ArrayNode problems = root.putArray("problems");
        for (Problem problem : report.problems()) {
            ObjectNode p = problems.addObject();
            p.put("severity", problem.isError() ? "error" : "warning");
            p.put("code", problem.code().name());
            ArrayNode ids = p.putArray("nodes");
            problem.nodeIds().forEach(ids::add);
            p.put("message", problem.message());
            ArrayNode fixes = p.putArray("fixes");
            problem.fixes().stream().map(Fix::label).forEach(fixes::add);
        }
        return write(root);
    }

    String unreadable(ProjectCheck.Unreadable check) {
        ObjectNode root = mapper.createObjectNode();
        root.put("file", check.file().toString());
        ObjectNode error = root.putObject("error");
        error.put("location", check.location());
        error.put("message", check.problem());
        return write(root);
    }

    private String write(ObjectNode root) {
        try {
            return mapper.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
