package org.layerloom.engine.imports.onnx;

/**
 * Says that an ONNX node was recognised but cannot become a LayerLoom layer (a grouped convolution, a
 * bidirectional LSTM…), with the reason as a sentence; the import reports the node as unmapped. Never
 * leaves this package.
 */
final class Unmappable extends Exception {

    Unmappable(String reason) {
        super(reason);
    }
}
