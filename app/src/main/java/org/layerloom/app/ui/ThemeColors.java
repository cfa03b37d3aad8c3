package org.layerloom.app.ui;

import javafx.beans.property.Property;
import javafx.beans.value.ObservableValue;
import org.layerloom.charts.CanvasChart;
import org.layerloom.charts.ChartColors;
import org.layerloom.engine.look.Theme;

/**
 * The charts' colours for each {@link Theme}, and the binding that keeps a chart in the app's theme: charts
 * cannot follow CSS, so a view binds each chart's {@code colorsProperty()} to the theme it was given. Bound
 * charts that are no longer shown are let go by the garbage collector. Stateless; JavaFX thread only.
 */
public final class ThemeColors {

    private ThemeColors() {
    }

    /** The chart colours of {@code theme}. */
    public static ChartColors of(Theme theme) {
        return ChartColors.of(theme != null && theme.isDark());
    }

    /** Keeps {@code colors} (a chart's colour property) in the colours of {@code theme}. */
    public static void bind(Property<ChartColors> colors, ObservableValue<Theme> theme) {
        colors.bind(theme.map(ThemeColors::of));
    }

    /** Keeps {@code chart} in the colours of {@code theme}; returns it. */
    public static <T extends CanvasChart> T follow(T chart, ObservableValue<Theme> theme) {
        bind(chart.colorsProperty(), theme);
        return chart;
    }
}
