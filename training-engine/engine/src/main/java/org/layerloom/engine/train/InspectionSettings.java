package org.layerloom.engine.train;

/**
 * Whether and how often a training run captures health statistics and activation previews on a fixed
 * probe batch (the first {@code probeExamples} validation examples, or training examples when there is
 * no validation split): every {@code everyBatches} optimizer steps (0: never) and/or at the last batch
 * of every epoch; weight histograms have {@code histogramBins} bins; {@code thumbnails} adds an
 * {@code ActivationsCaptured} event with per-node previews. With {@code decisionResolution} > 0 a network
 * with 2-D inputs also sends its decision map over that many cells per side at each capture; with
 * {@code embeddingSamples} > 0 a classifier sends, after each epoch, the PCA projection of its last hidden
 * layer on that many test examples. Off by default. Immutable; any thread.
 */
public record InspectionSettings(int everyBatches, boolean perEpoch, int probeExamples, int histogramBins,
                                 boolean thumbnails, int decisionResolution, int embeddingSamples) {

    /** No inspection: the fit loop does no extra work. */
    public static final InspectionSettings OFF = new InspectionSettings(0, false, 16, 20, false, 0, 0);

    public InspectionSettings {
        if (everyBatches < 0 || probeExamples < 1 || histogramBins < 1 || decisionResolution < 0
                || embeddingSamples < 0) {
            throw new IllegalArgumentException("everyBatches, decisionResolution and embeddingSamples must be at"
                    + " least 0, probeExamples and histogramBins at least 1");
        }
    }

    /** Health statistics and previews (no decision map, no embedding) as the first five numbers say. */
    public InspectionSettings(int everyBatches, boolean perEpoch, int probeExamples, int histogramBins,
                              boolean thumbnails) {
        this(everyBatches, perEpoch, probeExamples, histogramBins, thumbnails, 0, 0);
    }

    /**
     * Everything every {@code batches} steps and at each epoch's end: statistics and thumbnails on 16 probe
     * examples, a 100 × 100 decision map for 2-D inputs, the embedding of 1,000 test examples per epoch.
     */
    public static InspectionSettings every(int batches) {
        return new InspectionSettings(batches, true, 16, 20, true, 100, 1_000);
    }

    /** Statistics only at the end of each epoch, without thumbnails, maps or embeddings. */
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
