package org.layerloom.editor.view;

import java.util.concurrent.Executor;
import org.layerloom.editor.model.RecentFiles;

/**
 * What the editor needs from the application around it: an executor for reading files off the
 * JavaFX thread, a way back onto the JavaFX thread ({@code Platform::runLater} in the app, or a
 * direct executor in tests), and the recent-files list. Immutable; any thread.
 */
public record EditorServices(Executor io, Executor fx, RecentFiles recentFiles) {
}
