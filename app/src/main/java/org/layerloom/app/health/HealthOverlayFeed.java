package org.layerloom.app.health;

import org.layerloom.editor.view.HealthOverlay;

/**
 * Keeps the editor's health overlay showing the capture chosen in a {@link HealthViewModel}: previews, health
 * marks, gradient norms and one colour scale for the whole run, pushed once per change of the model. Created
 * by {@link HealthView}; JavaFX thread only.
 */
public final class HealthOverlayFeed {

    private final HealthViewModel model;
    private final HealthOverlay overlay;

    public HealthOverlayFeed(HealthViewModel model, HealthOverlay overlay) {
        this.model = model;
        this.overlay = overlay;
        model.addListener(this::push);
        push();
    }

    private void push() {
        if (model.captureCount() == 0) {
            overlay.clear();
            return;
        }
        overlay.setGradientScale(model.gradientScale());
        overlay.setGradientNorms(model.gradientNorms());
        overlay.setNodeHealth(model.healthMarks());
        overlay.setPreviews(model.previews());
    }
}
