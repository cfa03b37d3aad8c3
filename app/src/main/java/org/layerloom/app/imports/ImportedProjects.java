package org.layerloom.app.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.layerloom.editor.session.ProjectSession;
import org.layerloom.engine.export.NpzWriter;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.graph.ValidationReport;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFiles;

/**
 * Turns an imported model into a project file: the network and settings over an empty project, named after the
 * file, with a dataset guessed from the input (28×28 grey pictures learn MNIST, 32×32 colour ones CIFAR-10;
 * anything else two moons, which the Data area then offers to change); an imported model's weights go beside it
 * as {@code NAME.weights.npz}, the project's starting weights. Stateless; call off the JavaFX thread (it writes
 * files).
 */
public final class ImportedProjects {

    private ImportedProjects() {
    }

    /** The project the import becomes, named {@code name}, before it is written. */
    public static Project project(ImportedModel model, String name) {
        Project base = ProjectSession.emptyProject().withName(name);
        Project project = model.applyTo(base);
        return project.withDataset(guessDataset(project.graph()));
    }

    /**
     * Writes {@code model} as the project {@code file} (and its weights beside it) and returns what was written.
     *
     * @throws IOException when a file cannot be written; nothing half-written is left as the project
     */
    public static Project write(ImportedModel model, Path file) throws IOException {
        String stem = file.getFileName().toString().replaceFirst("\\.loom$", "");
        Project project = project(model, stem);
        if (!model.weights().isEmpty()) {
            String weightsName = stem + ".weights.npz";
            NpzWriter.write(file.toAbsolutePath().getParent().resolve(weightsName), model.weights());
            project = project.withStartingWeights(Optional.of(weightsName));
        }
        ProjectFiles.save(project, file);
        return project;
    }

    /** MNIST for 1×28×28 pictures, CIFAR-10 for 3×32×32 ones, else two moons. */
    static DatasetChoice guessDataset(NetworkGraph graph) {
        ValidationReport report = GraphValidator.standard().validate(graph);
        List<TensorShape> inputs = graph.nodesOfKind(LayerKind.INPUT).stream()
                .flatMap(n -> report.outputOf(n.id()).stream()).toList();
        if (inputs.size() == 1 && inputs.get(0).isImage()) {
            List<Integer> dims = inputs.get(0).dims();
            if (dims.equals(List.of(1, 28, 28))) {
                return DatasetChoice.of("mnist");
            }
            if (dims.equals(List.of(3, 32, 32))) {
                return DatasetChoice.of("cifar-10");
            }
        }
        return DatasetChoice.of("moons");
    }
}
