package org.layerloom.charts.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Points at the same place share one label; the others keep theirs. */
class SharedLabelsTest {

    @Test
    void runs_at_the_same_size_and_accuracy_share_the_first_ones_label() {
        List<String> labels = SharedLabels.of(List.of(new ScatterPoint("big", 1251, 0.393),
                new ScatterPoint("pruned", 304, 0.383), new ScatterPoint("tuned", 304, 0.383),
                new ScatterPoint("other", 304, 0.384), new ScatterPoint("again", 304, 0.383)));

        assertThat(labels).containsExactly("big", "pruned +2", "", "other", "");
    }
}
