package org.layerloom.app.export;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One entry of the dialog's weights list: a saved run's kept weights, or the weights training would start from
 * (an imported model's starting weights, or the untrained weights the project's seed draws). Immutable.
 *
 * @param run the run's folder; empty for the weights training would start from
 */
public record WeightsChoice(String label, Optional<Path> run) {

    /** The untrained weights drawn with {@code seed}. */
    public static WeightsChoice untrained(long seed) {
        return new WeightsChoice("Untrained weights (drawn with the seed " + seed + ")", Optional.empty());
    }

    /** The starting weights of an imported model, in {@code file} beside the project. */
    public static WeightsChoice starting(String file) {
        return new WeightsChoice("Starting weights (imported, " + file + ")", Optional.empty());
    }

    @Override
    public String toString() {
        return label;
    }
}
