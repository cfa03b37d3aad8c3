package org.layerloom.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {

    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 728);
    private static final Rectangle2D DESK = new Rectangle2D(0, 0, 1600, 1000);
    private static final Rectangle2D RIGHT = new Rectangle2D(1600, 0, 1920, 1080);

    @Test
    void a_first_window_opens_at_its_default_size_centred_and_never_larger_than_the_screen() {
        assertThat(WindowPlacement.centred(DESK, 1360, 860, 960, 600))
                .isEqualTo(new WindowPlacement(120, 70, 1360, 860, false));
        WindowPlacement small = WindowPlacement.centred(LAPTOP, 1360, 860, 960, 600);
        assertThat(small.width()).isEqualTo(1366 * 0.95);
        assertThat(small.height()).isEqualTo(728 * 0.92);
        assertThat(small.x()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void a_remembered_place_on_a_screen_that_is_still_there_is_kept() {
        WindowPlacement onRight = new WindowPlacement(1700, 40, 1200, 800, true);

        assertThat(onRight.fitted(List.of(DESK, RIGHT), 960, 600)).isEqualTo(onRight);
    }

    @Test
    void a_window_left_on_an_unplugged_screen_comes_back_centred_on_the_primary_one() {
        WindowPlacement onRight = new WindowPlacement(1700, 40, 1200, 800, true);

        assertThat(onRight.fitted(List.of(DESK), 960, 600))
                .isEqualTo(new WindowPlacement(200, 100, 1200, 800, true));
    }

    @Test
    void a_window_larger_than_the_screen_now_is_shrunk_and_moved_inside_it() {
        WindowPlacement big = new WindowPlacement(100, 50, 1500, 950, false);

        WindowPlacement fitted = big.fitted(List.of(LAPTOP), 960, 600);

        assertThat(fitted).isEqualTo(new WindowPlacement(0, 0, 1366, 728, false));
    }

    @Test
    void a_window_whose_title_bar_is_above_the_screen_is_brought_back() {
        WindowPlacement lost = new WindowPlacement(300, -500, 1000, 700, false);

        assertThat(lost.fitted(List.of(DESK), 960, 600).y()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void placements_are_written_and_read_back_and_damaged_lines_are_ignored() {
        WindowPlacement placement = new WindowPlacement(121, 71, 1360, 860, true);

        assertThat(placement.format()).isEqualTo("121,71,1360,860,true");
        assertThat(WindowPlacement.parse(placement.format())).contains(placement);
        assertThat(WindowPlacement.parse("121,71,0,860,true")).isEmpty();
        assertThat(WindowPlacement.parse("a,b,c,d,true")).isEmpty();
        assertThat(WindowPlacement.parse("1,2,3,4,yes")).isEmpty();
        assertThat(WindowPlacement.parse(null)).isEmpty();
        assertThatThrownBy(() -> new WindowPlacement(0, 0, -1, 10, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
