package org.layerloom.app.settings;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.layerloom.app.workspace.Settings;
import org.layerloom.app.workspace.SettingsStore;
import org.layerloom.engine.look.Theme;

/**
 * The settings in force and their look on every window of the app: each scene registered with
 * {@link #style} gets the theme and font size ({@link Appearance}), now and on every change, and
 * {@link #themeProperty()} is the one theme the views follow. The editor's own dark-theme switch is kept in
 * step with the settings both ways, and {@link #save} also stores them (a failure is reported through
 * {@code notify}). JavaFX thread only.
 */
public final class AppLooks {

    private final SettingsStore store;
    private final ObjectProperty<Theme> editorTheme;
    private final Consumer<String> notify;
    private final Appearance appearance = new Appearance();
    private final List<Scene> scenes = new ArrayList<>();
    private final ReadOnlyObjectWrapper<Settings> settings = new ReadOnlyObjectWrapper<>(this, "settings");
    private final ObservableValue<Theme> theme = settings.map(Settings::theme);
    private boolean syncing;
    private ListChangeListener<Window> follower;

    /**
     * @param editorTheme the editor's theme switch, set from the settings and saved into them when the
     *                    student flips it
     */
    public AppLooks(SettingsStore store, Settings initial, ObjectProperty<Theme> editorTheme,
                    Consumer<String> notify) {
        this.store = store;
        this.editorTheme = editorTheme;
        this.notify = notify;
        settings.set(initial);
        editorTheme.set(initial.theme());
        editorTheme.addListener((obs, was, is) -> editorThemeDidChange(is));
    }

    /** Gives {@code scene} the current look and keeps it up to date. */
    public void style(Scene scene) {
        if (!scenes.contains(scene)) {
            scenes.add(scene);
        }
        appearance.apply(scene, settings.get());
    }

    /**
     * From now on every window the app opens over {@code main} (dialogs and alerts of any module, whoever
     * builds them) gets the look too, and is let go when it closes; until {@link #stopFollowing}.
     */
    public void followNewWindows(Window main) {
        stopFollowing();
        follower = change -> {
            while (change.next()) {
                for (Window window : change.getAddedSubList()) {
                    if (window instanceof Stage && window.getScene() != null && ownedBy(window, main)
                            && !scenes.contains(window.getScene())) {
                        style(window.getScene());
                        window.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> scenes.remove(window.getScene()));
                    }
                }
            }
        };
        Window.getWindows().addListener(follower);
    }

    /** New windows are no longer styled (the app's window closed). */
    public void stopFollowing() {
        if (follower != null) {
            Window.getWindows().removeListener(follower);
            follower = null;
        }
    }

    private static boolean ownedBy(Window window, Window main) {
        for (Window w = window; w != null; w = w instanceof Stage stage ? stage.getOwner() : null) {
            if (w == main) {
                return true;
            }
        }
        return false;
    }

    /** Applies {@code updated} to every window without storing it. */
    public void apply(Settings updated) {
        syncing = true;
        try {
            editorTheme.set(updated.theme());
        } finally {
            syncing = false;
        }
        scenes.forEach(s -> appearance.apply(s, updated));
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

    /** The theme in force, which every view that draws in code follows. */
    public ObservableValue<Theme> themeProperty() {
        return theme;
    }

    private void editorThemeDidChange(Theme wanted) {
        if (!syncing && wanted != null && settings.get().theme() != wanted) {
            save(settings.get().withTheme(wanted));
        }
    }
}
