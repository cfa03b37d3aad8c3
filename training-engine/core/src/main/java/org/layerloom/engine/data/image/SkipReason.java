package org.layerloom.engine.data.image;

import java.util.Optional;
import org.layerloom.engine.data.LeftOutReason;

/**
 * Why a file below an image folder was left out of the dataset, with the words a note uses for it and what a
 * student can do about it. Immutable; any thread.
 */
public enum SkipReason {
    /** A hidden or system file or folder (name starting with ".", Thumbs.db, desktop.ini, __MACOSX). */
    HIDDEN("hidden or system file(s) or folder(s)", "They are ignored on purpose; nothing to do.", null),
    /** A file directly in the dataset folder, not inside a class folder. */
    OUTSIDE_CLASS("file(s) outside any class folder",
            "Move each picture into the sub-folder of its class to use it.", LeftOutReason.OUTSIDE_CLASS),
    /** A file whose name or content is not that of a picture. */
    NOT_A_PICTURE("file(s) that are not pictures", "Only pictures are read from class folders.", LeftOutReason.NOT_A_PICTURE),
    /** A picture in a format Java cannot read here (WebP, HEIC, ...). */
    UNSUPPORTED_FORMAT("picture(s) in a format LayerLoom cannot read",
            "Convert them to PNG or JPEG to use them.", LeftOutReason.UNSUPPORTED_FORMAT),
    /** A file of zero bytes. */
    EMPTY_FILE("empty file(s) (0 bytes)", "Copy the pictures again; these hold nothing.", LeftOutReason.EMPTY_FILE),
    /** A picture that is truncated or damaged, even where a partial picture could be decoded. */
    DAMAGED("damaged or truncated picture(s)",
            "Open them in an image viewer and save them again, or copy them again, or delete them.", LeftOutReason.DAMAGED_IMAGE),
    /** A file or folder that could not be opened (permissions, a broken link). */
    UNREADABLE("file(s) or folder(s) that could not be opened",
            "Check that you may read them (their permissions) and that links point to existing files.", LeftOutReason.UNREADABLE_FILE),
    /** A folder link that leads back to a folder above it; it was not followed. */
    LINK_LOOP("folder link(s) leading back to a folder above them",
            "Such links are not followed; remove the link, or replace it by a copy of the pictures.", LeftOutReason.LINK_LOOP);

    private final String words;
    private final String advice;
    private final LeftOutReason leftOut;

    SkipReason(String words, String advice, LeftOutReason leftOut) {
        this.words = words;
        this.advice = advice;
        this.leftOut = leftOut;
    }

    /** The reason counted in the dataset's {@code DataUse}; empty for hidden files, which are no examples. */
    public Optional<LeftOutReason> leftOutReason() {
        return Optional.ofNullable(leftOut);
    }

    /** The plural noun phrase a note uses, after a count: "3 damaged or truncated picture(s)". */
    public String words() {
        return words;
    }

    /** What the student can do about files skipped for this reason. */
    public String advice() {
        return advice;
    }
}
