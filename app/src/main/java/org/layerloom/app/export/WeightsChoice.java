package org.layerloom.app.export;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One entry of the dialog's weights list: a saved run's kept weights, or the untrained weights the project's seed
 * draws. Immutable.
 *
 * @param run the run's folder; empty for the untrained weights
 */
public record WeightsChoice(String label, Optional<Path> run) {

    /** The untrained weights drawn with {@code seed}. */
    public static WeightsChoice untrained(long seed) {
        return new WeightsChoice("Untrained weights (drawn with the seed " + seed + ")", Optional.empty());
    }

    @Override
    public String toString() {
        return label;
    }
}
