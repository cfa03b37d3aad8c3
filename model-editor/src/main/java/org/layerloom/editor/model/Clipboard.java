package org.layerloom.editor.model;

import java.util.Optional;

/**
 * The editor's own clipboard: the last copied {@link GraphFragment} and how many times it has been
 * pasted (each paste lands a little further down and right). One per editor; not thread-safe.
 */
public final class Clipboard {

    private GraphFragment content;
    private int pastes;

    public Optional<GraphFragment> content() {
        return Optional.ofNullable(content);
    }

    public void put(GraphFragment fragment) {
        content = fragment;
        pastes = 0;
    }

    /** Counts a paste and returns how many came before it, starting at 1 for the first paste. */
    public int nextPasteNumber() {
        return ++pastes;
    }

    public boolean isEmpty() {
        return content == null || content.isEmpty();
    }
}
