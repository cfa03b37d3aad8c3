package org.layerloom.app.ui.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.graph.Category;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.LayerType;

class LayerReferenceViewModelTest {

    private final LayerReferenceViewModel model = new LayerReferenceViewModel(LayerCatalog.standard());

    @Test
    void without_search_every_kind_is_listed_by_category_in_palette_order() {
        assertThat(model.matches()).hasSize(LayerKind.values().length);
        assertThat(model.groupsProperty().get().keySet()).containsExactly(Category.values());
        assertThat(model.selectedProperty().get().kind()).isEqualTo(LayerKind.INPUT);
    }

    @Test
    void search_matches_names_ignoring_case_and_drops_empty_categories() {
        model.searchProperty().set("  CONV ");

        assertThat(model.matches()).extracting(LayerType::kind).contains(LayerKind.CONV1D, LayerKind.CONV2D);
        assertThat(model.groupsProperty().get().keySet()).doesNotContain(Category.RECURRENT);
    }

    @Test
    void search_also_finds_categories() {
        model.searchProperty().set("recurrent");

        assertThat(model.matches()).extracting(LayerType::kind)
                .containsExactly(LayerKind.SIMPLE_RNN, LayerKind.LSTM, LayerKind.GRU);
    }

    @Test
    void search_without_match_leaves_no_groups() {
        model.searchProperty().set("xyzzy");

        assertThat(model.groupsProperty().get()).isEmpty();
    }

    @Test
    void kinds_are_selected_by_their_file_id() {
        assertThat(model.selectKind("conv2d")).isTrue();
        assertThat(model.selectedProperty().get().kind()).isEqualTo(LayerKind.CONV2D);
        assertThat(model.selectKind("Quantum")).isFalse();
        assertThat(model.selectedProperty().get().kind()).isEqualTo(LayerKind.CONV2D);
    }

    @Test
    void parameter_texts_read_as_sentences() {
        LayerType dense = LayerCatalog.standard().type(LayerKind.DENSE);
        var units = dense.parameter("units").orElseThrow();
        var activation = dense.parameter("activation").orElseThrow();

        assertThat(ParamText.allowed(units)).isEqualTo("between 1 and 100,000");
        assertThat(ParamText.defaultValue(activation)).isEqualTo("none (linear)");
        assertThat(ParamText.allowed(activation).lines().toList()).contains("• ReLU");
        assertThat(LayerDetailView.formulaLines("a = b;  c = d")).isEqualTo("a = b\nc = d");
        assertThat(List.of(ParamText.allowed(LayerCatalog.standard().type(LayerKind.INPUT)
                .parameter("shape").orElseThrow()))).containsExactly("1 to 4 sizes, each between 1 and 1,000,000");
    }
}
