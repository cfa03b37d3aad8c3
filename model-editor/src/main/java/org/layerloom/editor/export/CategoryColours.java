package org.layerloom.editor.export;

import org.layerloom.engine.graph.Category;

/** The colour of each layer category in pictures (the light theme's, matching editor-light.css). */
final class CategoryColours {

    private CategoryColours() {
    }

    static String light(Category category) {
        return switch (category) {
            case INPUT_OUTPUT -> "#2f6fdb";
            case CORE -> "#6b4fd8";
            case CONVOLUTION -> "#0b8a7a";
            case POOLING -> "#3b8f2a";
            case NORMALISATION -> "#b7791f";
            case RECURRENT -> "#c2417f";
            case ATTENTION -> "#8e44ad";
            case MERGE -> "#52606d";
            case ACTIVATION -> "#d9660b";
        };
    }
}
