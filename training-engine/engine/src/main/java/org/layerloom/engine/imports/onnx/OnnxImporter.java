package org.layerloom.engine.imports.onnx;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import onnx.Onnx.GraphProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.OperatorSetIdProto;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.Problem;
import org.layerloom.engine.graph.ValidationReport;

/**
 * Imports an ONNX model as a LayerLoom graph with its weights. A model LayerLoom exported comes back
 * exactly: node ids, kinds, parameters (those ONNX holds; the report names the others, set to their
 * defaults), wiring and every weight bit for bit. Other models import as far as their operators match
 * LayerLoom layers ({@code Gemm} or {@code MatMul + Add} → Dense, {@code Conv[+Relu]} → Conv2D, the
 * recurrent operators with the gate order turned back, the erf pattern → GELU, the ReduceMean pattern →
 * LayerNorm; shape subgraphs fold into constants). When any node does not map, nothing is imported and
 * the report names every such node with its operator: a partial network would silently compute
 * something else. A broken or unsupported file gives a report line, never an exception. Stateless; any
 * thread (call it off the JavaFX thread: large files take a moment).
 */
public final class OnnxImporter {

    /** The oldest and newest default-domain opsets whose operators the patterns read. */
    public static final int MIN_OPSET = 9;
    public static final int MAX_OPSET = 21;
    private static final String PRODUCER = "LayerLoom";

    private OnnxImporter() {
    }

    /** Imports the file; a file that cannot be read gives a report line. */
    public static OnnxImport read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            return OnnxImport.failed(List.of(problem("the file " + file.getFileName() + " cannot be read: "
                    + e.getMessage())));
        }
        return read(bytes);
    }

    /** Imports a model from its bytes. */
    public static OnnxImport read(byte[] bytes) {
        try {
            return importModel(parse(bytes));
        } catch (ImportFailure f) {
            return OnnxImport.failed(List.of(f.note()));
        } catch (RuntimeException | StackOverflowError e) {
            return OnnxImport.failed(List.of(problem("the model could not be imported (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); it may be damaged.")));
        }
    }

    private static ModelProto parse(byte[] bytes) throws ImportFailure {
        if (bytes == null || bytes.length == 0) {
            throw new ImportFailure("the file is empty; an ONNX model holds at least a graph.");
        }
        ModelProto model;
        try {
            model = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new ImportFailure("the file is not an ONNX model, or it is cut short or damaged (" + e.getMessage() + ").");
        }
        if (model.getIrVersion() < 3 || !model.hasGraph() || model.getGraph().getNodeCount() == 0) {
            throw new ImportFailure("the file is not an ONNX model: it has " + (model.hasGraph() ? "an empty graph"
                    : "no graph") + (model.getIrVersion() < 3 ? " and no valid IR version" : "") + ".");
        }
        Optional<OperatorSetIdProto> opset = model.getOpsetImportList().stream()
                .filter(o -> o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")).findFirst();
        if (opset.isEmpty()) {
            throw new ImportFailure("the model names no ONNX opset, so its operators cannot be read.");
        }
        long version = opset.get().getVersion();
        if (version < MIN_OPSET || version > MAX_OPSET) {
            throw new ImportFailure("the model uses ONNX opset " + version + "; LayerLoom reads opsets " + MIN_OPSET
                    + " to " + MAX_OPSET + ". Convert it with onnx.version_converter, or export it again with"
                    + " opset 17.");
        }
        return model;
    }

    private static OnnxImport importModel(ModelProto model) throws ImportFailure {
        GraphProto graph = model.getGraph();
        OnnxValues values = new OnnxValues(graph);
        InputSpec input = InputSpec.read(graph, values);
        boolean own = PRODUCER.equals(model.getProducerName()) && input.name().equals("input");
        GraphAssembly assembly = new GraphAssembly();
        ImportWalk walk = new ImportWalk(new MatchContext(values, input, assembly, own, opsetOf(model)));
        walk.run();
        List<OnnxImportNote> notes = new ArrayList<>(walk.notes());
        if (notes.stream().anyMatch(OnnxImportNote::stopsImport)) {
            return OnnxImport.failed(notes);
        }
        ValidationReport report = GraphValidator.standard().validate(assembly.graph());
        if (!report.isValid()) {
            for (Problem p : report.errors()) {
                notes.add(new OnnxImportNote(OnnxImportNote.Kind.PROBLEM, "", "", "the imported network is not valid: "
                        + p.message()));
            }
            return OnnxImport.failed(notes);
        }
        return new OnnxImport(Optional.of(assembly.graph()), assembly.weights(), notes);
    }

    private static long opsetOf(ModelProto model) {
        return model.getOpsetImportList().stream().filter(o -> o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx"))
                .mapToLong(OperatorSetIdProto::getVersion).findFirst().orElse(MAX_OPSET);
    }

    private static OnnxImportNote problem(String message) {
        return new OnnxImportNote(OnnxImportNote.Kind.PROBLEM, "", "", message);
    }
}
