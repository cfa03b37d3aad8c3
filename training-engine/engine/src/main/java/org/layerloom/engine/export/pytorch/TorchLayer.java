package org.layerloom.engine.export.pytorch;

import java.util.List;

/**
 * How one node appears in {@code model.py}: the Python expression that builds its module (an attribute named
 * by the node id) and the helper classes that expression needs. Immutable; any thread.
 *
 * @param module the constructor call, such as {@code nn.Linear(784, 128, bias=True)}
 * @param note   what a student should know about the PyTorch twin, for the comment; empty for none
 */
record TorchLayer(String module, List<Helper> helpers, String note) {

    TorchLayer {
        helpers = List.copyOf(helpers);
    }

    static TorchLayer of(String module, Helper... helpers) {
        return new TorchLayer(module, List.of(helpers), "");
    }

    TorchLayer noting(String text) {
        return new TorchLayer(module, helpers, text);
    }
}
