package org.layerloom.app.ui;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Rectangle2D;

/**
 * Where a window is and how big (its normal bounds, kept while it is maximised) and whether it is
 * maximised. {@link #fitted} brings a remembered placement onto the screens there are now; {@link #centred}
 * is the placement of a window opened for the first time. Written as {@code x,y,width,height,maximised}.
 * Immutable; any thread.
 */
public record WindowPlacement(double x, double y, double width, double height, boolean maximized) {

    /** How much of a window must lie on a screen for it to stay where it was (enough to grab its title). */
    static final double VISIBLE = 64;

    public WindowPlacement {
        if (!(width > 0) || !(height > 0) || !Double.isFinite(x) || !Double.isFinite(y)
                || !Double.isFinite(width) || !Double.isFinite(height)) {
            throw new IllegalArgumentException("A window needs a finite position and a positive size, not "
                    + x + "," + y + " " + width + "×" + height + ".");
        }
    }

    /**
     * A window of the {@code preferred} size (but at most 95 % × 92 % of the screen, and at least
     * {@code minWidth} × {@code minHeight} as far as the screen allows), centred on {@code screen}.
     */
    public static WindowPlacement centred(Rectangle2D screen, double preferredWidth, double preferredHeight,
                                          double minWidth, double minHeight) {
        double width = clamp(preferredWidth, Math.min(minWidth, screen.getWidth()), screen.getWidth() * 0.95);
        double height = clamp(preferredHeight, Math.min(minHeight, screen.getHeight()), screen.getHeight() * 0.92);
        return new WindowPlacement(Math.round(screen.getMinX() + (screen.getWidth() - width) / 2),
                Math.round(screen.getMinY() + (screen.getHeight() - height) / 2), width, height, false);
    }

    /**
     * This placement on the {@code screens} there are now (their visual bounds, the primary first): kept
     * where it was when enough of it shows on one of them, only shrunk to that screen and moved inside it;
     * otherwise (a screen that was unplugged) the same size centred on the primary screen.
     */
    public WindowPlacement fitted(List<Rectangle2D> screens, double minWidth, double minHeight) {
        if (screens.isEmpty()) {
            return this;
        }
        Rectangle2D home = screens.stream().filter(this::showsOn).findFirst().orElse(null);
        if (home == null) {
            WindowPlacement centred = centred(screens.get(0), width, height, minWidth, minHeight);
            return new WindowPlacement(centred.x, centred.y, centred.width, centred.height, maximized);
        }
        double w = clamp(width, Math.min(minWidth, home.getWidth()), home.getWidth());
        double h = clamp(height, Math.min(minHeight, home.getHeight()), home.getHeight());
        double left = clamp(x, home.getMinX(), home.getMaxX() - w);
        double top = clamp(y, home.getMinY(), home.getMaxY() - h);
        return new WindowPlacement(left, top, w, h, maximized);
    }

    /** The placement as one line, {@code x,y,width,height,maximised}. */
    public String format() {
        return String.format(Locale.ROOT, "%.0f,%.0f,%.0f,%.0f,%s", x, y, width, height, maximized);
    }

    /** A placement written by {@link #format}; empty for anything else. */
    public static Optional<WindowPlacement> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.trim().split(",");
        if (parts.length != 5 || !(parts[4].equals("true") || parts[4].equals("false"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new WindowPlacement(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                    Double.parseDouble(parts[2]), Double.parseDouble(parts[3]), Boolean.parseBoolean(parts[4])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private boolean showsOn(Rectangle2D screen) {
        double across = Math.min(x + width, screen.getMaxX()) - Math.max(x, screen.getMinX());
        double down = Math.min(y + height, screen.getMaxY()) - Math.max(y, screen.getMinY());
        // The title bar (the top of the window) must be reachable.
        return across >= VISIBLE && down >= Math.min(VISIBLE, height) && y >= screen.getMinY() - 8
                && y < screen.getMaxY() - VISIBLE / 2;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
