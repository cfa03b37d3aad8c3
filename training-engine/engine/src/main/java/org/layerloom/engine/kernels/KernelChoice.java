package org.layerloom.engine.kernels;

/** Which CPU kernels the engine runs LayerLoom's layers on. */
public enum KernelChoice {
    /** libtorch's default: oneDNN for convolutions and recurrences (the fast path where it is right). */
    ONEDNN("oneDNN kernels"),
    /** oneDNN switched off inside libtorch: its native kernels for convolutions and recurrences. */
    ONEDNN_OFF("libtorch kernels, oneDNN off");

    private final String label;

    KernelChoice(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
