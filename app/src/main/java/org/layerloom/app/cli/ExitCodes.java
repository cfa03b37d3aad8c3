package org.layerloom.app.cli;

/** The exit codes of {@code layerloom}, as documented in its help. */
final class ExitCodes {

    /** Done; for validate: the network is valid (warnings allowed). */
    static final int OK = 0;
    /** validate: the file was read but the network has errors; screenshot: no image was written. */
    static final int FAILED = 1;
    /** The file could not be read, or the command line was wrong. */
    static final int UNUSABLE_INPUT = 2;

    private ExitCodes() {
    }
}
