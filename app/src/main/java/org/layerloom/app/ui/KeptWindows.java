package org.layerloom.app.ui;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.event.EventHandler;
import javafx.collections.ListChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

/**
 * Gives the app's windows a sensible size and keeps it: each stage handed to {@link #keep} gets a minimum
 * size, opens where it was last time (size, position, maximised; otherwise at its default size, centred),
 * and its placement is remembered when it closes.
 *
 * <p>Two faults of JavaFX 21's Linux backend under a window manager such as Openbox are worked around here.
 * A stage shown for the first time opens at GTK's default 200×200 whatever its scene's size
 * (JDK-8316423, fixed in JavaFX 22), so the placement is applied again once the stage shows. And a modal
 * dialog freezes its owner's size while it is open, which makes the window manager un-maximise it
 * (JDK-8332222, fixed in JavaFX 23); so a kept stage that was maximised when a modal dialog opened is
 * maximised again once the dialog closes, and that dialog's un-maximising is not remembered. A native file
 * chooser does the same without showing in the window list: a window un-maximised while it does not have
 * the focus is taken as such and maximised again when it gets the focus back. JavaFX thread only.
 */
public final class KeptWindows {

    /** How often a window that just showed is checked for the size it was asked for. */
    private static final Duration SETTLING = Duration.millis(500);
    /** For how many {@link #SETTLING} periods a window just shown keeps its placement against the system. */
    private static final int FIRST_SHOW_CHECKS = 8;
    private static final int UNMAXIMIZE_CHECKS = 2;

    private final Function<String, Optional<WindowPlacement>> remembered;
    private final BiConsumer<String, WindowPlacement> remember;
    private final Supplier<List<Rectangle2D>> screens;
    private final Map<Stage, Kept> kept = new LinkedHashMap<>();
    private final Map<Window, Set<Stage>> modalsOpen = new LinkedHashMap<>();
    private final ListChangeListener<Window> windows = change -> {
        while (change.next()) {
            change.getAddedSubList().forEach(this::windowDidOpen);
            change.getRemoved().forEach(this::windowDidClose);
        }
    };

    /**
     * @param remembered where a window (by key) was last time
     * @param remember   stores where a window (by key) is as it closes
     * @param screens    the visual bounds of the screens, the primary first
     */
    public KeptWindows(Function<String, Optional<WindowPlacement>> remembered,
                       BiConsumer<String, WindowPlacement> remember, Supplier<List<Rectangle2D>> screens) {
        this.remembered = remembered;
        this.remember = remember;
        this.screens = screens;
        Window.getWindows().addListener(windows);
    }

    /**
     * Stops watching the app's dialogs and lets go of the kept stages: their listeners and minimum sizes go, so
     * a stage used again afterwards (as tests do) behaves as a plain stage. Any thread (the work is done on the
     * JavaFX thread).
     */
    public void close() {
        if (!Platform.isFxApplicationThread()) {
            Platform.runLater(this::close);
            return;
        }
        Window.getWindows().removeListener(windows);
        kept.values().forEach(Kept::detach);
        kept.clear();
        modalsOpen.clear();
    }

    /** The visual bounds of the real screens, the primary first. */
    public static List<Rectangle2D> systemScreens() {
        List<Rectangle2D> all = new ArrayList<>();
        all.add(Screen.getPrimary().getVisualBounds());
        Screen.getScreens().stream().filter(s -> !s.equals(Screen.getPrimary()))
                .forEach(s -> all.add(s.getVisualBounds()));
        return all;
    }

