package org.layerloom.engine.imports.onnx;

import java.util.List;
import java.util.Optional;
import org.layerloom.engine.export.NpyArray;
import org.layerloom.engine.graph.NetworkGraph;

/**
 * What an ONNX import gives: the LayerLoom graph (empty when any node did not map or the file is broken),
 * its weights as float32 arrays named {@code <nodeId>.<PyTorch state_dict name>} in PyTorch's layouts (the
 * form {@code ExportedNetwork} and {@code TorchStateDict} read), and the report: every ONNX node that did
 * not map, every problem with the file, every parameter that fell back to its default, and what each
 * group of ONNX nodes became. Immutable; any thread.
 */
public record OnnxImport(Optional<NetworkGraph> graph, List<NpyArray> weights, List<OnnxImportNote> report) {

    public OnnxImport {
        weights = List.copyOf(weights);
        report = List.copyOf(report);
    }

    /** A failed import: no graph, no weights, only the report. */
    static OnnxImport failed(List<OnnxImportNote> report) {
        return new OnnxImport(Optional.empty(), List.of(), report);
    }

    /** Whether a graph was imported. */
    public boolean imported() {
        return graph.isPresent();
    }

    /** The report lines that stopped the import (problems and unmapped nodes); empty after a success. */
    public List<OnnxImportNote> problems() {
        return report.stream().filter(OnnxImportNote::stopsImport).toList();
    }

    /** The report lines of one kind. */
    public List<OnnxImportNote> notes(OnnxImportNote.Kind kind) {
        return report.stream().filter(n -> n.kind() == kind).toList();
    }
}
