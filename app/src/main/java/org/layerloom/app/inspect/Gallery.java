package org.layerloom.app.inspect;

import java.util.List;

/**
 * The error gallery of one confusion-matrix cell: the test examples of class {@code actual} that the
 * network predicted as {@code predicted}, the first {@code items.size()} of {@code total}. Immutable; any thread.
 */
public record Gallery(int actual, int predicted, int total, List<GalleryItem> items) {

    public Gallery {
        items = List.copyOf(items);
    }
}
