package org.layerloom.engine.look;

import java.util.Locale;

/**
 * LayerLoom's two looks. The app's settings hold one; every view that draws in code (canvas charts, the
 * editor's grid and minimap) is given an {@code ObservableValue<Theme>} and repaints when it changes, while
 * stylesheets follow the {@link #styleClass()} on the scene's root. A plain value, free of JavaFX, so the
 * editor, the app and the settings file share it. Immutable; any thread.
 */
public enum Theme {
    LIGHT,
    DARK;

    public boolean isDark() {
        return this == DARK;
    }

    /** "light" or "dark", as the settings file and {@code --theme} write it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The style class the app puts on a scene's root: "theme-light" or "theme-dark". */
    public String styleClass() {
        return "theme-" + id();
    }

    /** {@link #DARK} when {@code dark}, else {@link #LIGHT}. */
    public static Theme of(boolean dark) {
        return dark ? DARK : LIGHT;
    }

    /**
     * The theme named {@code text} ("light" or "dark", in any case).
     *
     * @throws IllegalArgumentException for any other text
     */
    public static Theme parse(String text) {
        for (Theme theme : values()) {
            if (theme.name().equalsIgnoreCase(text)) {
                return theme;
            }
        }
        throw new IllegalArgumentException("unknown theme '" + text + "', use light or dark");
    }
}