    /**
     * Keeps {@code stage} (call before it is first shown): at least {@code minWidth} × {@code minHeight},
     * where it was last time under {@code key}, or {@code width} × {@code height} centred.
     */
    public void keep(Stage stage, String key, double width, double height, double minWidth, double minHeight) {
        List<Rectangle2D> now = screens.get();
        Rectangle2D primary = now.isEmpty() ? new Rectangle2D(0, 0, width, height) : now.get(0);
        stage.setMinWidth(Math.min(minWidth, primary.getWidth()));
        stage.setMinHeight(Math.min(minHeight, primary.getHeight()));
        WindowPlacement start = remembered.apply(key).map(p -> p.fitted(now, minWidth, minHeight))
                .orElseGet(() -> WindowPlacement.centred(primary, width, height, minWidth, minHeight));
        Kept window = new Kept(stage, key, start);
        kept.put(stage, window);
        window.applyBounds();
        window.attach();
    }

    /** Where {@code stage} is remembered to be (its normal bounds and whether it is maximised). */
    public Optional<WindowPlacement> placement(Stage stage) {
        return Optional.ofNullable(kept.get(stage)).map(k -> k.placement);
    }

    private boolean blocked() {
        return !modalsOpen.isEmpty();
    }

    private void windowDidOpen(Window window) {
        if (window instanceof Stage stage && stage.getModality() != Modality.NONE && !kept.containsKey(stage)) {
            Set<Stage> maximized = new HashSet<>();
            kept.keySet().stream().filter(Stage::isMaximized).forEach(maximized::add);
            modalsOpen.put(window, maximized);
        }
    }

    private void windowDidClose(Window window) {
        Set<Stage> wereMaximized = modalsOpen.remove(window);
        if (wereMaximized == null) {
            return;
        }
        // The owner is enabled again (its size no longer frozen) after this pulse.
        Platform.runLater(() -> wereMaximized.forEach(stage -> {
            if (stage.isShowing()) {
                stage.setMaximized(false);
                stage.setMaximized(true);
            }
        }));
    }

    /** One kept stage and where it is. */
    private final class Kept {
        private final Stage stage;
        private final String key;
        private WindowPlacement placement;
        private boolean settled;
        private boolean restoreOnFocus;
        private int checksLeft;
        private boolean correcting;
        private boolean unmaximizing;

        Kept(Stage stage, String key, WindowPlacement placement) {
            this.stage = stage;
            this.key = key;
            this.placement = placement;
        }

        private final EventHandler<WindowEvent> onShown = e -> Platform.runLater(this::shown);
        private final EventHandler<WindowEvent> onHidden = e -> rememberPlacement();
        private final ChangeListener<Number> onBounds = (obs, was, is) -> boundsDidChange();
        private final ChangeListener<Boolean> onMaximized = (obs, was, is) -> maximizedDidChange(is);
        private final ChangeListener<Boolean> onFocus = (obs, was, is) -> focusDidChange(is);
        private boolean detached;

        void attach() {
            stage.addEventHandler(WindowEvent.WINDOW_SHOWN, onShown);
            stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, onHidden);
            stage.xProperty().addListener(onBounds);
            stage.yProperty().addListener(onBounds);
            stage.widthProperty().addListener(onBounds);
            stage.heightProperty().addListener(onBounds);
            stage.maximizedProperty().addListener(onMaximized);
            stage.focusedProperty().addListener(onFocus);
        }

        private void rememberPlacement() {
            remember.accept(key, placement);
        }

