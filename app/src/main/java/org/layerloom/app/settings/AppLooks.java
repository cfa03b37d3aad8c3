package org.layerloom.app.settings;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Scene;
import org.layerloom.app.workspace.Settings;
import org.layerloom.app.workspace.SettingsStore;
import org.layerloom.editor.view.EditorTheme;

/**
 * The settings in force and their look on every window of the app: each scene registered with
 * {@link #style} gets the theme and font size ({@link Appearance}) and the editor's theme, now and on
 * every change. The editor's own dark-theme switch is kept in step with the settings both ways, and
 * {@link #save} also stores them (a failure is reported through {@code notify}). JavaFX thread only.
 */
public final class AppLooks {

    private final SettingsStore store;
    private final ObjectProperty<EditorTheme> editorTheme;
    private final Consumer<String> notify;
    private final Appearance appearance = new Appearance(List.of(), List.of());
    private final List<Scene> scenes = new ArrayList<>();
    private final ReadOnlyObjectWrapper<Settings> settings = new ReadOnlyObjectWrapper<>(this, "settings");
    private boolean syncing;

    public AppLooks(SettingsStore store, Settings initial, ObjectProperty<EditorTheme> editorTheme,
                    Consumer<String> notify) {
        this.store = store;
        this.editorTheme = editorTheme;
        this.notify = notify;
        settings.set(initial);
        editorTheme.set(editorThemeOf(initial));
        editorTheme.addListener((obs, was, is) -> editorThemeDidChange(is));
    }

    /** Gives {@code scene} the current look and keeps it up to date. */
    public void style(Scene scene) {
        if (!scenes.contains(scene)) {
            scenes.add(scene);
        }
        look(scene, settings.get());
    }

    /** Applies {@code updated} to every window without storing it. */
    public void apply(Settings updated) {
        syncing = true;
        try {
            editorTheme.set(editorThemeOf(updated));
        } finally {
            syncing = false;
        }
        scenes.forEach(s -> look(s, updated));
        settings.set(updated);
    }

    /** Applies {@code updated} and stores it in the settings file. */
    public void save(Settings updated) {
        apply(updated);
        try {
            store.save(updated);
        } catch (IOException e) {
            notify.accept("The settings could not be saved (" + e.getMessage() + "); they apply until you quit.");
        }
    }

    /** The settings in force. */
    public ReadOnlyObjectProperty<Settings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    private void look(Scene scene, Settings current) {
        appearance.apply(scene, current);
        editorThemeOf(current).applyTo(scene.getRoot());
    }

    private void editorThemeDidChange(EditorTheme theme) {
        Settings.Theme wanted = theme == EditorTheme.DARK ? Settings.Theme.DARK : Settings.Theme.LIGHT;
        if (!syncing && settings.get().theme() != wanted) {
            save(settings.get().withTheme(wanted));
        }
    }

    private static EditorTheme editorThemeOf(Settings settings) {
        return settings.theme() == Settings.Theme.DARK ? EditorTheme.DARK : EditorTheme.LIGHT;
    }
}
