package org.layerloom.app.health;

import java.util.List;
import org.layerloom.engine.train.event.LayerHealth;

/** One recorded health capture of a run: where in training it was taken and every layer's health. Immutable. */
record HealthCapture(int epoch, int batch, long step, List<LayerHealth> layers) {

    HealthCapture {
        layers = List.copyOf(layers);
    }

    String label() {
        return "Epoch " + epoch + ", batch " + batch + " (step " + step + ")";
    }
}
