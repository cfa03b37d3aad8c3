package org.layerloom.editor.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.layerloom.editor.TestGraphs;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Wire;

class GradientScaleTest {

    @Test
    void the_scale_spans_the_norms_on_a_log_scale() {
        GradientScale scale = GradientScale.over(List.of(1e-5, 1e-3, 1e-1, Double.NaN));
        assertThat(scale.low()).isEqualTo(1e-5);
        assertThat(scale.high()).isEqualTo(1e-1);
        assertThat(scale.position(1e-3)).isCloseTo(0.5, within(1e-9));
        assertThat(scale.position(1e-9)).isZero();
        assertThat(scale.position(5)).isEqualTo(1);
        assertThat(scale.position(Double.NaN)).isNaN();
        assertThat(scale.valueAt(0.5)).isCloseTo(1e-3, within(1e-12));
    }

    @Test
    void close_norms_are_spread_over_two_decades_so_they_do_not_look_dramatic() {
        GradientScale scale = GradientScale.over(List.of(0.1, 0.2));
        assertThat(Math.log10(scale.high() / scale.low())).isCloseTo(2, within(1e-9));
        assertThat(scale.position(0.1)).isBetween(0.3, 0.5);
        assertThat(GradientScale.over(List.of()).low()).isEqualTo(1e-4);
    }

    @Test
    void legend_numbers_are_short() {
        assertThat(GradientScale.format(0.03)).isEqualTo("0.03");
        assertThat(GradientScale.format(2)).isEqualTo("2");
        assertThat(GradientScale.format(1.2e-5)).isEqualTo("1e-05");
    }

    @Test
    void a_wire_shows_the_nearest_norm_upstream_else_downstream() {
        NetworkGraph graph = TestGraphs.convOnVector(); // input1 → conv2d1 → flatten1 → dense1 → output1
        Map<String, Double> norms = new HashMap<>();
        norms.put("conv2d1", 1e-4);
        norms.put("flatten1", Double.NaN);
        norms.put("dense1", 0.5);
        Map<Wire, Double> byWire = GradientScale.wireNorms(graph, norms);
        assertThat(byWire.get(Wire.between("input1", "conv2d1"))).isEqualTo(1e-4);
        assertThat(byWire.get(Wire.between("conv2d1", "flatten1"))).isEqualTo(1e-4);
        assertThat(byWire.get(Wire.between("flatten1", "dense1"))).isEqualTo(1e-4);
        assertThat(byWire.get(Wire.between("dense1", "output1"))).isEqualTo(0.5);
        assertThat(GradientScale.wireNorms(graph, Map.of()).get(Wire.between("input1", "conv2d1"))).isNaN();
    }

    @Test
    void health_marks_say_how_bad_and_what() {
        assertThat(new NodeHealthMark(0.62, Double.NaN).label()).isEqualTo("62 % dead");
        assertThat(new NodeHealthMark(0.62, Double.NaN).level()).isEqualTo(NodeHealthMark.Level.TROUBLE);
        assertThat(new NodeHealthMark(Double.NaN, 0.3).label()).isEqualTo("30 % saturated");
        assertThat(new NodeHealthMark(Double.NaN, 0.3).level()).isEqualTo(NodeHealthMark.Level.WATCH);
        assertThat(new NodeHealthMark(0.05, Double.NaN).level()).isEqualTo(NodeHealthMark.Level.HEALTHY);
        assertThat(new NodeHealthMark(Double.NaN, Double.NaN).applies()).isFalse();
    }
}
