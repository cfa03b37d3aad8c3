package org.layerloom.app;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Clicks a node once the window has laid it out where a student could see it. A button that appears because a
 * background result arrived (the run's "Open for inspection") has no size until the next layout pulse, and a
 * click aimed at it before then misses. Test thread only.
 */
public final class WhenShown {

    private static final int TIMEOUT_SECONDS = 30;

    private WhenShown() {
    }

    /** Waits (at most 30 s) until the node {@code query} finds is laid out inside its window, then clicks it. */
    public static void click(FxRobot robot, String query) throws TimeoutException {
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).tryQuery().map(WhenShown::isShown)
                        .orElse(false)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(query);
    }

    private static boolean isShown(Node node) {
        Scene scene = node.getScene();
        if (scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        Bounds bounds = node.localToScene(node.getLayoutBounds());
        return bounds.getWidth() > 0 && bounds.getHeight() > 0
                && bounds.intersects(0, 0, scene.getWidth(), scene.getHeight());
    }
}
