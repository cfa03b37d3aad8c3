package org.layerloom.engine.imports.code;

/** The problem for a layer that the model's framework table lacks: the other framework's, or none. Stateless. */
final class UnknownLayer {

    private UnknownLayer() {
    }

    static ImportFailure failure(CodeValue.LayerCall layer, boolean torch) {
        String name = layer.name();
        boolean otherFramework = torch ? KerasSignatures.isLayer(name) : TorchSignatures.isLayer(name);
        if (otherFramework) {
            return new ImportFailure(layer.pos(), name + " is a " + (torch ? "Keras" : "PyTorch") + " layer, but this"
                    + " model is built with " + (torch ? "PyTorch's nn.Sequential" : "Keras") + ".", torch
                    ? "Use PyTorch's layers: nn.Linear, nn.Conv2d, nn.ReLU, ..."
                    : "Use Keras's layers: layers.Dense, layers.Conv2D, ...");
        }
        return new ImportFailure(layer.pos(), "LayerLoom cannot import the layer " + layer.dotted() + ".", torch
                ? "LayerLoom reads nn.Linear, Conv1d, Conv2d, MaxPool2d, AvgPool2d, AdaptiveAvgPool2d, Flatten,"
                + " Dropout, BatchNorm1d/2d, LayerNorm, Embedding and the activations."
                : "LayerLoom reads Dense, Conv1D, Conv2D, MaxPooling2D, AveragePooling2D, GlobalAveragePooling2D,"
                + " Flatten, Reshape, Dropout, BatchNormalization, LayerNormalization, Embedding, SimpleRNN, LSTM,"
                + " GRU, Add, Concatenate and the activations; add other layers in the editor.");
    }
}
