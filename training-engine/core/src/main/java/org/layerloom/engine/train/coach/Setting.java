package org.layerloom.engine.train.coach;

/** A training setting the coach can suggest a new value for (see {@link SettingChange}). */
public enum Setting {
    /** The optimizer's learning rate. */
    LEARNING_RATE("learning rate"),
    /** The optimizer's L2 weight decay. */
    WEIGHT_DECAY("weight decay"),
    /** Early stopping: the epochs without a better validation loss before training stops (0: off). */
    EARLY_STOPPING_PATIENCE("early-stopping patience"),
    /** Examples per training batch. */
    BATCH_SIZE("batch size"),
    /** The engine's intra-op threads. */
    THREADS("threads");

    private final String label;

    Setting(String label) {
        this.label = label;
    }

    /** The setting's name as a student reads it: "learning rate". */
    public String label() {
        return label;
    }
}
