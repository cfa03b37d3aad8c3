package org.layerloom.app.smoke;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The smoke test's command line: {@code --smoke-test [--smoke-timeout=SECONDS] [--smoke-screenshot=FILE.png]
 * [--smoke-sample=ID]}. Immutable; any thread.
 *
 * @param timeoutSeconds the watchdog's limit for the whole run
 * @param screenshot     where to write a PNG of the start screen once it is shown, if anywhere
 * @param sampleId       the sample to open and train (one on generated data, so no download is needed)
 */
public record SmokeOptions(long timeoutSeconds, Optional<Path> screenshot, String sampleId) {

    /** The flag that turns the smoke test on. */
    public static final String FLAG = "--smoke-test";
    private static final String TIMEOUT = "--smoke-timeout=";
    private static final String SCREENSHOT = "--smoke-screenshot=";
    private static final String SAMPLE = "--smoke-sample=";
    private static final long DEFAULT_TIMEOUT = 180;

    public SmokeOptions {
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("the smoke-test timeout must be at least 1 second");
        }
    }

    /** True when the first argument is {@value #FLAG}. */
    public static boolean requested(String[] args) {
        return args.length > 0 && FLAG.equals(args[0]);
    }

    /** Reads the arguments after {@value #FLAG}; refuses any it does not know, with the reason. */
    public static SmokeOptions parse(String[] args) {
        long timeout = DEFAULT_TIMEOUT;
        Optional<Path> screenshot = Optional.empty();
        String sample = "spirals";
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith(TIMEOUT)) {
                try {
                    timeout = Long.parseLong(arg.substring(TIMEOUT.length()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(arg + ": the timeout must be a whole number of seconds", e);
                }
            } else if (arg.startsWith(SCREENSHOT)) {
                screenshot = Optional.of(Path.of(arg.substring(SCREENSHOT.length())));
            } else if (arg.startsWith(SAMPLE)) {
                sample = arg.substring(SAMPLE.length());
            } else {
                throw new IllegalArgumentException("unknown smoke-test option " + arg + "; known: " + TIMEOUT
                        + "SECONDS, " + SCREENSHOT + "FILE.png, " + SAMPLE + "ID");
            }
        }
        return new SmokeOptions(timeout, screenshot, sample);
    }
}
