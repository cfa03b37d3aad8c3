package org.layerloom.engine.train.coach;

import java.util.Locale;
import java.util.Objects;

/**
 * A suggested new value for a training setting, with the value it replaces (NaN when unknown).
 * Immutable; any thread.
 */
public record SettingChange(Setting setting, double from, double to) implements CoachAction {

    public SettingChange {
        Objects.requireNonNull(setting, "setting");
        if (!Double.isFinite(to)) {
            throw new IllegalArgumentException("the new value must be a number");
        }
    }

    /** The new value as a whole number, for batch size, patience and threads. */
    public int intValue() {
        return (int) Math.round(to);
    }

    @Override
    public String label() {
        return "Set " + setting.label() + " to " + format(setting, to);
    }

    /** A setting's value as a student reads it: 0.0003, 1e-04, 128. */
    static String format(Setting setting, double value) {
        return switch (setting) {
            case BATCH_SIZE, EARLY_STOPPING_PATIENCE, THREADS -> Long.toString(Math.round(value));
            default -> value != 0 && Math.abs(value) < 1e-3 ? String.format(Locale.ROOT, "%.0e", value)
                    : String.format(Locale.ROOT, "%.4g", value).replaceAll("\\.?0+$", "");
        };
    }
}
