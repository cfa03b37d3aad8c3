package org.layerloom.engine.export;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.layerloom.engine.compile.EngineSeed;
import org.layerloom.engine.compile.GraphBlock;
import org.layerloom.engine.compile.GraphCompiler;
import org.layerloom.engine.compile.LossSpec;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.export.support.ExportCheck;
import org.layerloom.engine.export.support.ExportTarget;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Problem;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.graph.ValidationReport;
import org.layerloom.engine.kernels.KernelGuard;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.train.ProjectData;
import org.layerloom.engine.train.RunData;
import org.layerloom.engine.train.SavedRun;
import org.layerloom.engine.train.StartingWeights;

/**
 * Where an export's network and weights come from: a saved run (its network as trained and its kept
 * parameters, {@code best.params} or else {@code last.params}), or a project that has no run (its network
 * with the weights its seed draws at initialisation). Both check the network for the target first, so a
 * refused network is never compiled. For PyTorch, whose export trains too, a run's export and
 * {@link #initial(Project, Path, ExportTarget)} add the project's training settings and its data, prepared as the
 * run was (or as the project's run would be). Stateless; call off the JavaFX thread (they load the engine and read
 * files); the engine work runs on the calling thread.
 */
public final class ExportSources {

    private ExportSources() {
    }

    /**
     * The network and kept parameters of the run in {@code runFolder}; for an int8 variant run, also what the
     * target needs of its quantization ({@link VariantExport}).
     *
     * @throws IOException            with a message for a student when the folder is not a run or its files are
     *                                damaged
     * @throws ExportRefusedException when the network, or its int8 form, cannot be exported to {@code target}
     */
    public static ExportedNetwork fromRun(Path runFolder, ExportTarget target) throws IOException, ExportRefusedException {
        try (SavedRun run = SavedRun.open(runFolder)) {
            ValidationReport report = checked(run.project().graph(), target);
            ExportedNetwork network = ExportedNetwork.of(run.project().name(), report, run.block());
            boolean pytorch = target.equals(ExportTarget.PYTORCH);
            // The run's own data, read again as it was trained (same seed, split and limit), else none: PyTorch
            // exports it, and an int8 variant's note on a float target measures on its test examples.
            Dataset data = null;
            if (pytorch || !target.equals(ExportTarget.ONNX) && VariantExport.isInt8(runFolder)) {
                RunData.Outcome read = RunData.of(run).load(ProgressListener.none());
                data = read.isLoaded() ? read.dataset() : null;
            }
            network = VariantExport.of(runFolder, network, target, data);
            return pytorch ? network.withTraining(training(run.project(), data)) : network;
        }
    }

    /**
     * As {@link #initialNetwork}, with the project's data read from {@code projectFolder} (its relative paths
     * start there) for a target that exports training; without it when it cannot be read.
     *
     * @throws IOException when the project's starting weights cannot be read; the message names the file
     */
    public static ExportedNetwork initial(Project project, Path projectFolder, ExportTarget target)
            throws ExportRefusedException, IOException {
        ExportedNetwork network = initialNetwork(project, projectFolder, target);
        if (!target.equals(ExportTarget.PYTORCH)) {
            return network;
        }
        Dataset dataset;
        try {
            dataset = ProjectData.load(project, projectFolder, project.training(), 0, ProgressListener.none());
        } catch (DatasetException e) {
            dataset = null;
        }
        return network.withTraining(training(project, dataset));
    }

    /**
     * The project's network with the weights training would start from: its starting weights (an imported
     * model's, in {@code projectFolder}) where it has them, over the weights its seed draws; without its training.
     *
     * @throws IOException when the starting weights cannot be read; the message names the file
     */
    public static ExportedNetwork initialNetwork(Project project, Path projectFolder, ExportTarget target)
            throws ExportRefusedException, IOException {
        return network(project, project.startingWeights().map(projectFolder::resolve), target);
    }

    /**
     * The project's network with freshly initialised weights, drawn with the project's seed; without its training
     * (for PyTorch: {@code model.py} and {@code weights.npz} only). Starting weights are not applied: use
     * {@link #initialNetwork} for a project that has a folder.
     */
    public static ExportedNetwork initial(Project project, ExportTarget target) throws ExportRefusedException {
        try {
            return network(project, Optional.empty(), target);
        } catch (IOException e) {
            throw new IllegalStateException("no file is read without starting weights", e);
        }
    }

    private static ExportedNetwork network(Project project, Optional<Path> startingWeights, ExportTarget target)
            throws ExportRefusedException, IOException {
        ValidationReport report = checked(project.graph(), target);
        NetworkGraph graph = project.graph();
        TensorShape example = report.outputOf(graph.nodesOfKind(LayerKind.INPUT).get(0).id()).orElseThrow();
        KernelGuard.ensure();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            EngineSeed.set(Long.hashCode(project.training().seed()));
            GraphBlock block = GraphCompiler.standard().compile(report);
            block.initialize(manager, DataType.FLOAT32, withBatch(example));
            if (startingWeights.isPresent()) {
                StartingWeights.load(startingWeights.get(), graph, block, manager);
            }
            return ExportedNetwork.of(project.name(), report, block);
        }
    }

    private static ExportedTraining training(Project project, Dataset dataset) {
        return new ExportedTraining(project.training(), LossSpec.of(project.graph()), dataset);
    }

    private static ValidationReport checked(NetworkGraph graph, ExportTarget target) throws ExportRefusedException {
        ValidationReport report = GraphValidator.standard().validate(graph);
        List<Problem> problems = ExportCheck.problems(report, target);
        if (!ExportCheck.allowsExport(problems)) {
            throw new ExportRefusedException(target.displayName(), problems);
        }
        return report;
    }

    private static Shape withBatch(TensorShape shape) {
        long[] dims = new long[shape.rank() + 1];
        dims[0] = 1;
        for (int i = 0; i < shape.rank(); i++) {
            dims[i + 1] = shape.dim(i);
        }
        return new Shape(dims);
    }
}
