package org.layerloom.app.start;

import java.util.OptionalDouble;
import java.util.function.BooleanSupplier;
import org.layerloom.samples.Sample;

/**
 * Measures how long a sample's full training takes on this computer (a few timed batches, scaled with
 * {@link TrainingTime#minutes}). Called on a background executor, never the JavaFX thread; it may take seconds.
 */
public interface SampleTimeEstimator {

    /**
     * The sample's full training time in minutes, or empty when it cannot be measured here (its dataset must be
     * downloaded first, say) or {@code cancelled} became true while measuring.
     */
    OptionalDouble minutes(Sample sample, BooleanSupplier cancelled);
}
