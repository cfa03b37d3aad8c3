package org.layerloom.engine.graph;

/**
 * What kind of problem a {@link Problem} is, stable across rewordings of its message: code that acts
 * on a problem (a fix to attach, a test) matches the code, never the text. The names are part of the
 * vocabulary of the validator; a new kind of problem gets a new constant. Immutable; any thread.
 */
public enum ProblemCode {
    /** The network has no Input node. */
    NO_INPUT_NODE,
    /** The network has more than one Input node. */
    SEVERAL_INPUT_NODES,
    /** The network has no Output node. */
    NO_OUTPUT_NODE,
    /** The network has more than one Output node. */
    SEVERAL_OUTPUT_NODES,
    /** A wire starts at an output its node does not have. */
    NO_SUCH_OUTPUT,
    /** A wire leads into a node that takes no input (an Input). */
    WIRE_INTO_INPUT,
    /** A wire ends at an input its node does not have. */
    NO_SUCH_INPUT,
    /** Nodes form a loop (or one is wired into itself). */
    LOOP,
    /** An input of a node has no wire. */
    NOTHING_CONNECTED,
    /** Several wires arrive at an input that takes one. */
    TOO_MANY_WIRES,
    /** A parameter has no value. */
    MISSING_PARAMETER,
    /** A parameter has a value its layer does not accept. */
    PARAMETER_NOT_ALLOWED,
    /** A layer's shape rule refused what arrives at it (the message says why). */
    SHAPE_REJECTED,
    /** A layer's shape rule gave advice about what arrives at it. */
    SHAPE_ADVICE,
    /** A shape rule failed unexpectedly: a bug in LayerLoom, not in the network. */
    SHAPE_RULE_FAILED,
    /** A node's output goes nowhere, so it cannot change the prediction. */
    OUTPUT_GOES_NOWHERE,
    /** The network has no layers at all. */
    EMPTY_NETWORK,
    /** The Input takes another shape (or kind of values) than the project's dataset gives. */
    INPUT_DOES_NOT_FIT_DATA,
    /** The prediction has another size than the dataset's classes or targets. */
    OUTPUT_DOES_NOT_FIT_DATA,
    /** The Output's loss does not suit the dataset's task (a classification trained with MSE, say). */
    LOSS_DOES_NOT_FIT_DATA,
    /** The dataset holds token ids that an Embedding's vocabulary has no row for. */
    TOKEN_IDS_BEYOND_VOCABULARY,
    /** A node cannot be expressed in the chosen export target (the message says why). */
    NOT_EXPORTABLE
}
