package org.layerloom.app;

/**
 * Opens the LayerLoom window and returns when it has closed. The command line gets one from
 * {@link Main}; tests pass their own. Call from the main thread, once per process (JavaFX can start
 * only once).
 */
@FunctionalInterface
public interface AppLauncher {

    void launch(LaunchOptions options);
}
