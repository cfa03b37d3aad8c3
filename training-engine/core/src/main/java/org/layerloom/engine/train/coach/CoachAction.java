package org.layerloom.engine.train.coach;

/**
 * A change the coach suggests that one click can apply: a new value for a training setting
 * ({@link SettingChange}), an edit of the network ({@link GraphChange}) or more epochs for a finished run
 * ({@link ContinueTraining}). Immutable; any thread.
 */
public sealed interface CoachAction permits SettingChange, GraphChange, ContinueTraining {

    /** The button text: "Set learning rate to 0.0001", "Insert Dropout (0.3) before Scores". */
    String label();
}
