package org.layerloom.app.train;

import java.nio.file.Path;
import org.layerloom.engine.train.event.TestMetrics;

/**
 * How a run ended, for the dashboard's result panel: the test metrics of the kept parameters, the best
 * epoch and its validation loss (NaN without validation), the epochs trained, the reason it ended, the
 * run folder and its length. Immutable.
 */
public record RunResult(TestMetrics test, int bestEpoch, double bestValidationLoss, int epochsDone, String reason,
                        Path folder, double seconds) {
}
