package org.layerloom.editor.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.layerloom.editor.TestGraphs;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerCatalog;

class SvgExporterTest {

    @Test
    void the_picture_has_every_layer_its_shapes_and_a_curve_per_wire() {
        String svg = new SvgExporter(LayerCatalog.standard()).toSvg(GraphValidator.standard().validate(TestGraphs.mlp()));
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"");
        assertThat(svg).contains(">dense1</text>", ">Dense</text>", ">64  ·  50,240 params</text>", ">784</text>");
        assertThat(svg.split("<path ", -1)).hasSize(4);
        assertThat(svg.trim()).endsWith("</svg>");
    }

    @Test
    void names_are_escaped() {
        assertThat(SvgExporter.escape("a<b & \"c\"")).isEqualTo("a&lt;b &amp; &quot;c&quot;");
    }
}
