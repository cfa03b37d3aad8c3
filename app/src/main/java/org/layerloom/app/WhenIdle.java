package org.layerloom.app;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;

/** Runs an action once a busy flag is false (at once, on the next pulse, if it already is). JavaFX thread. */
final class WhenIdle {

    private WhenIdle() {
    }

    static void then(ObservableBooleanValue busy, Runnable action) {
        if (!busy.get()) {
            Platform.runLater(action);
            return;
        }
        busy.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean is) {
                if (!is) {
                    busy.removeListener(this);
                    Platform.runLater(action);
                }
            }
        });
    }
}
