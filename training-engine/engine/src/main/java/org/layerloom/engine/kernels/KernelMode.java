package org.layerloom.engine.kernels;

import java.util.Locale;
import java.util.Optional;

/**
 * What the person asked for: {@code auto} (the default: test the default kernels and switch oneDNN off if
 * they fail), {@code default} (keep libtorch's default kernels whatever the self-test says, for comparisons
 * and the tests' raw run) or {@code onednn-off}. Read from the system property {@code layerloom.kernels} or
 * the environment variable {@code LAYERLOOM_KERNELS}. Immutable.
 */
public enum KernelMode {
    AUTO("auto"), DEFAULT("default"), ONEDNN_OFF("onednn-off");

    private final String id;

    KernelMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The mode this process was started with; an unknown value is read as {@code auto} (see {@link #ignored()}). */
    public static KernelMode current() {
        return requested().flatMap(KernelMode::parse).orElse(AUTO);
    }

    /** The requested value when it names no mode, so that the verdict can say it was ignored. */
    public static Optional<String> ignored() {
        return requested().filter(value -> parse(value).isEmpty());
    }

    private static Optional<String> requested() {
        return Optional.ofNullable(System.getProperty("layerloom.kernels"))
                .or(() -> Optional.ofNullable(System.getenv("LAYERLOOM_KERNELS"))).filter(v -> !v.isBlank());
    }

    public static Optional<KernelMode> parse(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        for (KernelMode mode : values()) {
            if (mode.id.equals(wanted)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
