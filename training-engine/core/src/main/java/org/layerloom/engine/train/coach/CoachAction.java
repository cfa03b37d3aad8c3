package org.layerloom.engine.train.coach;

/**
 * A change the coach suggests that one click can apply: a new value for a training setting
 * ({@link SettingChange}) or an edit of the network ({@link GraphChange}). Immutable; any thread.
 */
public sealed interface CoachAction permits SettingChange, GraphChange {

    /** The button text: "Set learning rate to 0.0001", "Insert Dropout (0.3) before Scores". */
    String label();
}
