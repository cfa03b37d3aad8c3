package org.layerloom.engine.export.onnx;

/**
 * Writes the ONNX operators that compute one graph node, exactly as the compiled (DJL) network computes
 * it at inference, ending in a value named by the node id. Stateless implementations; any thread, but
 * each call writes into one {@link OnnxGraph} owned by the caller.
 */
@FunctionalInterface
interface NodeConverter {

    void convert(NodeInput node, OnnxGraph graph);
}
