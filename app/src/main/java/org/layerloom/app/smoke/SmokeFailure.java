package org.layerloom.app.smoke;

/** A smoke-test step did not do what it should; the message says what happened. Any thread. */
public final class SmokeFailure extends Exception {

    private static final long serialVersionUID = 1L;

    public SmokeFailure(String message) {
        super(message);
    }

    public SmokeFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
