package org.layerloom.app.ui;

/**
 * Tells the student that something they asked for is done ("Saved", "Exported", "Dataset in use"), briefly and
 * without taking the keyboard focus. The app's is {@link WindowNotifier} (ControlsFX notifications over the
 * main window); tests record what was told. JavaFX thread only.
 */
@FunctionalInterface
public interface Notifier {

    /** Shows {@code text} under the heading {@code title}. */
    void confirm(String title, String text);

    /** A notifier that tells nothing (views built alone). */
    Notifier NONE = (title, text) -> { };
}
