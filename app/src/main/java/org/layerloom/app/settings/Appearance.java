package org.layerloom.app.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import org.layerloom.app.workspace.Settings;
import org.layerloom.editor.view.EditorStylesheets;
import org.layerloom.engine.look.Theme;

/**
 * Applies the theme and font size of the {@link Settings} to a scene: LayerLoom's stylesheet, the dark
 * palette on top of it when chosen, the theme's style class on the root ({@link Theme#styleClass()}), the
 * editor's stylesheets, and the root font size that every size in the stylesheets follows. Stateless;
 * JavaFX thread only.
 */
public final class Appearance {

    static final String LIGHT = "/org/layerloom/app/ui/layerloom.css";
    static final String DARK = "/org/layerloom/app/ui/layerloom-dark.css";

    public void apply(Scene scene, Settings settings) {
        Theme theme = settings.theme();
        List<String> sheets = new ArrayList<>();
        sheets.add(Appearance.class.getResource(LIGHT).toExternalForm());
        if (theme.isDark()) {
            sheets.add(Appearance.class.getResource(DARK).toExternalForm());
        }
        scene.getStylesheets().setAll(sheets);
        scene.getRoot().setStyle(String.format(Locale.ROOT, "-fx-font-size: %dpx;", settings.fontSize()));
        for (Theme other : Theme.values()) {
            scene.getRoot().getStyleClass().remove(other.styleClass());
        }
        scene.getRoot().getStyleClass().add(theme.styleClass());
        EditorStylesheets.applyTo(scene.getRoot(), theme);
    }
}
