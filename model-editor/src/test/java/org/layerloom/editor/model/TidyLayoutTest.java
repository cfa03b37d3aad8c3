package org.layerloom.editor.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.layerloom.editor.TestGraphs;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Position;

class TidyLayoutTest {

    @Test
    void a_chain_is_laid_out_in_one_row_from_left_to_right() {
        Map<String, Position> p = TidyLayout.positions(TestGraphs.mlp(), TidyLayout.Direction.LEFT_TO_RIGHT);
        assertThat(p.get("input1").x()).isLessThan(p.get("dense1").x());
        assertThat(p.get("dense1").x()).isLessThan(p.get("dense2").x());
        assertThat(p.values()).extracting(Position::y).containsOnly(p.get("input1").y());
    }

    @Test
    void a_skip_connection_puts_the_merge_after_the_longest_branch_and_nodes_never_overlap() {
        NetworkGraph g = TestGraphs.large(12);
        Map<String, Position> p = TidyLayout.positions(g, TidyLayout.Direction.LEFT_TO_RIGHT);
        assertThat(p.get("add0").x()).isGreaterThan(p.get("relu0").x());
        for (var a : p.entrySet()) {
            for (var b : p.entrySet()) {
                if (!a.getKey().equals(b.getKey())) {
                    boolean apart = Math.abs(a.getValue().x() - b.getValue().x()) >= NodeGeometry.WIDTH
                            || Math.abs(a.getValue().y() - b.getValue().y()) >= NodeGeometry.HEIGHT;
                    assertThat(apart).as(a.getKey() + " and " + b.getKey()).isTrue();
                }
            }
        }
    }
}
