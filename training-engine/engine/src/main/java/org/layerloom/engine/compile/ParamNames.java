package org.layerloom.engine.compile;

/**
 * The names of the layer parameters the compiler reads, as the layer catalog defines them (the
 * differential tests fail if a name drifts). Constants only.
 */
final class ParamNames {

    static final String ACTIVATION = "activation";
    static final String BIAS = "bias";
    static final String UNITS = "units";
    static final String RATE = "rate";
    static final String TARGET = "target";
    static final String VOCABULARY = "vocabulary";
    static final String DIMENSION = "dimension";
    static final String FILTERS = "filters";
    static final String KERNEL = "kernel";
    static final String STRIDE = "stride";
    static final String PADDING = "padding";
    static final String POOL = "pool";
    static final String MOMENTUM = "momentum";
    static final String EPSILON = "epsilon";
    static final String ALPHA = "alpha";
    static final String RETURN_SEQUENCES = "return_sequences";
    static final String NONLINEARITY = "nonlinearity";
    static final String HEADS = "heads";
    static final String DROPOUT = "dropout";
    static final String FEED_FORWARD = "feed_forward";
    static final String AXIS = "axis";
    static final String LOSS = "loss";

    private ParamNames() {
    }
}
