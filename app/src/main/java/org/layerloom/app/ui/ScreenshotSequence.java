package org.layerloom.app.ui;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Scene;

/**
 * Takes several screenshots one after the other: for each step it runs the step's preparation (show an
 * area, switch the theme), waits until nothing loads and a few frames were drawn ({@link ScreenshotWriter}),
 * writes the PNG and goes on; {@code whenDone} runs after the last. Single use; JavaFX thread only.
 */
public final class ScreenshotSequence {

    /** One picture: what to do before it, the scene to render and the file. */
    public record Step(Runnable prepare, Supplier<Scene> scene, Path file) {
    }

    private final Deque<Step> steps;
    private final ObservableBooleanValue busy;
    private final Runnable whenDone;

    public ScreenshotSequence(List<Step> steps, ObservableBooleanValue busy, Runnable whenDone) {
        this.steps = new ArrayDeque<>(steps);
        this.busy = busy;
        this.whenDone = whenDone;
    }

    public void start() {
        next();
    }

    private void next() {
        Step step = steps.poll();
        if (step == null) {
            whenDone.run();
            return;
        }
        step.prepare().run();
        new ScreenshotWriter(step.scene().get(), step.file(), busy, this::next).start();
    }
}
