package org.layerloom.engine.export.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.layerloom.engine.graph.LayerKind.*;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.testing.GraphBuilder;

class DjlSupportTest {

    private static final Set<LayerKind> WRITTEN = EnumSet.of(INPUT, OUTPUT, DENSE, FLATTEN, RESHAPE, DROPOUT, CONV1D,
            CONV2D, MAX_POOL2D, AVG_POOL2D, GLOBAL_AVG_POOL2D, ADD, CONCATENATE, RELU, LEAKY_RELU, ELU, GELU, SIGMOID,
            TANH, SOFTMAX);

    private final DjlSupport support = new DjlSupport();

    @Test
    void the_kinds_it_writes_pass_and_every_other_kind_is_refused_pointing_to_pytorch_and_onnx() {
        for (LayerKind kind : LayerKind.values()) {
            Node node = GraphBuilder.node("layer1", kind, 0, 0);
            if (WRITTEN.contains(kind)) {
                assertThat(support.refusal(node, null)).as(kind.id()).isEmpty();
            } else {
                assertThat(support.refusal(node, null)).as(kind.id()).hasValueSatisfying(reason ->
                        assertThat(reason).startsWith("the DJL export does not yet write")
                                .endsWith("Export to PyTorch or ONNX instead, which express every layer."));
            }
        }
    }

    @Test
    void ids_that_are_no_java_names_or_are_keywords_or_names_the_class_uses_are_refused() {
        for (String id : List.of("out-layer", "9lives", "class", "int", "store", "manager", "weights", "a$b", "")) {
            assertThat(support.refusal(GraphBuilder.node(id, DENSE, 0, 0), null)).as(id)
                    .hasValueSatisfying(reason -> assertThat(reason).contains("its id \"" + id + "\"")
                            .contains("such as \"layer1\""));
        }
        for (String id : List.of("dense1", "hidden_2", "Scores", "train")) {
            assertThat(support.refusal(GraphBuilder.node(id, DENSE, 0, 0), null)).as(id).isEmpty();
        }
    }

    @Test
    void the_djl_target_is_found_by_its_command_line_name() {
        assertThat(ExportTarget.fromId("djl")).contains(ExportTarget.DJL);
        assertThat(ExportTarget.DJL.support()).isInstanceOf(DjlSupport.class);
    }
}
