package org.layerloom.app.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import org.layerloom.app.workspace.Settings;

/**
 * Applies the theme and font size of the {@link Settings} to a scene: LayerLoom's stylesheet, the dark
 * palette on top of it when chosen, any extra stylesheets of the views inside (the editor's own), and the
 * root font size that every size in the stylesheets follows. JavaFX thread only.
 */
public final class Appearance {

    static final String LIGHT = "/org/layerloom/app/ui/layerloom.css";
    static final String DARK = "/org/layerloom/app/ui/layerloom-dark.css";

    private final List<String> extraLight;
    private final List<String> extraDark;

    /**
     * @param extraLight stylesheet URLs added in the light theme (e.g. the editor's)
     * @param extraDark  stylesheet URLs added in the dark theme
     */
    public Appearance(List<String> extraLight, List<String> extraDark) {
        this.extraLight = List.copyOf(extraLight);
        this.extraDark = List.copyOf(extraDark);
    }

    public void apply(Scene scene, Settings settings) {
        List<String> sheets = new ArrayList<>();
        sheets.add(Appearance.class.getResource(LIGHT).toExternalForm());
        sheets.addAll(extraLight);
        if (settings.theme() == Settings.Theme.DARK) {
            sheets.add(Appearance.class.getResource(DARK).toExternalForm());
            sheets.addAll(extraDark);
        }
        scene.getStylesheets().setAll(sheets);
        scene.getRoot().setStyle(String.format(Locale.ROOT, "-fx-font-size: %dpx;", settings.fontSize()));
        scene.getRoot().getStyleClass().removeAll("theme-light", "theme-dark");
        scene.getRoot().getStyleClass().add(settings.theme() == Settings.Theme.DARK ? "theme-dark" : "theme-light");
    }
}
