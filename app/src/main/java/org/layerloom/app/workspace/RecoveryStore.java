package org.layerloom.app.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.layerloom.engine.project.AtomicFileWriter;
import org.layerloom.engine.project.EditJournal;
import org.layerloom.engine.project.JournalRecord;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFileException;
import org.layerloom.engine.project.ProjectFiles;

/**
 * Unsaved work kept safe: each open project window has a recovery slot in the config folder's
 * {@code recovery} folder: a snapshot ({@code ID.recovery.json}: the project as JSON, where it belongs,
 * when it was written and the sequence number of the last edit it holds), written by the autosave, and an
 * {@link EditJournal} beside it ({@code ID.journal}) with every edit committed since. A clean save or close
 * deletes both. A slot still there at the next start means LayerLoom did not close properly (a crash or a
 * kill), and the start screen offers to restore it: the snapshot with the journal's intact edits replayed
 * onto it. Snapshot writes are atomic, so a kill mid-write leaves the previous snapshot. Any thread; one
 * writer per slot.
 */
public final class RecoveryStore {

    private static final String SUFFIX = ".recovery.json";
    private static final String JOURNAL_SUFFIX = ".journal";

    private final Path folder;
    private final ObjectMapper json = new ObjectMapper();

    public RecoveryStore(UserFolders folders) {
        this(folders.recovery());
    }

    public RecoveryStore(Path folder) {
        this.folder = folder;
    }

    /** A new slot for one open project. */
    public Slot newSlot() {
        return new Slot(UUID.randomUUID().toString());
    }

    /**
     * Unsaved work that a previous session left behind, newest first: each slot's snapshot with its journal
     * replayed up to the first torn or damaged record. Slots of windows still open (their journal is locked) and
     * slots with neither a readable snapshot nor an intact edit are skipped.
     */
    public List<Snapshot> leftBehind() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        TreeSet<String> ids = new TreeSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.map(f -> f.getFileName().toString()).forEach(name -> {
                if (name.endsWith(SUFFIX)) {
                    ids.add(name.substring(0, name.length() - SUFFIX.length()));
                } else if (name.endsWith(JOURNAL_SUFFIX)) {
                    ids.add(name.substring(0, name.length() - JOURNAL_SUFFIX.length()));
                }
            });
        } catch (IOException e) {
            return List.of();
        }
        List<Snapshot> snapshots = new ArrayList<>();
        for (String id : ids) {
            recover(new Slot(id)).ifPresent(snapshots::add);
        }
        snapshots.sort(Comparator.comparing(Snapshot::savedAt).reversed());
        return snapshots;
    }

    /** The slot's snapshot with its journal's newer intact edits replayed onto it. */
    private Optional<Snapshot> recover(Slot slot) {
        if (EditJournal.inUse(slot.journalFile())) {
            return Optional.empty(); // a window still open, here or in another LayerLoom
        }
        Optional<Snapshot> autosaved = readSnapshot(slot);
        EditJournal.Contents journal;
        try {
            journal = EditJournal.read(slot.journalFile());
        } catch (IOException e) {
            return autosaved;
        }
        long autosavedThrough = autosaved.map(Snapshot::sequence).orElse(0L);
        List<JournalRecord> newer = journal.records().stream().filter(r -> r.sequence() > autosavedThrough).toList();
        if (newer.isEmpty()) {
            return autosaved;
        }
        JournalRecord last = newer.get(newer.size() - 1);
        return Optional.of(new Snapshot(slot, last.project(), last.file(), last.at(), last.sequence(), newer.size()));
    }

    private Optional<Snapshot> readSnapshot(Slot slot) {
        try {
            JsonNode root = json.readTree(Files.readString(slot.file(), StandardCharsets.UTF_8));
            Project project = ProjectFiles.fromJson(root.get("project").asText(), slot.file().getFileName().toString());
            JsonNode origin = root.get("file");
            return Optional.of(new Snapshot(slot, project,
                    origin == null || origin.isNull() ? Optional.empty() : Optional.of(Path.of(origin.asText())),
                    Instant.parse(root.get("savedAt").asText()), root.path("journalSequence").asLong(0), 0));
        } catch (IOException | ProjectFileException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Unsaved work found at start-up.
     *
     * @param file            where the project was saved before, empty for a project never saved
     * @param savedAt         when its newest state was made: its last journaled edit, else its autosave
     * @param sequence        the number of that last edit in its window's session (0 if unknown)
     * @param journaledEdits  how many edits the journal added to the autosave (0: the autosave alone)
     */
    public record Snapshot(Slot slot, Project project, Optional<Path> file, Instant savedAt, long sequence,
                           int journaledEdits) {

        /** "Spiral classifier (spirals.loom)" style description for the restore offer. */
        public String describe() {
            return project.name() + file.map(f -> " (" + f.getFileName() + ")").orElse(" (never saved)");
        }

        /**
         * How much was kept and when, seen now: "autosaved today at 14:02", or "12 edits recovered from the
         * journal, the last made today at 14:02".
         */
        public String recovered() {
            String when = Moments.describe(savedAt);
            return journaledEdits == 0 ? "autosaved " + when : journaledEdits + (journaledEdits == 1 ? " edit" : " edits")
                    + " recovered from the journal, the last made " + when;
        }
    }

    /** One project's recovery files: the autosaved snapshot and the journal of the edits since. */
    public final class Slot {

        private final String id;

        private Slot(String id) {
            this.id = id;
        }

        /**
         * Writes the project's current state, which holds the edits up to number {@code journalSequence}; atomic,
         * so a kill leaves the previous snapshot.
         */
        public void write(Project project, Optional<Path> origin, Instant now, long journalSequence)
                throws IOException {
            ObjectNode root = json.createObjectNode();
            root.put("savedAt", now.toString());
            if (origin.isPresent()) {
                root.put("file", origin.get().toAbsolutePath().toString());
            } else {
                root.putNull("file");
            }
            root.put("journalSequence", journalSequence);
            root.put("project", ProjectFiles.toJson(project));
            Files.createDirectories(folder);
            AtomicFileWriter.write(file(), json.writeValueAsBytes(root));
        }

        /**
         * Forgets the work: the work was saved, discarded or restored. The snapshot goes first, so that a live
         * slot's locked journal keeps it from looking left behind meanwhile.
         */
        public void clear() throws IOException {
            Files.deleteIfExists(file());
            Files.deleteIfExists(journalFile());
        }

        /** The journal of the edits made since the snapshot, for its writer. */
        public EditJournal newJournal() {
            return new EditJournal(journalFile());
        }

        Path file() {
            return folder.resolve(id + SUFFIX);
        }

        Path journalFile() {
            return folder.resolve(id + JOURNAL_SUFFIX);
        }
    }
}
