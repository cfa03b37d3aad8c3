package org.layerloom.engine.train;

/**
 * A run cannot start: the network and the data do not fit together, the device is missing, or the
 * network has problems. The message says what and how to fix it, in a student's words.
 */
public final class TrainingSetupException extends Exception {

    private static final long serialVersionUID = 1L;

    public TrainingSetupException(String message) {
        super(message);
    }
}
