package org.layerloom.engine.data;

/**
 * Why a loader left an example (a row, a file, a picture, a text) out of a dataset: an id for JSON and the run
 * manifest ("missing-value") and the words a sentence puts after a count ("12 with an empty cell"). Immutable;
 * any thread.
 */
public enum LeftOutReason {
    /** A table row with another number of values than the table has columns. */
    BAD_ROW("bad-row", "with another number of values than the columns"),
    /** A table row with an empty cell in a chosen column. */
    MISSING_VALUE("missing-value", "with an empty cell"),
    /** A labelled-text row without its text or its label. */
    UNLABELLED_TEXT("unlabelled-text", "without a text or without a label"),
    /** A file of zero bytes, or a text file with nothing but spaces. */
    EMPTY_FILE("empty-file", "empty"),
    /** A file or folder that could not be opened (permissions, a broken link). */
    UNREADABLE_FILE("unreadable-file", "that could not be opened"),
    /** A picture in a format LayerLoom cannot read (WebP, HEIC...). */
    UNSUPPORTED_FORMAT("unsupported-format", "in a format LayerLoom cannot read"),
    /** A damaged or truncated picture. */
    DAMAGED_IMAGE("damaged-image", "damaged or truncated"),
    /** A file in a class folder that is not a picture. */
    NOT_A_PICTURE("not-a-picture", "that are not pictures"),
    /** A file in a class folder of texts that does not end in .txt. */
    NOT_A_TEXT_FILE("not-a-text-file", "not ending in .txt"),
    /** A file directly in the dataset folder, not inside a class folder. */
    OUTSIDE_CLASS("outside-class", "outside any class folder"),
    /** A folder link leading back to a folder above it, not followed. */
    LINK_LOOP("link-loop", "behind a folder link leading back above itself");

    private final String id;
    private final String words;

    LeftOutReason(String id, String words) {
        this.id = id;
        this.words = words;
    }

    /** The id in JSON and the run manifest, e.g. "missing-value". */
    public String id() {
        return id;
    }

    /** The words after a count: "12 with an empty cell". */
    public String words() {
        return words;
    }
}
