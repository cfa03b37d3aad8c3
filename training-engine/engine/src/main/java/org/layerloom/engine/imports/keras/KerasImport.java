package org.layerloom.engine.imports.keras;

import java.util.List;
import java.util.Optional;
import org.layerloom.engine.export.NpyArray;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.project.TrainingSettings;

/**
 * The result of importing a Keras model: the LayerLoom graph, its weights under the PyTorch {@code state_dict}
 * names of that graph ({@code <nodeId>.<torch name>}, PyTorch layouts; empty when the file holds none), the
 * notes on what was translated and how, and the problems that stopped the import, each a full sentence naming
 * the Keras layer. When there is any problem the graph is empty and there are no weights. The training
 * settings are suggested from how the Keras model was compiled, when it was. Immutable; any thread.
 */
public record KerasImport(NetworkGraph graph, List<NpyArray> weights, List<String> notes, List<String> problems,
                          TrainingSettings suggestedTraining) {

    public KerasImport {
        weights = List.copyOf(weights);
        notes = List.copyOf(notes);
        problems = List.copyOf(problems);
    }

    /** An import that failed with these problems. */
    static KerasImport failed(List<String> notes, List<String> problems) {
        return new KerasImport(NetworkGraph.empty(), List.of(), notes, problems, null);
    }

    /** Whether the model was imported (there is no problem). */
    public boolean isImported() {
        return problems.isEmpty();
    }

    /** The training settings the Keras model was compiled with, translated; empty if it was not compiled. */
    public Optional<TrainingSettings> training() {
        return Optional.ofNullable(suggestedTraining);
    }
}
