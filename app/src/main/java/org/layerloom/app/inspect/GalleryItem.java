package org.layerloom.app.inspect;

import java.util.Optional;
import org.layerloom.engine.inspect.GradCamMap;
import org.layerloom.engine.inspect.Misclassified;

/**
 * One tile of the error gallery: the misclassified test example (index, true and predicted class, top-3
 * probabilities), its input values and, for convolutional image models, the Grad-CAM map of the predicted
 * class. Immutable (the input is copied); any thread.
 */
public record GalleryItem(Misclassified example, float[] input, Optional<GradCamMap> gradCam) {

    public GalleryItem {
        input = input.clone();
    }

    @Override
    public float[] input() {
        return input.clone();
    }
}
