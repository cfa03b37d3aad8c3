package org.layerloom.app;

import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application: builds the {@link Workbench} (the composition root) on the primary stage with
 * the {@link LaunchOptions} from the command line, and shuts its executors down when JavaFX stops. JavaFX
 * calls it on the JavaFX thread.
 */
public final class LayerLoomApp extends Application {

    private Workbench workbench;

    @Override
    public void start(Stage stage) {
        show(stage, LaunchOptions.fromNamed(getParameters().getNamed()), AppEnvironment.standard());
    }

    /** Builds and shows the app on {@code stage}; also used by tests. */
    Workbench show(Stage stage, LaunchOptions options, AppEnvironment environment) {
        workbench = new Workbench(stage, environment);
        workbench.show(options);
        return workbench;
    }

    @Override
    public void stop() {
        if (workbench != null) {
            workbench.shutdown();
        }
    }
}
