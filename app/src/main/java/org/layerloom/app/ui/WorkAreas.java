package org.layerloom.app.ui;

import java.util.Objects;
import javafx.scene.Node;

/**
 * The contents of the main window's four areas, built by the composition root and handed to
 * {@link MainWindow}; the window only places them. Immutable holder; build and use on the JavaFX thread.
 */
public record WorkAreas(Node data, Node model, Node train, Node inspect) {

    public WorkAreas {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(inspect, "inspect");
    }

    public Node get(Area area) {
        return switch (area) {
            case DATA -> data;
            case MODEL -> model;
            case TRAIN -> train;
            case INSPECT -> inspect;
        };
    }
}
