package org.layerloom.engine.kernels;

/** Which CPU kernels the engine runs LayerLoom's layers on. */
public enum KernelChoice {
    /** libtorch's default: oneDNN for convolutions and recurrences (the fast path where it is right). */
    ONEDNN("oneDNN kernels"),
    /** oneDNN switched off inside libtorch: its native kernels for convolutions and recurrences. */
    ONEDNN_OFF("libtorch kernels, oneDNN off"),
    /**
     * oneDNN off, except for recurrent layers while they record gradients ({@link RecurrentOneDnn}), where it
     * passed the self-test and everything else did not, and for the training batches of a network whose own
     * convolutions agree on it ({@link OneDnnBatch}).
     */
    ONEDNN_FOR_TRAINING_RECURRENCES("libtorch kernels, oneDNN for training LSTMs and checked convolution networks");

    private final String label;

    KernelChoice(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
