package org.layerloom.engine.train.coach;

/** The training-health problems the coach recognises. */
public enum HealthSignal {
    VANISHING_GRADIENTS,
    EXPLODING_GRADIENTS,
    DEAD_RELUS,
    SATURATED_ACTIVATIONS,
    UPDATES_TOO_LARGE,
    UPDATES_TOO_SMALL
}
