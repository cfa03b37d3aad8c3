package org.layerloom.engine.data.csv;

import java.util.List;

/**
 * How one feature column becomes input values: a number (one value, normalised later) or a category (one-hot:
 * one value per category, 1 for its own). Immutable; any thread.
 */
public sealed interface ColumnKind {

    /** Number of input values this column gives. */
    int width();

    record Numeric() implements ColumnKind {
        @Override
        public int width() {
            return 1;
        }
    }

    /** The categories in a fixed order; value {@code i} sets input {@code i}. */
    record Categorical(List<String> categories) implements ColumnKind {
        public Categorical {
            categories = List.copyOf(categories);
        }

        @Override
        public int width() {
            return categories.size();
        }
    }
}
