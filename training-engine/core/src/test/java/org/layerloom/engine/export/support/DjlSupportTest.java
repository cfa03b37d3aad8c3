package org.layerloom.engine.export.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.layerloom.engine.graph.LayerKind.DENSE;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.testing.GraphBuilder;

class DjlSupportTest {

    private final DjlSupport support = new DjlSupport();

    @Test
    void every_layer_kind_is_written() {
        for (LayerKind kind : LayerKind.values()) {
            Node node = GraphBuilder.node("layer1", kind, 0, 0);
            assertThat(support.refusal(node, null)).as(kind.id()).isEmpty();
        }
    }

    @Test
    void ids_that_are_no_java_names_or_are_keywords_or_names_the_class_uses_are_refused() {
        for (String id : List.of("out-layer", "9lives", "class", "int", "store", "manager", "weights", "a$b", "", "Shape",
                "RNN", "IdEmbedding")) {
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
