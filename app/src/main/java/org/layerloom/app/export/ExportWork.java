package org.layerloom.app.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.layerloom.engine.export.ExportRefusedException;
import org.layerloom.engine.export.ExportSources;
import org.layerloom.engine.export.ExportedNetwork;
import org.layerloom.engine.export.Exporter;
import org.layerloom.engine.export.ReferenceOutputs;
import org.layerloom.engine.export.TargetWriters;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.Problem;

/**
 * One export as the dialog does it: takes the network and weights (a run's, or the seeded initial ones), checks
 * every node and writes the export ({@link Exporter}: a refused network writes nothing), then runs one seeded
 * batch through LayerLoom's network and through the export where the target runs here (an int8 variant's ONNX
 * export against LayerLoom's network with every layer's output rounded to 8 bits, as the file computes it).
 * Stateless apart from its Python lookup; call off the JavaFX thread, on a thread that may run the engine.
 */
public final class ExportWork {

    /** How many examples the check runs. */
    public static final int BATCH = 4;
    private static final long BATCH_SEED = 17;

    private final PythonTorch python;

    public ExportWork(PythonTorch python) {
        this.python = python;
    }

    /**
     * Exports and checks {@code request}.
     *
     * @throws IOException with a message for the student when the run cannot be read or the folder not written
     */
    public ExportOutcome run(ExportRequest request) throws IOException {
        ExportedNetwork network;
        List<Problem> warnings;
        try {
            if (request.run().isPresent()) {
                network = ExportSources.fromRun(request.run().get(), request.target());
            } else if (request.projectFolder().isPresent()) {
                network = ExportSources.initialNetwork(request.project(), request.projectFolder().get(),
                        request.target());
            } else {
                network = ExportSources.initial(request.project(), request.target());
            }
            warnings = Exporter.export(network, TargetWriters.of(request.target()), request.out());
        } catch (ExportRefusedException e) {
            return new ExportOutcome.Refused(request.target().displayName(), e.problems());
        }
        String weights = request.run().map(r -> "the weights run " + r.getFileName() + " kept")
                .or(() -> request.projectFolder().flatMap(f -> request.project().startingWeights())
                        .map(f -> "the starting weights in " + f))
                .orElse("the untrained weights drawn with the project's seed " + request.project().training().seed());
        ReferenceOutputs.Batch batch = ReferenceOutputs.seededBatch(network, BATCH, BATCH_SEED);
        Map<String, float[]> expected = ReferenceOutputs.of(network, batch);
        Verification verification = switch (request.target()) {
            case ONNX -> OnnxCheck.verify(network, request.out().resolve("model.onnx"), batch, expected);
            case PYTORCH -> new PyTorchCheck(python).verify(request.out(), batch, expected,
                    network.report().graph().nodesOfKind(LayerKind.OUTPUT).get(0).id());
            case DJL -> DjlCheck.verify(network, request.out(), batch, expected);
        };
        return new ExportOutcome.Written(request.out(), listing(request.out()), warnings, weights, verification,
                network.note().orElse(""));
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
