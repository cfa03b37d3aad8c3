package org.layerloom.app.imports;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.layerloom.engine.export.NpyArray;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.project.Project;

/**
 * What reading a model gave, whatever it came from (pasted code, a Keras or an ONNX file): the network where it
 * could be read, the notes on what was translated, the issues that stopped it, how it changes a project's
 * settings (the optimizer, loss and training settings the code or file names) and its weights under PyTorch's
 * {@code state_dict} names (none for code). Immutable.
 *
 * @param source what it was read from, for messages ("pasted code", "mnist.keras")
 */
public record ImportedModel(String source, Optional<NetworkGraph> graph, List<String> notes, List<ImportIssue> issues,
                            UnaryOperator<Project> settings, List<NpyArray> weights) {

    public ImportedModel {
        notes = List.copyOf(notes);
        issues = List.copyOf(issues);
        weights = List.copyOf(weights);
    }

    /** Nothing could be read: {@code issues} say why. */
    public static ImportedModel failed(String source, List<ImportIssue> issues) {
        return new ImportedModel(source, Optional.empty(), List.of(), issues, UnaryOperator.identity(), List.of());
    }

    /** Whether a network came out, with no issue: it can become a project. */
    public boolean succeeded() {
        return graph.isPresent() && issues.isEmpty();
    }

    /** {@code base} with the imported network and settings (call only when {@link #succeeded()}). */
    public Project applyTo(Project base) {
        return settings.apply(base.withGraph(graph.orElseThrow()));
    }
}
