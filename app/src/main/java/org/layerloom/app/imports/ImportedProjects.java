package org.layerloom.app.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.layerloom.editor.session.ProjectSession;
import org.layerloom.engine.export.NpzWriter;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFiles;

/**
 * Turns an imported model into a project file: the network and settings over an empty project, named after the
 * file, with the dataset it obviously reads ({@link #guessDataset}: MNIST, CIFAR-10, or none, so that the Data
 * area asks for one); an imported model's weights go beside it
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

    /**
     * The dataset a network obviously reads: MNIST for 28×28 grey pictures (or 784 values) into 10 classes, CIFAR-10
     * for 32×32 colour pictures into 10 classes; otherwise none, and the Data area asks for one.
     */
    public static DatasetChoice guessDataset(NetworkGraph graph) {
        List<Node> inputs = graph.nodesOfKind(LayerKind.INPUT);
        List<Node> outputs = graph.nodesOfKind(LayerKind.OUTPUT);
        if (inputs.size() != 1 || outputs.size() != 1 || graph.wiresInto(outputs.get(0).id()).isEmpty()) {
            return DatasetChoice.of(DatasetChoice.NO_DATASET);
        }
        List<Integer> shape = inputs.get(0).params().dims("shape");
        Node last = graph.requireNode(graph.wiresInto(outputs.get(0).id()).get(0).from().nodeId());
        boolean tenClasses = last.kind() == LayerKind.DENSE && last.params().intValue("units") == 10
                && outputs.get(0).params().choice("loss").equals("softmax_cross_entropy");
        if (tenClasses && (shape.equals(List.of(1, 28, 28)) || shape.equals(List.of(784))
                || shape.equals(List.of(28, 28)))) {
            return DatasetChoice.of("mnist");
        }
        if (tenClasses && shape.equals(List.of(3, 32, 32))) {
            return DatasetChoice.of("cifar-10");
        }
        return DatasetChoice.of(DatasetChoice.NO_DATASET);
    }
}
