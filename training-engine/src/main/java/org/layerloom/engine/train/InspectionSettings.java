package org.layerloom.engine.train;

/**
 * Whether and how often a training run captures health statistics and activation previews on a fixed
 * probe batch (the first {@code probeExamples} validation examples, or training examples when there is
 * no validation split): every {@code everyBatches} optimizer steps (0: never) and/or at the last batch
 * of every epoch; weight histograms have {@code histogramBins} bins; {@code thumbnails} adds an
 * {@code ActivationsCaptured} event with per-node previews. Off by default. Immutable; any thread.
 */
public record InspectionSettings(int everyBatches, boolean perEpoch, int probeExamples, int histogramBins,
                                 boolean thumbnails) {

    /** No inspection: the fit loop does no extra work. */
    public static final InspectionSettings OFF = new InspectionSettings(0, false, 16, 20, false);

    public InspectionSettings {
        if (everyBatches < 0 || probeExamples < 1 || histogramBins < 1) {
            throw new IllegalArgumentException("everyBatches must be at least 0, probeExamples and histogramBins"
                    + " at least 1");
        }
    }

    /** Statistics and thumbnails every {@code batches} steps and at each epoch's end, on 16 probe examples. */
    public static InspectionSettings every(int batches) {
        return new InspectionSettings(batches, true, 16, 20, true);
    }

    /** Statistics only at the end of each epoch, without thumbnails. */
    public static InspectionSettings perEpochOnly() {
        return new InspectionSettings(0, true, 16, 20, false);
    }

    public boolean enabled() {
        return everyBatches > 0 || perEpoch;
    }

    /** Whether the step ending batch {@code batch} of {@code batchesPerEpoch} (step {@code step}, from 1) is captured. */
    public boolean due(int batch, int batchesPerEpoch, long step) {
        return (everyBatches > 0 && step % everyBatches == 0) || (perEpoch && batch == batchesPerEpoch);
    }
}
