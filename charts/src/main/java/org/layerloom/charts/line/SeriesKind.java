package org.layerloom.charts.line;

/** How a series is drawn in a {@link LineChartModel}. */
public enum SeriesKind {
    /** Noisy per-step values: a faint thin line with a smoothed line of the same colour over it. */
    RAW_WITH_SMOOTHED,
    /** A few important points (per epoch): a line with a dot on every point. */
    POINTS,
    /** A plain line. */
    LINE
}
