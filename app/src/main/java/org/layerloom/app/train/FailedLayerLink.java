package org.layerloom.app.train;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.layerloom.engine.train.event.OutputNotFinite;

/**
 * The layer a failed run names when its output was not a number ({@link OutputNotFinite}): its node id and
 * the text of a "Show Conv 2 in the editor" link, both "" when there is none. Part of the dashboard's
 * view-model; JavaFX thread only.
 */
public final class FailedLayerLink {

    private final ReadOnlyStringWrapper nodeId = new ReadOnlyStringWrapper(this, "nodeId", "");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");

    void show(OutputNotFinite found) {
        nodeId.set(found.nodeId());
        text.set(found.nodeId().isEmpty() ? "" : "Show " + found.nodeName() + " in the editor");
    }

    void clear() {
        nodeId.set("");
        text.set("");
    }

    /** The node to show, or "". */
    public ReadOnlyStringProperty nodeIdProperty() {
        return nodeId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}