        void detach() {
            detached = true;
            stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, onShown);
            stage.removeEventHandler(WindowEvent.WINDOW_HIDDEN, onHidden);
            stage.xProperty().removeListener(onBounds);
            stage.yProperty().removeListener(onBounds);
            stage.widthProperty().removeListener(onBounds);
            stage.heightProperty().removeListener(onBounds);
            stage.maximizedProperty().removeListener(onMaximized);
            stage.focusedProperty().removeListener(onFocus);
            stage.setMinWidth(0);
            stage.setMinHeight(0);
        }

        void applyBounds() {
            stage.setX(placement.x());
            stage.setY(placement.y());
            stage.setWidth(placement.width());
            stage.setHeight(placement.height());
        }

        /**
         * Once shown: the size the window system lost (JDK-8316423), then maximised if it was. For a moment
         * the window manager may still answer an older request with GTK's size; that is undone too.
         */
        void shown() {
            settle(FIRST_SHOW_CHECKS);
            if (placement.maximized()) {
                stage.setMaximized(true);
            }
        }

        /**
         * Puts the window at its placement and holds it there for {@code checks} × {@link #SETTLING}: the
         * window manager may answer an older request late (on a busy machine, seconds after the window
         * appeared), and that answer is undone as it comes.
         */
        private void settle(int checks) {
            settled = false;
            checksLeft = checks;
            applyBounds();
            holdPlacement();
        }

        private void holdPlacement() {
            PauseTransition wait = new PauseTransition(SETTLING);
            wait.setOnFinished(e -> {
                if (detached) {
                    return;
                }
                if (displaced()) {
                    applyBounds();
                } else if (placement.maximized() && !stage.isMaximized()) {
                    stage.setMaximized(true);
                }
                if (--checksLeft > 0 && stage.isShowing()) {
                    holdPlacement();
                } else {
                    settled = true;
                }
            });
            wait.play();
        }

        /** Whether the window shows at another size than its normal placement asks for. */
        private boolean displaced() {
            return !placement.maximized() && !stage.isMaximized()
                    && (Math.abs(stage.getWidth() - placement.width()) > 2
                    || Math.abs(stage.getHeight() - placement.height()) > 2);
        }

        void boundsDidChange() {
            if (!settled) {
                // Setting the size of a window being maximised would un-maximise it.
                if (!correcting && displaced()) {
                    correcting = true;
                    Platform.runLater(() -> {
                        correcting = false;
                        if (!detached && displaced()) {
                            applyBounds();
                        }
                    });
                }
                return;
            }
            if (blocked() || unmaximizing || stage.isMaximized() || stage.isIconified() || stage.isFullScreen()) {
                return;
            }
            // While a window is being maximised its size may change before its state; look once that settled.
            Platform.runLater(() -> {
                if (!blocked() && !unmaximizing && !stage.isMaximized() && !stage.isIconified() && !stage.isFullScreen()
                        && stage.isShowing() && stage.getWidth() > 0 && stage.getHeight() > 0) {
                    placement = new WindowPlacement(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                            false);
                }
            });
        }

        void maximizedDidChange(boolean maximized) {
            if (!settled && placement.maximized() && !maximized && !blocked()) {
                // The window manager's late answer to the first size request un-maximised it.
                Platform.runLater(() -> {
                    if (!detached) {
                        stage.setMaximized(true);
                    }
                });
                return;
            }
            if (!settled || blocked() || stage.isIconified()) {
                return;
            }
            if (maximized) {
                record(true);
                return;
            }
            // A native file chooser blocks its owner too, unseen by the window list; the student, though,
            // un-maximises a window they are using, so one that lost the focus was un-maximised by a dialog.
            unmaximizing = true;
            PauseTransition look = new PauseTransition(Duration.millis(250));
            look.setOnFinished(e -> {
                unmaximizing = false;
                if (detached) {
                    return;
                }
                if (stage.isShowing() && !stage.isMaximized() && !stage.isFocused()) {
                    restoreOnFocus = true;
                } else if (!stage.isMaximized()) {
                    record(false);
                    // A window that opened maximised has no normal size in the window manager's memory.
                    if (displaced()) {
                        settle(UNMAXIMIZE_CHECKS);
                    }
                }
            });
            look.play();
        }

        void focusDidChange(boolean focused) {
            if (focused && restoreOnFocus) {
                restoreOnFocus = false;
                Platform.runLater(() -> stage.setMaximized(true));
            }
        }

        private void record(boolean maximized) {
            placement = new WindowPlacement(placement.x(), placement.y(), placement.width(), placement.height(),
                    maximized);
        }

        @Override
        public String toString() {
            return key + " " + placement.format();
        }
    }
}
