package org.layerloom.engine.train.coach;

/**
 * The training situations the coach recognises; each one is advised at most once per run (the loss situations
 * again after the learning rate changed).
 */
public enum CoachSituation {
    /** The loss grows, or became NaN or infinite. */
    DIVERGING,
    /** The loss jumps up and down without going down. */
    OSCILLATING,
    /** The loss stopped falling early, while it is still high. */
    EARLY_PLATEAU,
    /** Validation loss rises while training loss falls. */
    OVERFITTING,
    /** Training accuracy stays near what guessing gives. */
    NEAR_CHANCE,
    /** Training runs slowly. */
    SLOW_RUN,
    /** The run used up its epochs while it was still getting better. */
    STILL_IMPROVING
}
