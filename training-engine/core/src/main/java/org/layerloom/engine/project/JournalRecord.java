package org.layerloom.engine.project;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of an {@link EditJournal}: the whole project as it was right after the student's
 * {@code sequence}-th committed edit (an edit of the network, a change of the data or training settings,
 * an undo or a redo), when it was made and the file the project belongs to (empty if never saved).
 * Holding the whole project rather than a description of the edit keeps replay exact for every kind of
 * edit: the last intact entry is the state. Immutable; any thread.
 */
public record JournalRecord(long sequence, Instant at, Optional<Path> file, Project project) {

    public JournalRecord {
        if (sequence < 1) {
            throw new IllegalArgumentException("a journal sequence starts at 1, not " + sequence);
        }
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(project, "project");
    }
}
