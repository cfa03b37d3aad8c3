package org.layerloom.app.ui;

import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * The app's {@link Notifier}: a ControlsFX notification in the bottom-right corner of the main window (owned by
 * it, so it shows over that window, on its screen, and moves the keyboard focus nowhere), in the window's theme
 * and font size, gone after a few seconds. Without a showing window it tells nothing. JavaFX thread only.
 */
public final class WindowNotifier implements Notifier {

    /** The style class of LayerLoom's notifications, which layerloom.css styles. */
    public static final String STYLE_CLASS = "layerloom-notification";
    private static final Duration SHOWN = Duration.seconds(5);

    private final Supplier<Window> owner;

    /** @param owner the main window, or null before it exists */
    public WindowNotifier(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void confirm(String title, String text) {
        Window window = owner.get();
        if (window == null || !window.isShowing()) {
            return;
        }
        Label mark = new Label("✓");
        mark.getStyleClass().add("notification-mark");
        // The mark joins the popup's scene before the popup is measured and placed: style it then.
        mark.sceneProperty().addListener((obs, was, is) -> PopupLook.copy(window, is));
        Notifications.create().owner(window).title(title).text(text).graphic(mark).position(Pos.BOTTOM_RIGHT)
                .hideAfter(SHOWN).styleClass(STYLE_CLASS).show();
    }
}
