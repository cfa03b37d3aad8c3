package org.layerloom.editor.view;

import java.util.Locale;
import javafx.scene.shape.SVGPath;
import org.layerloom.engine.graph.Category;

/**
 * The small code-drawn icon of a layer category (a 16×16 path), coloured by the category's CSS class.
 * Stateless factory; JavaFX thread.
 */
final class LayerIcon {

    private LayerIcon() {
    }

    static SVGPath of(Category category) {
        SVGPath path = new SVGPath();
        path.setContent(switch (category) {
            case INPUT_OUTPUT -> "M1 8 H10 M7 4 L11 8 L7 12 M13 2 V14";
            case CORE -> "M3 3 h2 v2 h-2z M3 11 h2 v2 h-2z M11 3 h2 v2 h-2z M11 11 h2 v2 h-2z M5 4 L11 12 M5 12 L11 4"
                    + " M5 4 H11 M5 12 H11";
            case CONVOLUTION -> "M1 5 h8 v8 h-8z M4 2 h8 v8 M7 -1 h8 v8";
            case POOLING -> "M2 2 h5 v5 h-5z M9 2 h5 v5 h-5z M2 9 h5 v5 h-5z M9 9 h5 v5 h-5z M10 10 h3 v3 h-3z";
            case NORMALISATION -> "M1 14 C5 14 5 2 8 2 C11 2 11 14 15 14";
            case RECURRENT -> "M13 8 A5 5 0 1 1 10 3.5 M8 1 L11 3.6 L8 6";
            case ATTENTION -> "M1 8 C4 3 12 3 15 8 C12 13 4 13 1 8z M8 6 a2 2 0 1 0 0.01 0z";
            case MERGE -> "M1 3 L8 8 L1 13 M8 8 H15 M11 5 L14 8 L11 11";
            case ACTIVATION -> "M1 12 H8 L15 3";
        });
        path.getStyleClass().addAll("layer-icon", categoryClass(category));
        return path;
    }

    /** The CSS class that colours everything of a category, e.g. {@code cat-convolution}. */
    static String categoryClass(Category category) {
        return "cat-" + category.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
