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

    /** The mode this process was started with; an unknown value is reported and read as {@code auto}. */
    public static KernelMode current() {
        String value = Optional.ofNullable(System.getProperty("layerloom.kernels"))
                .orElseGet(() -> System.getenv("LAYERLOOM_KERNELS"));
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        return parse(value).orElseGet(() -> {
            System.err.println("LayerLoom: unknown kernel mode '" + value + "' (LAYERLOOM_KERNELS or"
                    + " -Dlayerloom.kernels); use auto, default or onednn-off. Using auto.");
            return AUTO;
        });
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
