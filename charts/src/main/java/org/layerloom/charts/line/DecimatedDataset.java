package org.layerloom.charts.line;

import java.util.ArrayList;
import java.util.List;
import org.jfree.data.xy.AbstractXYDataset;

/**
 * What JFreeChart draws of a {@link LineChartModel}: each line thinned by {@link Decimation} to the
 * visible x range and the chart's width. {@link #update} recomputes every line and fires ONE change
 * event. JavaFX thread only (JFreeChart is touched there alone).
 */
final class DecimatedDataset extends AbstractXYDataset {

    private List<DrawnSeries> drawn = List.of();
    private final List<DoubleSeries> views = new ArrayList<>();

    void update(List<DrawnSeries> lines, double lower, double upper, int columns) {
        drawn = List.copyOf(lines);
        while (views.size() < drawn.size()) {
            views.add(new DoubleSeries(4 * Math.max(16, columns)));
        }
        for (int i = 0; i < drawn.size(); i++) {
            Decimation.minMax(drawn.get(i).data(), lower, upper, columns, views.get(i));
        }
        fireDatasetChanged();
    }

    List<DrawnSeries> drawn() {
        return drawn;
    }

    /** The number of points drawn, over all lines. */
    int drawnPoints() {
        int n = 0;
        for (int i = 0; i < drawn.size(); i++) {
            n += views.get(i).size();
        }
        return n;
    }

    @Override
    public int getSeriesCount() {
        return drawn.size();
    }

    @Override
    public Comparable<String> getSeriesKey(int series) {
        return drawn.get(series).key();
    }

    @Override
    public int getItemCount(int series) {
        return views.get(series).size();
    }

    @Override
    public Number getX(int series, int item) {
        return views.get(series).x(item);
    }

    @Override
    public double getXValue(int series, int item) {
        return views.get(series).x(item);
    }

    @Override
    public Number getY(int series, int item) {
        return views.get(series).y(item);
    }

    @Override
    public double getYValue(int series, int item) {
        return views.get(series).y(item);
    }
}
