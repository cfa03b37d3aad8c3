package org.layerloom.editor.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ViewportTest {

    @Test
    void zooming_keeps_the_point_under_the_cursor_still() {
        Viewport v = new Viewport();
        v.panBy(30, 40);
        double cx = v.toCanvasX(200);
        double cy = v.toCanvasY(100);
        v.zoomAt(1.7, 200, 100);
        assertThat(v.toCanvasX(200)).isCloseTo(cx, within(1e-9));
        assertThat(v.toCanvasY(100)).isCloseTo(cy, within(1e-9));
    }

    @Test
    void fit_shows_the_whole_graph_at_most_at_full_size() {
        Viewport v = new Viewport();
        v.fit(new Bounds(0, 0, 2000, 100), 1000, 500);
        assertThat(v.zoom()).isLessThan(0.5);
        Bounds visible = v.visible(1000, 500);
        assertThat(visible.minX()).isLessThanOrEqualTo(0);
        assertThat(visible.maxX()).isGreaterThanOrEqualTo(2000);
        v.fit(new Bounds(0, 0, 100, 50), 1000, 500);
        assertThat(v.zoom()).isEqualTo(1);
    }

    @Test
    void fit_can_stop_at_a_larger_full_size() {
        Viewport v = new Viewport();
        v.fit(new Bounds(0, 0, 100, 50), 1000, 500, 1.5);
        assertThat(v.zoom()).isEqualTo(1.5);
    }

    @Test
    void zoom_stays_within_its_limits() {
        Viewport v = new Viewport();
        v.zoomAt(100, 0, 0);
        assertThat(v.zoom()).isEqualTo(Viewport.MAX_ZOOM);
    }
}
