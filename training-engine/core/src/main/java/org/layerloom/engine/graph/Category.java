package org.layerloom.engine.graph;

/** The palette groups of layer kinds, in palette order. Immutable; any thread. */
public enum Category {
    INPUT_OUTPUT("Input/Output"),
    CORE("Core"),
    CONVOLUTION("Convolution"),
    POOLING("Pooling"),
    NORMALISATION("Normalisation"),
    RECURRENT("Recurrent"),
    ATTENTION("Attention"),
    MERGE("Merge"),
    ACTIVATION("Activation");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
